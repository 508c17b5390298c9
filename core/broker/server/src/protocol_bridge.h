#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "sbx/broker/amqp/amqp_message.h"
#include "sbx/broker/message.h"

namespace sbx::broker {

class BrokerContext;

// One broker, two protocols, as RabbitMQ's MQTT plugin joins them: MQTT publishes land
// on vhost "/"'s amq.topic exchange, and AMQP publishes to that exchange reach MQTT
// subscribers. Topic levels map onto routing-key words ("a/b" <-> "a.b").
[[nodiscard]] std::string mqttTopicToRoutingKey(std::string_view topic);
[[nodiscard]] std::string routingKeyToMqttTopic(std::string_view routingKey);

// Called after an MQTT publish was routed to MQTT subscribers ($SYS stays MQTT only).
void bridgeMqttToAmqp(BrokerContext& context, const Message& message);
// Called after an AMQP publish to vhost "/"; only amq.topic crosses over. Returns how many
// MQTT subscribers it reached (a mandatory publish they take is routed, as RabbitMQ's
// per-subscriber queues count as routes).
std::size_t bridgeAmqpToMqtt(BrokerContext& context, const std::string& vhost,
                             const amqp::AmqpMessage& message);

}  // namespace sbx::broker
