#include "message_mapping.h"

#include <array>

#include "amqp_fields.h"
#include "snapshot_mapping.h"

namespace sbx::rabbitmq {

namespace {

using nlohmann::json;

std::chrono::system_clock::time_point fromSeconds(const json& value) {
    if (!value.is_number()) {
        return {};
    }
    return std::chrono::system_clock::time_point(
        std::chrono::seconds(static_cast<std::int64_t>(value.get<double>())));
}

observe::DeathRecord deathFromJson(const json& entry) {
    observe::DeathRecord death;
    death.queue = jsonText(entry.value("queue", json()));
    death.reason = jsonText(entry.value("reason", json()));
    death.exchange = jsonText(entry.value("exchange", json()));
    if (auto count = entry.find("count"); count != entry.end() && count->is_number()) {
        death.count = count->get<std::uint64_t>();
    }
    if (auto time = entry.find("time"); time != entry.end()) {
        death.time = fromSeconds(*time);
    }
    if (auto keys = entry.find("routing-keys"); keys != entry.end() && keys->is_array()) {
        for (const auto& key : *keys) {
            death.routingKeys.push_back(jsonText(key));
        }
    }
    return death;
}

// The management API's property names (snake_case) -> the observe model's (spec names).
constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kPropertyNames{{
    {"content_type", "content-type"},
    {"content_encoding", "content-encoding"},
    {"delivery_mode", "delivery-mode"},
    {"priority", "priority"},
    {"correlation_id", "correlation-id"},
    {"reply_to", "reply-to"},
    {"expiration", "expiration"},
    {"message_id", "message-id"},
    {"type", "type"},
    {"user_id", "user-id"},
    {"app_id", "app-id"},
    {"cluster_id", "cluster-id"},
}};

}  // namespace

std::string decodeBase64(std::string_view text) {
    auto value = [](char c) -> int {
        if (c >= 'A' && c <= 'Z')
            return c - 'A';
        if (c >= 'a' && c <= 'z')
            return c - 'a' + 26;
        if (c >= '0' && c <= '9')
            return c - '0' + 52;
        if (c == '+')
            return 62;
        if (c == '/')
            return 63;
        return -1;
    };
    std::string out;
    std::uint32_t bits = 0;
    int held = 0;
    for (const char c : text) {
        const int v = value(c);
        if (v < 0) {
            continue;  // '=' padding, line breaks
        }
        bits = (bits << 6U) | static_cast<std::uint32_t>(v);
        held += 6;
        if (held >= 8) {
            held -= 8;
            out += static_cast<char>((bits >> static_cast<unsigned>(held)) & 0xFFU);
        }
    }
    return out;
}

observe::ObservedMessage messageFromManagement(const json& message,
                                               const std::string& destinationId,
                                               std::uint64_t position) {
    observe::ObservedMessage out;
    out.destinationId = destinationId;
    out.position = position;
    out.exchange = jsonText(message.value("exchange", json()));
    out.routingKey = jsonText(message.value("routing_key", json()));
    out.redelivered = message.value("redelivered", false);
    const auto payload = jsonText(message.value("payload", json()));
    out.payload = message.value("payload_encoding", std::string()) == "base64"
                      ? decodeBase64(payload)
                      : payload;
    const auto properties = message.value("properties", json::object());
    if (!properties.is_object()) {
        return out;
    }
    for (const auto& [jsonName, name] : kPropertyNames) {
        if (auto found = properties.find(std::string(jsonName)); found != properties.end()) {
            out.properties.push_back({std::string(name), jsonText(*found)});
        }
    }
    if (auto timestamp = properties.find("timestamp"); timestamp != properties.end()) {
        out.time = fromSeconds(*timestamp);
        out.properties.push_back({"timestamp", isoTime(out.time)});
    }
    if (auto headers = properties.find("headers"); headers != properties.end()) {
        out.headers = jsonFields(*headers);
        if (auto xDeath = headers->find("x-death");
            xDeath != headers->end() && xDeath->is_array()) {
            for (const auto& entry : *xDeath) {
                if (entry.is_object()) {
                    out.deaths.push_back(deathFromJson(entry));
                }
            }
        }
    }
    return out;
}

observe::ObservedMessage messageFromDelivery(const AmqpDelivery& delivery,
                                             const std::string& destinationId,
                                             std::uint64_t position) {
    observe::ObservedMessage out;
    out.destinationId = destinationId;
    out.position = position;
    out.exchange = delivery.exchange;
    out.routingKey = delivery.routingKey;
    out.payload = delivery.body;
    out.redelivered = delivery.redelivered;
    out.properties = amqpProperties(delivery.properties);
    if (delivery.properties.timestamp) {
        out.time = std::chrono::system_clock::time_point(
            std::chrono::seconds(static_cast<std::int64_t>(*delivery.properties.timestamp)));
    }
    if (delivery.properties.headers) {
        out.headers = fieldTable(*delivery.properties.headers);
        out.deaths = deaths(*delivery.properties.headers);
    }
    return out;
}

}  // namespace sbx::rabbitmq
