#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "nats_protocol.h"
#include "nats_settings.h"
#include "sbx/common/result.h"
#include "sbx/connect/network_stream.h"

namespace sbx::nats {

// What the server's INFO told us.
struct ServerInfo {
    std::string serverId;
    std::string version;
    bool jetstream = false;
    bool headers = false;
    bool tlsRequired = false;
    bool authRequired = false;
    std::uint64_t maxPayload = 1U << 20;
};

// One NATS client connection: INFO, CONNECT (TLS upgrade when the server requires it),
// publish, subscribe, request/reply through an _INBOX. Not thread-safe: a session guards
// its command connection with a mutex; background readers own theirs. close() may be
// called from another thread to end a blocked read.
class NatsConnection {
public:
    using Clock = std::chrono::steady_clock;

    static Result<std::unique_ptr<NatsConnection>> open(const NatsSettings& settings,
                                                        std::string_view clientName);

    [[nodiscard]] const ServerInfo& serverInfo() const { return info_; }
    [[nodiscard]] const NatsSettings& settings() const { return settings_; }
    [[nodiscard]] bool isOpen() const { return stream_->isOpen(); }
    [[nodiscard]] Clock::time_point lastUsed() const { return lastUsed_; }
    void close() { stream_->close(); }

    Status publish(std::string_view subject, std::string_view replyTo,
                   const std::vector<observe::Field>& headers, std::string_view payload);
    Status subscribe(std::string_view subject, std::string_view sid);
    Status unsubscribe(std::string_view sid);
    // PING and wait for PONG: the server has processed everything sent before, and any
    // -ERR it had for it (a permissions violation) is returned.
    Status flush();

    // The next MSG/HMSG (PINGs answered on the way); Timeout when none came in time (the
    // connection is closed then). -ERR becomes an error.
    Result<NatsFrame> nextMessage(std::chrono::milliseconds timeout);
    // Every complete message of the next read (at least one), for live tails in batches.
    Result<std::vector<NatsFrame>> nextMessages(std::chrono::milliseconds timeout);

    // A fresh reply subject under this connection's inbox (subscribed on first use).
    Result<std::string> newInbox();
    // Publishes with a reply subject and waits for the reply; replies to earlier requests
    // that timed out are skipped.
    Result<NatsFrame> request(std::string_view subject, const std::vector<observe::Field>& headers,
                              std::string_view payload);

private:
    NatsConnection(NatsSettings settings, std::unique_ptr<connect::NetworkStream> stream);
    Status handshake(std::string_view clientName);
    Status send(std::string_view bytes);
    // Reads until `buffer_` holds a frame; answers PING, returns the rest.
    Result<NatsFrame> nextFrame(Clock::time_point deadline);
    [[nodiscard]] std::string connectCommand(std::string_view clientName) const;

    NatsSettings settings_;
    std::unique_ptr<connect::NetworkStream> stream_;
    ServerInfo info_;
    std::string buffer_;
    std::string inboxPrefix_;  // "_INBOX.<random>." once subscribed
    std::uint64_t nextReply_ = 0;
    Clock::time_point lastUsed_ = Clock::now();
};

}  // namespace sbx::nats
