#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "resp_reader.h"
#include "resp_value.h"
#include "sbx/common/result.h"
#include "sbx/connect/connection_profile.h"
#include "sbx/connect/network_stream.h"

namespace sbx::redis {

struct RedisEndpoint {
    std::string host;
    std::uint16_t port = 6379;
    connect::TlsSettings tls;
    std::string username;  // ACL user; empty: the default user
    std::string password;
    int db = 0;
    std::chrono::milliseconds timeout{5000};

    [[nodiscard]] std::string peer() const { return host + ":" + std::to_string(port); }
};

// One RESP connection to Redis: connected, authenticated and on the profile's database.
// Replies that are errors come back as Errors classified for a user (see resp_errors.h);
// pipeline() returns them as values so one failing command does not hide the others.
// Not thread-safe: its owner serialises calls (close() may come from another thread).
class RespConnection {
public:
    static Result<std::unique_ptr<RespConnection>> open(const RedisEndpoint& endpoint);

    Result<RespValue> call(const RespCommand& command);
    // Sends all commands, then reads one reply each (error replies included as values).
    // Transport failures fail the whole call.
    Result<std::vector<RespValue>> pipeline(const std::vector<RespCommand>& commands);
    // A command whose answer may take up to `extra` longer than the timeout (XREAD BLOCK).
    Result<RespValue> callBlocking(const RespCommand& command, std::chrono::milliseconds extra);

    // The Error a user sees for an error reply to `command`.
    [[nodiscard]] Error replyError(const RespCommand& command, const RespValue& reply) const;

    void close() { stream_->close(); }
    [[nodiscard]] bool isOpen() const { return stream_->isOpen(); }
    [[nodiscard]] const RedisEndpoint& endpoint() const { return endpoint_; }

private:
    RespConnection(RedisEndpoint endpoint, std::unique_ptr<connect::NetworkStream> stream);
    Status handshake();

    RedisEndpoint endpoint_;
    std::unique_ptr<connect::NetworkStream> stream_;
    RespReader reader_;
};

}  // namespace sbx::redis
