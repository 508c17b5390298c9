#include "embedded_source_render.h"

#include <algorithm>

namespace sbx::broker::render {

namespace {

template <typename T>
std::string number(T value) {
    return std::to_string(value);
}

void add(std::vector<observe::Field>& out, std::string name, const std::optional<std::string>& v) {
    if (v) {
        out.push_back({std::move(name), *v});
    }
}

}  // namespace

observe::ObservedMessage amqpMessage(const amqp::AmqpMessage& message, std::string destinationId,
                                     std::uint64_t position, bool redelivered) {
    observe::ObservedMessage out;
    out.destinationId = std::move(destinationId);
    out.position = position;
    out.exchange = message.exchange;
    out.routingKey = message.routingKey;
    out.payload = message.body;
    out.properties = amqpProperties(message.properties);
    if (message.properties.headers) {
        out.headers = fieldTable(*message.properties.headers);
        out.deaths = deaths(*message.properties.headers);
    }
    out.redelivered = redelivered;
    out.time = message.publishedAt;
    return out;
}

observe::ObservedMessage mqttMessage(const Message& message, std::string destinationId) {
    observe::ObservedMessage out;
    out.destinationId = std::move(destinationId);
    out.routingKey = message.topic;
    out.payload = message.payload;
    out.properties.push_back({"qos", number(static_cast<int>(message.qos))});
    out.properties.push_back({"retain", message.retain ? "true" : "false"});
    add(out.properties, "response-topic", message.responseTopic);
    if (message.correlationData) {
        out.properties.push_back({"correlation-data", printableOrHex(*message.correlationData)});
    }
    if (message.payloadFormat) {
        out.properties.push_back(
            {"payload-format-indicator", number(static_cast<int>(*message.payloadFormat))});
    }
    if (message.expiresAt) {
        const auto left = std::chrono::duration_cast<std::chrono::seconds>(
            *message.expiresAt - std::chrono::system_clock::now());
        out.properties.push_back(
            {"message-expiry-interval", number(std::max<std::int64_t>(0, left.count()))});
    }
    add(out.properties, "content-type", message.contentType);
    for (const auto& [name, value] : message.userProperties) {
        out.headers.push_back({name, value});
    }
    out.time = message.receivedAt;
    return out;
}

observe::MessageIds amqpIds(const amqp::BasicProperties& properties) {
    observe::MessageIds ids;
    ids.messageId = properties.messageId.value_or("");
    ids.correlationId = properties.correlationId.value_or("");
    if (properties.headers) {
        ids.traceparent = fieldText(properties.headers->find("traceparent"));
    }
    return ids;
}

observe::MessageIds mqttIds(const Message& message) {
    observe::MessageIds ids;
    if (message.correlationData) {
        ids.correlationId = *message.correlationData;
        ids.correlationData = printableOrHex(*message.correlationData);
    }
    for (const auto& [name, value] : message.userProperties) {
        if (name == "traceparent") {
            ids.traceparent = value;
        }
    }
    return ids;
}

}  // namespace sbx::broker::render
