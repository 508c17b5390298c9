#include "resp_connection.h"

#include "resp_errors.h"

namespace sbx::redis {

namespace {

// Replies are read in slices so Redis never holds more than this many in its output
// buffer for us, and our own buffer stays small.
constexpr std::size_t kPipelineSlice = 1000;

}  // namespace

RespConnection::RespConnection(RedisEndpoint endpoint,
                               std::unique_ptr<connect::NetworkStream> stream)
    : endpoint_(std::move(endpoint)), stream_(std::move(stream)), reader_(*stream_) {}

namespace {

// A plain Redis port waits for the end of a line that a TLS ClientHello never sends, so
// TLS on it shows as a handshake timeout. A plain PING tells the two cases apart.
Error explainTlsTimeout(const RedisEndpoint& endpoint, Error timeout) {
    connect::TlsSettings plain;
    auto stream =
        connect::NetworkStream::connect(endpoint.host, endpoint.port, plain, endpoint.timeout);
    if (!stream) {
        return timeout;
    }
    std::string ping;
    appendCommand(ping, {"PING"});
    if (!stream.value()->write(ping, endpoint.timeout)) {
        return timeout;
    }
    auto line = stream.value()->readLine(endpoint.timeout);
    if (line && !line->empty() && (line->front() == '+' || line->front() == '-')) {
        return Error{ErrorCode::TlsError,
                     "TLS handshake with " + endpoint.peer() +
                         " failed: Redis answers without TLS on this port (turn TLS off, or "
                         "use the server's tls-port)"};
    }
    return timeout;
}

}  // namespace

Result<std::unique_ptr<RespConnection>> RespConnection::open(const RedisEndpoint& endpoint) {
    auto stream = connect::NetworkStream::connect(endpoint.host, endpoint.port, endpoint.tls,
                                                  endpoint.timeout);
    if (!stream) {
        if (endpoint.tls.enabled && stream.error().code == ErrorCode::Timeout &&
            stream.error().message.find("TLS handshake") != std::string::npos) {
            return explainTlsTimeout(endpoint, stream.error());
        }
        return stream.error();
    }
    std::unique_ptr<RespConnection> connection(
        new RespConnection(endpoint, std::move(stream).value()));
    if (auto ready = connection->handshake(); !ready) {
        return ready.error();
    }
    return connection;
}

// AUTH (when a password is set), SELECT (when not db 0) and a PING that proves we may
// talk at all: a server with requirepass answers NOAUTH to it when no password was given.
Status RespConnection::handshake() {
    std::vector<RespCommand> commands;
    if (!endpoint_.password.empty()) {
        if (endpoint_.username.empty()) {
            commands.push_back({"AUTH", endpoint_.password});
        } else {
            commands.push_back({"AUTH", endpoint_.username, endpoint_.password});
        }
    }
    if (endpoint_.db != 0) {
        commands.push_back({"SELECT", std::to_string(endpoint_.db)});
    }
    commands.push_back({"PING"});
    auto replies = pipeline(commands);
    if (!replies) {
        return replies.error();
    }
    for (std::size_t i = 0; i < commands.size(); ++i) {
        const RespValue& reply = replies.value()[i];
        if (!reply.isError()) {
            continue;
        }
        // A password given to a server without one: Redis says so, and the session works.
        if (commands[i][0] == "AUTH" &&
            reply.text.find("without any password configured") != std::string::npos) {
            continue;
        }
        return replyError(commands[i], reply);
    }
    return {};
}

Error RespConnection::replyError(const RespCommand& command, const RespValue& reply) const {
    return classifyErrorReply(endpoint_.peer(), endpoint_.username, command, reply.text);
}

Result<RespValue> RespConnection::call(const RespCommand& command) {
    return callBlocking(command, std::chrono::milliseconds(0));
}

Result<RespValue> RespConnection::callBlocking(const RespCommand& command,
                                               std::chrono::milliseconds extra) {
    std::string bytes;
    appendCommand(bytes, command);
    if (auto sent = stream_->write(bytes, endpoint_.timeout); !sent) {
        return sent.error();
    }
    auto reply = reader_.read(endpoint_.timeout + extra);
    if (!reply) {
        stream_->close();  // a half-read reply cannot be resumed
        return reply.error();
    }
    if (reply->isError()) {
        return replyError(command, reply.value());
    }
    return reply;
}

Result<std::vector<RespValue>> RespConnection::pipeline(const std::vector<RespCommand>& commands) {
    std::vector<RespValue> replies;
    replies.reserve(commands.size());
    for (std::size_t start = 0; start < commands.size(); start += kPipelineSlice) {
        const std::size_t end = std::min(commands.size(), start + kPipelineSlice);
        std::string bytes;
        for (std::size_t i = start; i < end; ++i) {
            appendCommand(bytes, commands[i]);
        }
        if (auto sent = stream_->write(bytes, endpoint_.timeout); !sent) {
            return sent.error();
        }
        for (std::size_t i = start; i < end; ++i) {
            auto reply = reader_.read(endpoint_.timeout);
            if (!reply) {
                stream_->close();
                return reply.error();
            }
            replies.push_back(std::move(reply).value());
        }
    }
    return replies;
}

}  // namespace sbx::redis
