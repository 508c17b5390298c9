#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "sbx/common/result.h"
#include "sbx/connect/connection_profile.h"

namespace sbx::connect {

// A client connection to a broker over TCP, optionally TLS, with a timeout on every
// operation, for connector plugins that speak a protocol by hand (NATS, RESP, MQTT, AMQP).
// Failures carry a classified ErrorCode and a sentence a user can act on:
//   Unavailable  "cannot resolve host name 'x'", "connection refused by x:p ...",
//                "x:p closed the connection"
//   Timeout      "no answer from x:p within 5 s ..."
//   TlsError     "TLS handshake with x:p failed: certificate verify failed ..."
// Not thread-safe except close(), which another thread may call to end a blocked read.
class NetworkStream {
public:
    using Milliseconds = std::chrono::milliseconds;

    static Result<std::unique_ptr<NetworkStream>> connect(const std::string& host,
                                                          std::uint16_t port,
                                                          const TlsSettings& tls,
                                                          Milliseconds timeout);
    ~NetworkStream();
    NetworkStream(const NetworkStream&) = delete;
    NetworkStream& operator=(const NetworkStream&) = delete;

    // Upgrades a plain connection to TLS in place, for protocols that agree on TLS after
    // a plain greeting (NATS's INFO with tls_required, STARTTLS). Nothing may be buffered.
    Status startTls(const TlsSettings& tls, const std::string& host, Milliseconds timeout);

    Status write(std::string_view bytes, Milliseconds timeout);
    // At least one byte appended to `into`; Timeout when nothing came within `timeout`.
    Result<std::size_t> readSome(std::string& into, Milliseconds timeout);
    // Lines end in CRLF (or LF); the line is returned without it. Bytes read past the
    // line stay buffered for the next call.
    Result<std::string> readLine(Milliseconds timeout, std::size_t maxLength = 1 << 20);
    Result<std::string> readExactly(std::size_t count, Milliseconds timeout);
    // Buffered bytes not yet returned by readLine/readExactly, taken out.
    std::string takeBuffered();
    // Waits at most `wait` for bytes and appends what came: 0 when nothing came in time
    // or wake() was called. Unlike readSome, running out of time leaves the stream open,
    // so one thread can read, write and keep a connection alive (an MQTT client's pings).
    Result<std::size_t> readAvailable(std::string& into, Milliseconds wait);
    // Ends a readAvailable waiting in another thread (it returns 0), e.g. because that
    // thread has something to write. Thread-safe, like close().
    void wake();

    void close();
    [[nodiscard]] bool isOpen() const;
    [[nodiscard]] const std::string& peer() const;  // "host:port"

    struct Impl;

private:
    explicit NetworkStream(std::unique_ptr<Impl> impl);
    Result<std::size_t> readFromSocket(std::string& into, Milliseconds timeout);
    std::unique_ptr<Impl> impl_;
};

// "5 s", "500 ms": for messages.
[[nodiscard]] std::string describeDuration(std::chrono::milliseconds duration);

}  // namespace sbx::connect
