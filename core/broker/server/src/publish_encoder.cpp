#include "publish_encoder.h"

#include "sbx/mqtt/codec.h"
#include "sbx/mqtt/properties.h"

namespace sbx::broker {

namespace {

std::size_t variableByteIntegerSize(std::uint32_t value) {
    if (value < 128) {
        return 1;
    }
    if (value < 16384) {
        return 2;
    }
    if (value < 2097152) {
        return 3;
    }
    return 4;
}

std::optional<std::uint32_t> remainingExpirySeconds(const Message& message,
                                                    std::chrono::system_clock::time_point now) {
    if (!message.expiresAt) {
        return std::nullopt;
    }
    const auto left = std::chrono::ceil<std::chrono::seconds>(*message.expiresAt - now).count();
    return static_cast<std::uint32_t>(left < 1 ? 1 : left);
}

// Sizes and writes the v5 property block with one walk, so both stay in step.
template <typename Sink>
void forEachProperty(const Message& message, const PublishParams& params, const TopicOnWire& topic,
                     std::chrono::system_clock::time_point now, Sink&& sink) {
    using mqtt::PropertyId;
    if (message.payloadFormat) {
        sink.byte(PropertyId::PayloadFormatIndicator, *message.payloadFormat);
    }
    if (auto expiry = remainingExpirySeconds(message, now)) {
        sink.u32(PropertyId::MessageExpiryInterval, *expiry);
    }
    if (message.contentType) {
        sink.string(PropertyId::ContentType, *message.contentType);
    }
    if (message.responseTopic) {
        sink.string(PropertyId::ResponseTopic, *message.responseTopic);
    }
    if (message.correlationData) {
        sink.string(PropertyId::CorrelationData, *message.correlationData);
    }
    if (params.subscriptionIds != nullptr) {
        for (auto id : *params.subscriptionIds) {
            sink.vbi(PropertyId::SubscriptionIdentifier, id);
        }
    }
    if (topic.alias) {
        sink.u16(PropertyId::TopicAlias, *topic.alias);
    }
    for (const auto& [key, value] : message.userProperties) {
        sink.pair(PropertyId::UserProperty, key, value);
    }
}

struct SizeSink {
    std::size_t size = 0;
    void byte(mqtt::PropertyId, std::uint8_t) { size += 2; }
    void u16(mqtt::PropertyId, std::uint16_t) { size += 3; }
    void u32(mqtt::PropertyId, std::uint32_t) { size += 5; }
    void vbi(mqtt::PropertyId, std::uint32_t v) { size += 1 + variableByteIntegerSize(v); }
    void string(mqtt::PropertyId, const std::string& s) { size += 3 + s.size(); }
    void pair(mqtt::PropertyId, const std::string& k, const std::string& v) {
        size += 5 + k.size() + v.size();
    }
};

struct WriteSink {
    std::vector<std::uint8_t>& out;
    void id(mqtt::PropertyId p) { out.push_back(static_cast<std::uint8_t>(p)); }
    void raw16(std::uint16_t v) {
        out.push_back(static_cast<std::uint8_t>(v >> 8));
        out.push_back(static_cast<std::uint8_t>(v));
    }
    void rawString(const std::string& s) {
        raw16(static_cast<std::uint16_t>(s.size()));
        out.insert(out.end(), s.begin(), s.end());
    }
    void byte(mqtt::PropertyId p, std::uint8_t v) {
        id(p);
        out.push_back(v);
    }
    void u16(mqtt::PropertyId p, std::uint16_t v) {
        id(p);
        raw16(v);
    }
    void u32(mqtt::PropertyId p, std::uint32_t v) {
        id(p);
        raw16(static_cast<std::uint16_t>(v >> 16));
        raw16(static_cast<std::uint16_t>(v));
    }
    void vbi(mqtt::PropertyId p, std::uint32_t v) {
        id(p);
        mqtt::appendVariableByteInteger(v, out);
    }
    void string(mqtt::PropertyId p, const std::string& s) {
        id(p);
        rawString(s);
    }
    void pair(mqtt::PropertyId p, const std::string& k, const std::string& v) {
        id(p);
        rawString(k);
        rawString(v);
    }
};

struct Layout {
    std::size_t propertiesSize = 0;
    std::size_t remainingLength = 0;
};

Layout layoutOf(const Message& message, const PublishParams& params, mqtt::ProtocolVersion version,
                const TopicOnWire& topic, std::chrono::system_clock::time_point now) {
    Layout layout;
    layout.remainingLength =
        2 + (topic.sendName ? message.topic.size() : 0) + message.payload.size();
    if (params.qos > 0) {
        layout.remainingLength += 2;
    }
    if (version == mqtt::ProtocolVersion::V5) {
        SizeSink sizes;
        forEachProperty(message, params, topic, now, sizes);
        layout.propertiesSize = sizes.size;
        layout.remainingLength +=
            variableByteIntegerSize(static_cast<std::uint32_t>(sizes.size)) + sizes.size;
    }
    return layout;
}

}  // namespace

std::size_t outboundPublishSize(const Message& message, const PublishParams& params,
                                mqtt::ProtocolVersion version, const TopicOnWire& topic,
                                std::chrono::system_clock::time_point now) {
    const auto layout = layoutOf(message, params, version, topic, now);
    return 1 + variableByteIntegerSize(static_cast<std::uint32_t>(layout.remainingLength)) +
           layout.remainingLength;
}

void encodeOutboundPublish(const Message& message, const PublishParams& params,
                           mqtt::ProtocolVersion version, const TopicOnWire& topic,
                           std::chrono::system_clock::time_point now,
                           std::vector<std::uint8_t>& out) {
    const auto layout = layoutOf(message, params, version, topic, now);
    out.reserve(out.size() + layout.remainingLength + 5);
    std::uint8_t first = 0x30;
    first |= static_cast<std::uint8_t>(params.qos << 1);
    if (params.dup && params.qos > 0) {
        first |= 0x08;
    }
    if (params.retain) {
        first |= 0x01;
    }
    out.push_back(first);
    mqtt::appendVariableByteInteger(static_cast<std::uint32_t>(layout.remainingLength), out);
    WriteSink sink{out};
    sink.rawString(topic.sendName ? message.topic : std::string());
    if (params.qos > 0) {
        sink.raw16(params.packetId);
    }
    if (version == mqtt::ProtocolVersion::V5) {
        mqtt::appendVariableByteInteger(static_cast<std::uint32_t>(layout.propertiesSize), out);
        forEachProperty(message, params, topic, now, sink);
    }
    out.insert(out.end(), message.payload.begin(), message.payload.end());
}

}  // namespace sbx::broker
