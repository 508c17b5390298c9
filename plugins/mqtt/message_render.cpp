#include "message_render.h"

#include <charconv>

namespace sbx::mqtt_connector {

namespace {

std::optional<std::uint32_t> parseNumber(std::string_view text) {
    std::uint32_t value = 0;
    const auto* end = text.data() + text.size();
    auto [ptr, error] = std::from_chars(text.data(), end, value);
    if (text.empty() || error != std::errc{} || ptr != end) {
        return std::nullopt;
    }
    return value;
}

Status applyProperty(const observe::Field& field, mqtt::Properties& properties) {
    if (field.name == "content-type") {
        properties.contentType = field.value;
    } else if (field.name == "response-topic") {
        properties.responseTopic = field.value;
    } else if (field.name == "correlation-data") {
        properties.correlationData = field.value;
    } else if (field.name == "payload-format-indicator") {
        if (field.value != "0" && field.value != "1") {
            return Error{ErrorCode::InvalidArgument, "payload-format-indicator must be 0 or 1"};
        }
        properties.payloadFormatIndicator = static_cast<std::uint8_t>(field.value == "1");
    } else if (field.name == "message-expiry-interval") {
        auto seconds = parseNumber(field.value);
        if (!seconds) {
            return Error{ErrorCode::InvalidArgument,
                         "message-expiry-interval must be a number of seconds"};
        }
        properties.messageExpiryInterval = *seconds;
    } else if (field.name != "qos" && field.name != "retain") {
        return Error{ErrorCode::InvalidArgument, "unknown MQTT property '" + field.name +
                                                     "' (MQTT 5 knows content-type, "
                                                     "response-topic, correlation-data, "
                                                     "payload-format-indicator and "
                                                     "message-expiry-interval)"};
    }
    return {};
}

bool carriesProperties(const observe::PublishRequest& request) {
    for (const auto& field : request.properties) {
        if (field.name != "qos" && field.name != "retain") {
            return true;
        }
    }
    return !request.headers.empty();
}

}  // namespace

std::string printableOrHex(std::string_view bytes) {
    bool printable = true;
    for (const unsigned char c : bytes) {
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
            printable = false;
            break;
        }
    }
    if (printable) {
        return std::string(bytes);
    }
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(bytes.size() * 2);
    for (const unsigned char c : bytes) {
        hex += kDigits[c >> 4];
        hex += kDigits[c & 0x0f];
    }
    return hex;
}

observe::ObservedMessage renderMessage(const mqtt::Publish& publish,
                                       std::chrono::system_clock::time_point time) {
    observe::ObservedMessage out;
    out.destinationId = "topic:" + publish.topic;
    out.routingKey = publish.topic;
    out.payload = publish.payload;
    out.redelivered = publish.dup;
    out.time = time;
    const auto& p = publish.properties;
    out.properties.push_back({"qos", std::to_string(publish.qos)});
    out.properties.push_back({"retain", publish.retain ? "true" : "false"});
    if (p.responseTopic) {
        out.properties.push_back({"response-topic", *p.responseTopic});
    }
    if (p.correlationData) {
        out.properties.push_back({"correlation-data", printableOrHex(*p.correlationData)});
    }
    if (p.payloadFormatIndicator) {
        out.properties.push_back(
            {"payload-format-indicator", std::to_string(*p.payloadFormatIndicator)});
    }
    if (p.messageExpiryInterval) {
        out.properties.push_back(
            {"message-expiry-interval", std::to_string(*p.messageExpiryInterval)});
    }
    if (p.contentType) {
        out.properties.push_back({"content-type", *p.contentType});
    }
    for (const auto& [name, value] : p.userProperties) {
        out.headers.push_back({name, value});
    }
    return out;
}

Result<mqtt::Publish> publishFor(const observe::PublishRequest& request,
                                 mqtt::ProtocolVersion version) {
    if (!request.protocol.empty() && request.protocol != "mqtt") {
        return Error{ErrorCode::InvalidArgument,
                     "an MQTT broker takes MQTT messages: publish with protocol 'mqtt' and the "
                     "topic as routing key (not '" +
                         request.protocol + "')"};
    }
    const auto& topic = request.routingKey;
    if (topic.empty() || topic.find_first_of("+#") != std::string::npos ||
        topic.find('\0') != std::string::npos) {
        return Error{ErrorCode::InvalidArgument, "'" + topic + "' is not a valid MQTT topic name"};
    }
    if (request.qos > 2) {
        return Error{ErrorCode::InvalidArgument, "MQTT QoS must be 0, 1 or 2"};
    }
    mqtt::Publish publish;
    publish.topic = topic;
    publish.payload = request.payload;
    publish.qos = request.qos;
    publish.retain = request.retain;
    if (version != mqtt::ProtocolVersion::V5) {
        if (carriesProperties(request)) {
            return Error{ErrorCode::Unsupported,
                         "MQTT 3.1.1 messages carry no properties or user properties: set the "
                         "profile's protocol version to 5 to send them"};
        }
        return publish;
    }
    for (const auto& field : request.properties) {
        if (auto applied = applyProperty(field, publish.properties); !applied) {
            return applied.error();
        }
    }
    for (const auto& header : request.headers) {
        publish.properties.userProperties.emplace_back(header.name, header.value);
    }
    return publish;
}

}  // namespace sbx::mqtt_connector
