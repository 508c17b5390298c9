#include "mqtt_protocol.h"

#include "broker_context.h"
#include "client_directory.h"
#include "connection_io.h"
#include "publish_encoder.h"
#include "session.h"

namespace sbx::broker {

MqttProtocol::MqttProtocol(BrokerContext& context, std::weak_ptr<ConnectionIo> io)
    : context_(context), io_(std::move(io)) {
    if (auto connection = io_.lock()) {
        remoteAddress_ = connection->remoteAddress();
    }
}

MqttProtocol::~MqttProtocol() = default;

std::string MqttProtocol::describePeer() const {
    return clientId_.empty() ? remoteAddress_ : "client " + clientId_ + " (" + remoteAddress_ + ")";
}

std::size_t MqttProtocol::consume(std::span<const std::uint8_t> bytes) {
    std::size_t used = 0;
    while (phase_ == Phase::AwaitingConnect || phase_ == Phase::Connected) {
        mqtt::FrameHeader header;
        const auto status = mqtt::peekFrame(bytes.subspan(used), header);
        if (status == mqtt::FrameStatus::Malformed) {
            fail(mqtt::ReasonCode::MalformedPacket, "malformed remaining length");
            break;
        }
        // Refuse an oversized packet as soon as its header says so, before buffering it.
        if (header.headerSize > 0 && header.totalSize() > context_.config.limits.maxPacketSize) {
            fail(mqtt::ReasonCode::PacketTooLarge,
                 "packet of " + std::to_string(header.totalSize()) + " bytes exceeds the limit");
            break;
        }
        if (status == mqtt::FrameStatus::Incomplete) {
            break;
        }
        const auto body = bytes.subspan(used + header.headerSize, header.remainingLength);
        used += header.totalSize();
        BrokerCounters::add(context_.counters.bytesReceived, header.totalSize());
        if (phase_ == Phase::AwaitingConnect && header.type() != mqtt::PacketType::Connect) {
            fail(mqtt::ReasonCode::ProtocolError, "first packet is not CONNECT");
            break;
        }
        auto decoded = mqtt::decodePacket(header, body, version_);
        if (auto* error = std::get_if<mqtt::DecodeError>(&decoded)) {
            if (phase_ == Phase::AwaitingConnect &&
                error->reason == mqtt::ReasonCode::UnsupportedProtocolVersion) {
                // The client's version is unknown, so answer in 3.1.1 form (§3.1.2.2).
                version_ = mqtt::ProtocolVersion::V311;
                refuseConnect(mqtt::ReasonCode::UnsupportedProtocolVersion, error->message);
                break;
            }
            fail(error->reason, error->message);
            break;
        }
        dispatch(std::get<mqtt::Packet>(decoded));
    }
    return used;
}

void MqttProtocol::dispatch(mqtt::Packet& packet) {
    std::visit(
        [this](auto& p) {
            using T = std::decay_t<decltype(p)>;
            if constexpr (std::is_same_v<T, mqtt::Connect>) {
                if (phase_ != Phase::AwaitingConnect) {
                    fail(mqtt::ReasonCode::ProtocolError, "second CONNECT");
                    return;
                }
                handleConnect(p);
            } else if constexpr (std::is_same_v<T, mqtt::Publish>) {
                handlePublish(p);
            } else if constexpr (std::is_same_v<T, mqtt::PublishResponse>) {
                handlePublishResponse(p);
            } else if constexpr (std::is_same_v<T, mqtt::Subscribe>) {
                handleSubscribe(p);
            } else if constexpr (std::is_same_v<T, mqtt::Unsubscribe>) {
                handleUnsubscribe(p);
            } else if constexpr (std::is_same_v<T, mqtt::Pingreq>) {
                send(mqtt::Pingresp{});
            } else if constexpr (std::is_same_v<T, mqtt::Disconnect>) {
                handleDisconnect(p);
            } else if constexpr (std::is_same_v<T, mqtt::Auth>) {
                // We offer no enhanced authentication, so no AUTH exchange can be under way.
                fail(mqtt::ReasonCode::ProtocolError, "AUTH without an authentication method");
            } else {
                fail(mqtt::ReasonCode::ProtocolError, "server-to-client packet from a client");
            }
        },
        packet);
}

void MqttProtocol::send(const mqtt::Packet& packet) {
    auto io = io_.lock();
    if (!io) {
        return;
    }
    const auto version = version_;
    io->write([&](std::vector<std::uint8_t>& out) {
        const auto before = out.size();
        mqtt::encodePacket(packet, version, out);
        BrokerCounters::add(context_.counters.bytesSent, out.size() - before);
    });
}

void MqttProtocol::fail(mqtt::ReasonCode reason, const std::string& why) {
    context_.logMessage(LogLevel::Info, describePeer() + ": " + why + " (" +
                                            std::string(mqtt::describe(reason)) +
                                            "); closing the connection");
    if (version_ == mqtt::ProtocolVersion::V5 && phase_ == Phase::Connected) {
        send(mqtt::Disconnect{static_cast<std::uint8_t>(reason), {}});
    }
    closeNow();
}

void MqttProtocol::closeNow() {
    if (phase_ == Phase::Closing || phase_ == Phase::Closed) {
        return;
    }
    phase_ = Phase::Closing;
    if (auto io = io_.lock()) {
        io->closeAfterWrites();
    }
}

bool MqttProtocol::onIdleTimeout() {
    if (phase_ == Phase::Connected || phase_ == Phase::AwaitingConnect) {
        fail(mqtt::ReasonCode::KeepAliveTimeout, "keep alive expired");
    }
    return false;
}

void MqttProtocol::disconnect(std::uint8_t reason) {
    // Called from another connection's thread (takeover): write, then close.
    auto io = io_.lock();
    if (!io) {
        return;
    }
    if (version_ == mqtt::ProtocolVersion::V5) {
        send(mqtt::Disconnect{reason, {}});
    }
    io->closeAfterWrites();
}

std::uint16_t MqttProtocol::sendWindow() const {
    return std::min(clientReceiveMaximum_, context_.config.limits.maxInflight);
}

SendResult MqttProtocol::sendPublish(const Message& message, const PublishParams& params,
                                     bool droppable) {
    auto io = io_.lock();
    if (!io) {
        return SendResult::Closed;
    }
    if (droppable && io->pendingBytes() > context_.config.limits.maxOutboundBytes) {
        return SendResult::Backlogged;
    }
    const auto now = std::chrono::system_clock::now();
    const auto version = version_;
    if (outboundPublishSize(message, params, version, TopicOnWire{}, now) > clientMaxPacketSize_) {
        return SendResult::TooLarge;
    }
    const bool written = io->write([&](std::vector<std::uint8_t>& out) {
        TopicOnWire topic;
        if (clientTopicAliasMaximum_ > 0 && version == mqtt::ProtocolVersion::V5) {
            auto it = outboundAliases_.find(message.topic);
            if (it != outboundAliases_.end()) {
                topic = TopicOnWire{false, it->second};
            } else if (outboundAliases_.size() < clientTopicAliasMaximum_) {
                const auto alias = static_cast<std::uint16_t>(outboundAliases_.size() + 1);
                outboundAliases_.emplace(message.topic, alias);
                topic = TopicOnWire{true, alias};
            }
        }
        const auto before = out.size();
        encodeOutboundPublish(message, params, version, topic, now, out);
        BrokerCounters::add(context_.counters.bytesSent, out.size() - before);
    });
    if (!written) {
        return SendResult::Closed;
    }
    BrokerCounters::add(context_.counters.publishSent);
    BrokerCounters::add(context_.counters.messagesSent);
    if (clientEntry_) {
        ClientEntry::add(clientEntry_->messagesOut);
    }
    if (context_.hops.active()) {
        context_.hops.record({.time = now,
                              .kind = observe::HopKind::Delivered,
                              .messageId = message.id,
                              .protocol = "mqtt",
                              .clientId = clientId_,
                              .destination = message.topic,
                              .count = 0});
    }
    return SendResult::Sent;
}

void MqttProtocol::sendPubrel(std::uint16_t packetId) {
    send(mqtt::PublishResponse{mqtt::PacketType::Pubrel, packetId, 0, {}});
}

void MqttProtocol::handlePublishResponse(const mqtt::PublishResponse& response) {
    if (phase_ != Phase::Connected) {
        return;
    }
    switch (response.type) {
        case mqtt::PacketType::Puback:
            session_->onPuback(response.packetId);
            break;
        case mqtt::PacketType::Pubrec:
            if (!session_->onPubrec(response.packetId, response.reasonCode < 0x80)) {
                // Unknown id: answer so the client can finish its flow (MQTT 5 §4.3.3).
                send(mqtt::PublishResponse{
                    mqtt::PacketType::Pubrel,
                    response.packetId,
                    static_cast<std::uint8_t>(version_ == mqtt::ProtocolVersion::V5 ? 0x92 : 0),
                    {}});
            }
            break;
        case mqtt::PacketType::Pubcomp:
            session_->onPubcomp(response.packetId);
            break;
        case mqtt::PacketType::Pubrel: {
            const bool known = session_->releaseIncomingQos2(response.packetId);
            if (known) {
                inboundUnacked_.fetch_sub(1, std::memory_order_relaxed);
            }
            const std::uint8_t reason = known || version_ != mqtt::ProtocolVersion::V5 ? 0 : 0x92;
            send(mqtt::PublishResponse{mqtt::PacketType::Pubcomp, response.packetId, reason, {}});
            break;
        }
        default:
            break;
    }
}

void MqttProtocol::handleDisconnect(const mqtt::Disconnect& disconnect) {
    if (version_ == mqtt::ProtocolVersion::V5) {
        if (const auto& expiry = disconnect.properties.sessionExpiryInterval) {
            if (session_->expiryInterval() == 0 && *expiry != 0) {
                fail(mqtt::ReasonCode::ProtocolError,
                     "DISCONNECT sets a session expiry after CONNECT set none");
                return;
            }
            session_->setExpiryInterval(*expiry);
            saveSession();
        }
    }
    // 0x04 "disconnect with will message" still sends the will (MQTT 5 §3.14.2.1).
    willOnClose_ = version_ == mqtt::ProtocolVersion::V5 &&
                   disconnect.reasonCode ==
                       static_cast<std::uint8_t>(mqtt::ReasonCode::DisconnectWithWillMessage);
    closeNow();
}

void MqttProtocol::onClosed() {
    if (phase_ == Phase::Closed) {
        return;
    }
    const bool wasConnected = session_ != nullptr;
    phase_ = Phase::Closed;
    if (!wasConnected) {
        return;
    }
    context_.counters.clientsConnected.fetch_sub(1, std::memory_order_relaxed);
    if (clientEntry_) {
        context_.clients.remove(*clientEntry_);
    }
    session_->detach(this);
    if (will_ && willOnClose_) {
        publishWill();
    }
    if (session_->expiryInterval() == 0 && !session_->online()) {
        context_.registry.remove(session_);
    } else {
        saveSession();
    }
    context_.logMessage(LogLevel::Debug, describePeer() + " disconnected");
    session_.reset();
}

}  // namespace sbx::broker
