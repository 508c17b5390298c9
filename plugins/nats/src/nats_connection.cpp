#include "nats_connection.h"

#include <nlohmann/json.hpp>
#include <random>

#include "nats_errors.h"

namespace sbx::nats {

namespace {

using Milliseconds = std::chrono::milliseconds;

std::string randomToken() {
    static constexpr char kAlphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    thread_local std::mt19937_64 generator{std::random_device{}()};
    std::uniform_int_distribution<std::size_t> pick(0, sizeof(kAlphabet) - 2);
    std::string token;
    for (int i = 0; i < 22; ++i) {
        token += kAlphabet[pick(generator)];
    }
    return token;
}

Milliseconds leftUntil(NatsConnection::Clock::time_point deadline) {
    const auto left =
        std::chrono::duration_cast<Milliseconds>(deadline - NatsConnection::Clock::now());
    return std::max(left, Milliseconds(1));
}

Result<ServerInfo> parseInfo(const std::string& json, const std::string& peer) {
    const auto parsed = nlohmann::json::parse(json, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) {
        return Error{ErrorCode::ParseError, peer + " sent an INFO that is not JSON"};
    }
    ServerInfo info;
    info.serverId = parsed.value("server_id", "");
    info.version = parsed.value("version", "");
    info.jetstream = parsed.value("jetstream", false);
    info.headers = parsed.value("headers", false);
    info.tlsRequired = parsed.value("tls_required", false);
    info.authRequired = parsed.value("auth_required", false);
    info.maxPayload = parsed.value("max_payload", std::uint64_t{1} << 20);
    return info;
}

}  // namespace

NatsConnection::NatsConnection(NatsSettings settings,
                               std::unique_ptr<connect::NetworkStream> stream)
    : settings_(std::move(settings)), stream_(std::move(stream)) {}

Result<std::unique_ptr<NatsConnection>> NatsConnection::open(const NatsSettings& settings,
                                                             std::string_view clientName) {
    // TLS starts after the plain INFO, so the TCP connection is made without it.
    auto stream =
        connect::NetworkStream::connect(settings.host, settings.port, {}, settings.timeout);
    if (!stream) {
        return stream.error();
    }
    std::unique_ptr<NatsConnection> connection(new NatsConnection(settings, std::move(*stream)));
    if (auto shaken = connection->handshake(clientName); !shaken) {
        connection->close();
        return shaken.error();
    }
    return connection;
}

Status NatsConnection::handshake(std::string_view clientName) {
    const auto deadline = Clock::now() + settings_.timeout;
    auto greeting = nextFrame(deadline);
    if (!greeting) {
        if (greeting.error().code == ErrorCode::ParseError) {
            return Error{ErrorCode::Unavailable,
                         settings_.peer() +
                             " is not a NATS server (it did not send INFO; is "
                             "this the client port, usually 4222?)"};
        }
        return greeting.error();
    }
    if (greeting->kind != NatsFrame::Kind::Info) {
        return Error{ErrorCode::Unavailable, settings_.peer() + " is not a NATS server"};
    }
    auto info = parseInfo(greeting->payload, settings_.peer());
    if (!info) {
        return info.error();
    }
    info_ = *info;
    if (info_.tlsRequired && !settings_.tls.enabled) {
        return Error{ErrorCode::TlsError, "the NATS server at " + settings_.peer() +
                                              " requires TLS: turn TLS on in the profile"};
    }
    if (settings_.tls.enabled && !info_.tlsRequired) {
        return Error{ErrorCode::TlsError,
                     "the NATS server at " + settings_.peer() +
                         " does not offer TLS: turn TLS off in the profile, or configure "
                         "tls in nats-server"};
    }
    if (settings_.tls.enabled) {
        if (auto upgraded = stream_->startTls(settings_.tls, settings_.host, leftUntil(deadline));
            !upgraded) {
            return upgraded.error();
        }
    }
    if (auto sent = send(connectCommand(clientName) + "PING\r\n"); !sent) {
        return sent.error();
    }
    for (;;) {
        auto frame = nextFrame(deadline);
        if (!frame) {
            if (frame.error().code == ErrorCode::Unavailable && info_.authRequired) {
                // The server hangs up after a refused CONNECT, sometimes before its -ERR.
                return serverError("Authorization Violation", settings_);
            }
            return frame.error();
        }
        if (frame->kind == NatsFrame::Kind::Err) {
            return serverError(frame->payload, settings_);
        }
        if (frame->kind == NatsFrame::Kind::Pong) {
            return {};
        }
    }
}

std::string NatsConnection::connectCommand(std::string_view clientName) const {
    nlohmann::json options = {{"verbose", false},
                              {"pedantic", false},
                              {"tls_required", settings_.tls.enabled},
                              {"name", std::string(clientName)},
                              {"lang", "c++"},
                              {"version", "signalbox"},
                              {"protocol", 1},
                              {"headers", true},
                              {"no_responders", true},
                              {"echo", true}};
    if (settings_.auth == NatsSettings::Auth::User) {
        options["user"] = settings_.username;
        options["pass"] = settings_.password;
    } else if (settings_.auth == NatsSettings::Auth::Token) {
        options["auth_token"] = settings_.password;
    }
    return "CONNECT " + options.dump() + "\r\n";
}

Status NatsConnection::send(std::string_view bytes) {
    lastUsed_ = Clock::now();
    return stream_->write(bytes, settings_.timeout);
}

Status NatsConnection::publish(std::string_view subject, std::string_view replyTo,
                               const std::vector<observe::Field>& headers,
                               std::string_view payload) {
    if (payload.size() > info_.maxPayload) {
        return Error{ErrorCode::InvalidArgument,
                     "the message has " + std::to_string(payload.size()) +
                         " bytes; the NATS server at " + settings_.peer() + " takes at most " +
                         std::to_string(info_.maxPayload)};
    }
    return send(publishCommand(subject, replyTo, headers, payload));
}

Status NatsConnection::subscribe(std::string_view subject, std::string_view sid) {
    return send("SUB " + std::string(subject) + " " + std::string(sid) + "\r\n");
}

Status NatsConnection::unsubscribe(std::string_view sid) {
    return send("UNSUB " + std::string(sid) + "\r\n");
}

Status NatsConnection::flush() {
    if (auto sent = send("PING\r\n"); !sent) {
        return sent.error();
    }
    const auto deadline = Clock::now() + settings_.timeout;
    for (;;) {
        auto frame = nextFrame(deadline);
        if (!frame) {
            return frame.error();
        }
        if (frame->kind == NatsFrame::Kind::Pong) {
            return {};
        }
        if (frame->kind == NatsFrame::Kind::Err) {
            return serverError(frame->payload, settings_);
        }
    }
}

Result<NatsFrame> NatsConnection::nextFrame(Clock::time_point deadline) {
    for (;;) {
        auto taken = takeFrame(buffer_, settings_.peer());
        if (!taken) {
            return taken.error();
        }
        if (*taken) {
            if ((*taken)->kind == NatsFrame::Kind::Ping) {
                if (auto sent = send("PONG\r\n"); !sent) {
                    return sent.error();
                }
                continue;
            }
            return std::move(**taken);
        }
        auto read = stream_->readSome(buffer_, leftUntil(deadline));
        if (!read) {
            return read.error();
        }
    }
}

Result<NatsFrame> NatsConnection::nextMessage(Milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    for (;;) {
        auto frame = nextFrame(deadline);
        if (!frame) {
            return frame.error();
        }
        if (frame->kind == NatsFrame::Kind::Message) {
            return frame;
        }
        if (frame->kind == NatsFrame::Kind::Err) {
            return serverError(frame->payload, settings_);
        }
    }
}

Result<std::vector<NatsFrame>> NatsConnection::nextMessages(Milliseconds timeout) {
    auto first = nextMessage(timeout);
    if (!first) {
        return first.error();
    }
    std::vector<NatsFrame> batch;
    batch.push_back(std::move(*first));
    // Whatever else the last read brought, without waiting for more.
    for (;;) {
        auto taken = takeFrame(buffer_, settings_.peer());
        if (!taken) {
            return taken.error();
        }
        if (!*taken) {
            return batch;
        }
        if ((*taken)->kind == NatsFrame::Kind::Message) {
            batch.push_back(std::move(**taken));
        } else if ((*taken)->kind == NatsFrame::Kind::Ping) {
            if (auto sent = send("PONG\r\n"); !sent) {
                return sent.error();
            }
        }
    }
}

Result<std::string> NatsConnection::newInbox() {
    if (inboxPrefix_.empty()) {
        const std::string prefix = "_INBOX." + randomToken() + ".";
        if (auto subscribed = subscribe(prefix + "*", "1"); !subscribed) {
            return subscribed.error();
        }
        inboxPrefix_ = prefix;
    }
    return inboxPrefix_ + std::to_string(++nextReply_);
}

Result<NatsFrame> NatsConnection::request(std::string_view subject,
                                          const std::vector<observe::Field>& headers,
                                          std::string_view payload) {
    auto inbox = newInbox();
    if (!inbox) {
        return inbox.error();
    }
    if (auto sent = publish(subject, *inbox, headers, payload); !sent) {
        return sent.error();
    }
    const auto deadline = Clock::now() + settings_.timeout;
    for (;;) {
        auto frame = nextFrame(deadline);
        if (!frame) {
            if (frame.error().code == ErrorCode::Timeout) {
                return Error{ErrorCode::Timeout, "no reply to " + std::string(subject) + " from " +
                                                     settings_.peer() + " within " +
                                                     connect::describeDuration(settings_.timeout)};
            }
            return frame.error();
        }
        if (frame->kind == NatsFrame::Kind::Err) {
            return serverError(frame->payload, settings_);
        }
        if (frame->kind == NatsFrame::Kind::Message && frame->subject == *inbox) {
            return frame;
        }
    }
}

}  // namespace sbx::nats
