// PUBLISH from a client (MQTT 3.1.1 §3.3, MQTT 5 §3.3), and its PUBACK / PUBREC.
#include <algorithm>

#include "ack_barrier.h"
#include "broker_context.h"
#include "client_directory.h"
#include "connection_io.h"
#include "embedded_source_render.h"
#include "mqtt_protocol.h"
#include "protocol_bridge.h"
#include "sbx/broker/topic.h"
#include "session.h"

namespace sbx::broker {

namespace {

std::size_t levelCount(std::string_view topic) {
    return static_cast<std::size_t>(std::count(topic.begin(), topic.end(), '/')) + 1;
}

}  // namespace

bool MqttProtocol::resolveTopicAlias(mqtt::Publish& publish) {
    const auto alias = publish.properties.topicAlias;
    if (!alias) {
        if (publish.topic.empty()) {
            fail(mqtt::ReasonCode::ProtocolError, "PUBLISH without topic or topic alias");
            return false;
        }
        return true;
    }
    if (*alias == 0 || *alias > context_.config.limits.topicAliasMaximum) {
        fail(mqtt::ReasonCode::TopicAliasInvalid,
             "topic alias " + std::to_string(*alias) + " outside 1.." +
                 std::to_string(context_.config.limits.topicAliasMaximum));
        return false;
    }
    if (publish.topic.empty()) {
        auto it = inboundAliases_.find(*alias);
        if (it == inboundAliases_.end()) {
            fail(mqtt::ReasonCode::ProtocolError,
                 "topic alias " + std::to_string(*alias) + " was never set");
            return false;
        }
        publish.topic = it->second;
    } else {
        inboundAliases_[*alias] = publish.topic;
    }
    return true;
}

void MqttProtocol::handlePublish(mqtt::Publish& publish) {
    const bool v5 = version_ == mqtt::ProtocolVersion::V5;
    if (v5 && !resolveTopicAlias(publish)) {
        return;
    }
    if (v5 && !publish.properties.subscriptionIdentifiers.empty()) {
        fail(mqtt::ReasonCode::ProtocolError, "PUBLISH from a client carries a subscription id");
        return;
    }
    if (v5 && publish.properties.responseTopic &&
        !isValidTopicName(*publish.properties.responseTopic)) {
        fail(mqtt::ReasonCode::ProtocolError, "response topic is not a valid topic name");
        return;
    }
    const auto& limits = context_.config.limits;
    if (!isValidTopicName(publish.topic) || publish.topic.size() > limits.maxTopicLength ||
        levelCount(publish.topic) > limits.maxTopicLevels) {
        if (v5 && publish.qos > 0) {
            sendPublishAck(publish.packetId, publish.qos,
                           static_cast<std::uint8_t>(mqtt::ReasonCode::TopicNameInvalid));
            return;
        }
        fail(mqtt::ReasonCode::TopicNameInvalid, "invalid topic name in PUBLISH");
        return;
    }
    if (publish.qos > 0 && inboundUnacked_.load(std::memory_order_relaxed) >= limits.maxInflight &&
        v5) {
        fail(mqtt::ReasonCode::ReceiveMaximumExceeded, "more unacknowledged PUBLISH than allowed");
        return;
    }
    if (publish.qos == 2 && !session_->rememberIncomingQos2(publish.packetId)) {
        // A resent QoS 2 PUBLISH we already routed: acknowledge, do not route again.
        sendPublishAck(publish.packetId, 2, 0);
        return;
    }
    if (v5 && publish.properties.payloadFormatIndicator.value_or(0) == 1 &&
        !mqtt::isValidUtf8String(publish.payload)) {
        if (publish.qos == 2) {
            session_->releaseIncomingQos2(publish.packetId);
        }
        if (publish.qos > 0) {
            sendPublishAck(publish.packetId, publish.qos,
                           static_cast<std::uint8_t>(mqtt::ReasonCode::PayloadFormatInvalid));
        }
        return;
    }

    auto message = std::make_shared<Message>();
    message->topic = std::move(publish.topic);
    message->payload = std::move(publish.payload);
    message->qos = publish.qos;
    message->retain = publish.retain;
    auto& p = publish.properties;
    message->payloadFormat = p.payloadFormatIndicator;
    message->contentType = std::move(p.contentType);
    message->responseTopic = std::move(p.responseTopic);
    message->correlationData = std::move(p.correlationData);
    message->userProperties = std::move(p.userProperties);
    message->receivedAt = std::chrono::system_clock::now();
    if (p.messageExpiryInterval) {
        message->expiresAt = message->receivedAt + std::chrono::seconds(*p.messageExpiryInterval);
    }
    message->id = context_.nextMessageId();
    message->publisherClientId = clientId_;
    BrokerCounters::add(context_.counters.publishReceived);
    BrokerCounters::add(context_.counters.messagesReceived);
    if (clientEntry_) {
        ClientEntry::add(clientEntry_->messagesIn);
    }

    const bool observed = context_.hops.active();
    if (observed) {
        context_.hops.record({.time = message->receivedAt,
                              .kind = observe::HopKind::Published,
                              .messageId = message->id,
                              .protocol = "mqtt",
                              .clientId = clientId_,
                              .destination = message->topic,
                              .count = 0,
                              .routingKey = message->topic,
                              .ids = render::mqttIds(*message)});
    }
    std::size_t reached = 0;
    std::shared_ptr<Session> congested;
    // Routed carries the time routing began: deliveries are recorded while it runs.
    const auto routedAt =
        observed ? std::chrono::system_clock::now() : std::chrono::system_clock::time_point{};
    if (publish.qos == 0) {
        reached = context_.router.route(message, nullptr, &congested);
    } else {
        // The PUBACK / PUBREC waits until every durable copy is on disk.
        inboundUnacked_.fetch_add(1, std::memory_order_relaxed);
        auto barrier = AckBarrier::create([self = shared_from_this(), id = publish.packetId,
                                           qos = publish.qos](bool ok) {
            if (qos == 1) {
                self->inboundUnacked_.fetch_sub(1, std::memory_order_relaxed);
            }
            self->sendPublishAck(
                id, qos,
                ok ? 0 : static_cast<std::uint8_t>(mqtt::ReasonCode::ImplementationSpecificError));
        });
        reached = context_.router.route(message, barrier, &congested);
        barrier->release();
    }
    bridgeMqttToAmqp(context_, *message);
    if (congested) {
        pausePublisher(*congested);
    }
    if (observed) {
        context_.hops.record({.time = routedAt,
                              .kind = observe::HopKind::Routed,
                              .messageId = message->id,
                              .protocol = "mqtt",
                              .clientId = clientId_,
                              .destination = message->topic,
                              .count = static_cast<std::uint32_t>(reached),
                              .routingKey = message->topic});
    }
}

void MqttProtocol::pausePublisher(Session& congested) {
    // A subscriber is falling behind: stop reading this publisher until its queue drains,
    // as TCP would, instead of queueing without bound or dropping.
    auto io = io_.lock();
    if (!io) {
        return;
    }
    io->pauseReading();
    congested.whenDrained([weak = io_] {
        if (auto resumed = weak.lock()) {
            resumed->resumeReading();
        }
    });
}

void MqttProtocol::sendPublishAck(std::uint16_t packetId, std::uint8_t qos, std::uint8_t reason) {
    if (reason >= 0x80 && version_ != mqtt::ProtocolVersion::V5) {
        // 3.1.1 cannot refuse a message; closing makes the client send it again.
        if (auto io = io_.lock()) {
            io->closeAfterWrites();
        }
        return;
    }
    const auto type = qos == 1 ? mqtt::PacketType::Puback : mqtt::PacketType::Pubrec;
    send(mqtt::PublishResponse{type, packetId, reason, {}});
}

}  // namespace sbx::broker
