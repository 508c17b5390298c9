#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace sbx::broker {

// What the protocol logic needs from a network connection (TCP or WebSocket). The asio
// side implements it; tests can implement it over a plain buffer.
class ConnectionIo {
public:
    using Fill = std::function<void(std::vector<std::uint8_t>&)>;

    virtual ~ConnectionIo() = default;
    // Thread-safe. Runs `fill` under the output lock to append bytes to the pending
    // output, then makes sure a write is under way. False when the connection is closed.
    virtual bool write(const Fill& fill) = 0;
    // Like write(), but `fill` runs only when the connection next hands its pending bytes
    // to the socket, so it can write what accumulated until then in one go (publisher
    // confirms). Runs under the output lock: it must not take locks held around write().
    // Implementations without a write loop may run it at once.
    virtual bool writeLate(Fill fill) { return write(fill); }
    [[nodiscard]] virtual std::size_t pendingBytes() const = 0;
    // Closes after what is pending has been written. Thread-safe.
    virtual void closeAfterWrites() = 0;
    // Closes if nothing arrives for `timeout` (0: never). Strand only.
    virtual void setIdleTimeout(std::chrono::milliseconds timeout) = 0;
    [[nodiscard]] virtual const std::string& remoteAddress() const = 0;
    // Flow control: stop reading after the bytes at hand (strand only), and start again
    // (any thread).
    virtual void pauseReading() = 0;
    virtual void resumeReading() = 0;
};

}  // namespace sbx::broker
