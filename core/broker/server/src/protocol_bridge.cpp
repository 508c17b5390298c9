#include "protocol_bridge.h"

#include <algorithm>

#include "broker_context.h"

namespace sbx::broker {

namespace {

constexpr std::string_view kBridgeExchange = "amq.topic";
constexpr std::string_view kBridgeVhost = "/";

std::string swapSeparators(std::string_view text, char from, char to) {
    std::string out(text);
    std::replace(out.begin(), out.end(), from, to);
    return out;
}

}  // namespace

std::string mqttTopicToRoutingKey(std::string_view topic) {
    return swapSeparators(topic, '/', '.');
}

std::string routingKeyToMqttTopic(std::string_view routingKey) {
    return swapSeparators(routingKey, '.', '/');
}

void bridgeMqttToAmqp(BrokerContext& context, const Message& message) {
    if (message.topic.starts_with('$')) {
        return;
    }
    auto* host = context.amqpHost(kBridgeVhost);
    if (host == nullptr) {
        return;
    }
    amqp::AmqpMessage bridged;
    bridged.exchange = std::string(kBridgeExchange);
    bridged.routingKey = mqttTopicToRoutingKey(message.topic);
    // Most MQTT traffic has no AMQP queue bound for it: find out before copying the payload.
    auto reached = host->route(bridged);
    if (!reached || reached->empty()) {
        return;
    }
    bridged.body = message.payload;
    bridged.properties.contentType = message.contentType;
    // QoS 1 and 2 are what MQTT calls delivered at least once: persistent, as RabbitMQ.
    bridged.properties.deliveryMode = message.qos > 0 ? 2 : 1;
    // Stamped before the publish: deliveries to AMQP consumers happen during it.
    const bool observed = context.hops.active();
    const auto bridgedAt =
        observed ? std::chrono::system_clock::now() : std::chrono::system_clock::time_point{};
    auto routingKey = observed ? bridged.routingKey : std::string();
    // Errors (none expected for a predeclared exchange) concern no AMQP client.
    const auto published = host->publish(std::move(bridged), amqp::Clock::now());
    if (published && observed) {
        // The AMQP copy has its own broker id; its first hop points back at the MQTT
        // message, so a trace runs from the MQTT publish to the AMQP consumer's ack.
        context.hops.record({.time = bridgedAt,
                             .kind = observe::HopKind::Routed,
                             .messageId = published->messageId,
                             .protocol = "amqp",
                             .clientId = message.publisherClientId,
                             .destination = std::string(kBridgeExchange),
                             .count = static_cast<std::uint32_t>(published->queues),
                             .detail = "bridged from MQTT topic " + message.topic,
                             .vhost = std::string(kBridgeVhost),
                             .routingKey = std::move(routingKey),
                             .linkedMessageId = message.id});
    }
}

std::size_t bridgeAmqpToMqtt(BrokerContext& context, const std::string& vhost,
                             const amqp::AmqpMessage& message) {
    if (vhost != kBridgeVhost || message.exchange != kBridgeExchange) {
        return 0;
    }
    auto bridged = std::make_shared<Message>();
    bridged->topic = routingKeyToMqttTopic(message.routingKey);
    bridged->payload = message.body;
    bridged->qos = message.properties.persistent() ? 1 : 0;
    bridged->contentType = message.properties.contentType;
    bridged->receivedAt = std::chrono::system_clock::now();
    bridged->id = context.nextMessageId();
    return context.router.route(bridged, nullptr);
}

}  // namespace sbx::broker
