// connection.* (AMQP 0-9-1 §1.4.2): start, start-ok with PLAIN or AMQPLAIN, tune, open,
// close.
#include "amqp_protocol.h"
#include "broker_context.h"
#include "connection_io.h"
#include "sbx/amqp/codec.h"
#include "sbx/amqp/field_codec.h"

namespace sbx::broker {

namespace wire = sbx::amqp;

namespace {

wire::FieldTable serverProperties() {
    wire::FieldTable capabilities;
    for (const char* name : {"publisher_confirms", "exchange_exchange_bindings", "basic.nack",
                             "consumer_cancel_notify", "connection.blocked",
                             "authentication_failure_close", "per_consumer_qos"}) {
        capabilities.set(name, true);
    }
    capabilities.set("direct_reply_to", false);
    wire::FieldTable properties;
    properties.set("product", std::string("Signalbox"));
    properties.set("version", std::string("0.1"));
    properties.set("platform", std::string("C++20"));
    properties.set("information", std::string("Signalbox embedded broker"));
    properties.set("capabilities", std::move(capabilities));
    return properties;
}

struct Credentials {
    std::string user;
    std::string password;
};

// PLAIN (RFC 4616): [authzid] NUL authcid NUL password.
std::optional<Credentials> parsePlain(const std::string& response) {
    const auto first = response.find('\0');
    const auto second = first == std::string::npos ? first : response.find('\0', first + 1);
    if (second == std::string::npos) {
        return std::nullopt;
    }
    return Credentials{response.substr(first + 1, second - first - 1), response.substr(second + 1)};
}

// AMQPLAIN: a field table without its size prefix, with LOGIN and PASSWORD.
std::optional<Credentials> parseAmqplain(const std::string& response) {
    std::vector<std::uint8_t> bytes;
    const auto size = static_cast<std::uint32_t>(response.size());
    for (int shift = 24; shift >= 0; shift -= 8) {
        bytes.push_back(static_cast<std::uint8_t>(size >> shift));
    }
    bytes.insert(bytes.end(), response.begin(), response.end());
    auto decoded = wire::decodeFieldTable(bytes);
    const auto* table = std::get_if<wire::FieldTable>(&decoded);
    if (table == nullptr) {
        return std::nullopt;
    }
    const auto* login = table->find("LOGIN");
    const auto* password = table->find("PASSWORD");
    if (login == nullptr || password == nullptr || login->asString() == nullptr ||
        password->asString() == nullptr) {
        return std::nullopt;
    }
    return Credentials{*login->asString(), *password->asString()};
}

// "127.0.0.1:5672", "::1:5672", "::ffff:127.0.0.1:5672".
bool isLoopback(const std::string& address) {
    return address.starts_with("127.") || address.starts_with("::1:") ||
           address.starts_with("::ffff:127.") || address == "::1";
}

}  // namespace

void AmqpProtocol::sendStart() {
    wire::ConnectionStart start;
    start.serverProperties = serverProperties();
    start.mechanisms = "PLAIN AMQPLAIN";
    start.locales = "en_US";
    send(0, start);
}

std::optional<std::string> AmqpProtocol::authenticate(
    const wire::ConnectionStartOk& startOk) const {
    std::optional<Credentials> credentials;
    if (startOk.mechanism == "PLAIN") {
        credentials = parsePlain(startOk.response);
    } else if (startOk.mechanism == "AMQPLAIN") {
        credentials = parseAmqplain(startOk.response);
    }
    if (!credentials || !context_.amqpAccess.authenticate(credentials->user, credentials->password,
                                                          isLoopback(remoteAddress_))) {
        return std::nullopt;
    }
    return credentials->user;
}

AmqpProtocol::Status AmqpProtocol::checkAccess(AmqpPermission permission, std::string_view kind,
                                               std::string_view name) const {
    if (grant_ != nullptr && AmqpAccess::allows(*grant_, permission, name)) {
        return {};
    }
    const char* what = permission == AmqpPermission::Configure ? "configure"
                       : permission == AmqpPermission::Write   ? "write"
                                                               : "read";
    return amqp::AmqpError::make(amqp::ReplyCode::AccessRefused,
                                 std::string(what) + " access to " + std::string(kind) + " '" +
                                     std::string(name) + "' in vhost '" + vhost_->name() +
                                     "' refused for user '" + user_ + "'");
}

void AmqpProtocol::handleConnectionMethod(Method& method) {
    std::visit(
        [this](auto& m) {
            using T = std::decay_t<decltype(m)>;
            const auto unexpected = [this] {
                closeConnection(wire::ReplyCode::CommandInvalid,
                                "COMMAND_INVALID - unexpected method " + std::string(T::kName),
                                T::kClassId, T::kMethodId);
            };
            if constexpr (std::is_same_v<T, wire::ConnectionClose>) {
                send(0, wire::ConnectionCloseOk{});
                closeNow();
            } else if constexpr (std::is_same_v<T, wire::ConnectionCloseOk>) {
                if (phase_ == Phase::CloseSent) {
                    closeNow();
                } else {
                    unexpected();
                }
            } else if (phase_ == Phase::CloseSent) {
                // §2.2.4: after our close, only close and close-ok matter.
            } else if constexpr (std::is_same_v<T, wire::ConnectionStartOk>) {
                phase_ == Phase::AwaitingStartOk ? handleStartOk(m) : unexpected();
            } else if constexpr (std::is_same_v<T, wire::ConnectionTuneOk>) {
                phase_ == Phase::AwaitingTuneOk ? handleTuneOk(m) : unexpected();
            } else if constexpr (std::is_same_v<T, wire::ConnectionOpen>) {
                phase_ == Phase::AwaitingOpen ? handleOpen(m) : unexpected();
            } else if constexpr (std::is_same_v<T, wire::ConnectionUpdateSecret>) {
                send(0, wire::ConnectionUpdateSecretOk{});
            } else if constexpr (!std::is_same_v<T, wire::ConnectionBlocked> &&
                                 !std::is_same_v<T, wire::ConnectionUnblocked>) {
                // (A client telling us it is blocked changes nothing here.)
                unexpected();
            }
        },
        method);
}

void AmqpProtocol::handleStartOk(const wire::ConnectionStartOk& startOk) {
    auto user = authenticate(startOk);
    if (!user) {
        closeConnection(wire::ReplyCode::AccessRefused,
                        "ACCESS_REFUSED - Login was refused using authentication mechanism " +
                            startOk.mechanism + ". For details see the broker logfile.",
                        wire::ConnectionStartOk::kClassId, wire::ConnectionStartOk::kMethodId);
        closeNow();
        return;
    }
    user_ = std::move(*user);
    if (const auto* name = startOk.clientProperties.find("connection_name");
        name != nullptr && name->asString() != nullptr) {
        connectionName_ = *name->asString();
    }
    if (const auto* capabilities = startOk.clientProperties.find("capabilities");
        capabilities != nullptr && capabilities->asTable() != nullptr) {
        const auto* blocked = capabilities->asTable()->find("connection.blocked");
        wantsBlockedNotices_ = blocked != nullptr && *blocked == wire::FieldValue(true);
    }
    phase_ = Phase::AwaitingTuneOk;
    send(0, wire::ConnectionTune{kChannelMax, kFrameMax, kHeartbeatSeconds});
}

void AmqpProtocol::handleTuneOk(const wire::ConnectionTuneOk& tuneOk) {
    const auto refuse = [this](const std::string& detail) {
        closeConnection(wire::ReplyCode::NotAllowed, "NOT_ALLOWED - " + detail,
                        wire::ConnectionTuneOk::kClassId, wire::ConnectionTuneOk::kMethodId);
    };
    if (tuneOk.frameMax != 0 && tuneOk.frameMax < wire::kFrameMinSize) {
        refuse("frame_max=" + std::to_string(tuneOk.frameMax) + " < " +
               std::to_string(wire::kFrameMinSize) + " min size");
        return;
    }
    if (tuneOk.frameMax > kFrameMax) {
        refuse("frame_max=" + std::to_string(tuneOk.frameMax) + " > " + std::to_string(kFrameMax) +
               " max size");
        return;
    }
    if (tuneOk.channelMax > kChannelMax) {
        refuse("channel_max=" + std::to_string(tuneOk.channelMax) + " > " +
               std::to_string(kChannelMax) + " max");
        return;
    }
    channelMax_ = tuneOk.channelMax == 0 ? kChannelMax : tuneOk.channelMax;
    frameMax_ = tuneOk.frameMax == 0 ? kFrameMax : tuneOk.frameMax;
    heartbeatSeconds_ = tuneOk.heartbeat;
    phase_ = Phase::AwaitingOpen;
}

void AmqpProtocol::handleOpen(const wire::ConnectionOpen& open) {
    auto* host = context_.amqpHost(open.virtualHost);
    if (host == nullptr) {
        closeConnection(wire::ReplyCode::NotAllowed,
                        "NOT_ALLOWED - vhost " + open.virtualHost + " not found",
                        wire::ConnectionOpen::kClassId, wire::ConnectionOpen::kMethodId);
        return;
    }
    grant_ = context_.amqpAccess.grant(user_, open.virtualHost);
    if (grant_ == nullptr) {
        closeConnection(wire::ReplyCode::NotAllowed,
                        "NOT_ALLOWED - access to vhost '" + open.virtualHost +
                            "' refused for user '" + user_ + "'",
                        wire::ConnectionOpen::kClassId, wire::ConnectionOpen::kMethodId);
        return;
    }
    vhost_ = host;
    phase_ = Phase::Open;
    send(0, wire::ConnectionOpenOk{});
    registerClient();
    if (auto io = io_.lock()) {
        // Silence for half an interval: we send a heartbeat (onIdleTimeout).
        io->setIdleTimeout(std::chrono::milliseconds(heartbeatSeconds_) * 1000 / 2);
    }
}

}  // namespace sbx::broker
