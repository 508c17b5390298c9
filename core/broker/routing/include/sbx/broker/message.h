#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sbx::broker {

using UserProperties = std::vector<std::pair<std::string, std::string>>;

// One application message as the routing core sees it, whichever protocol brought it.
// Immutable once routed: shared by every queue and subscriber that holds it.
struct Message {
    std::string topic;    // MQTT topic name, or AMQP routing key
    std::string payload;  // bytes
    std::uint8_t qos = 0;
    bool retain = false;

    // MQTT 5 properties carried end to end (AMQP maps its properties onto these).
    std::optional<std::uint8_t> payloadFormat;  // 0 bytes, 1 UTF-8
    std::optional<std::string> contentType;
    std::optional<std::string> responseTopic;
    std::optional<std::string> correlationData;
    UserProperties userProperties;
    // Absolute expiry (wall clock, so it survives a restart); none = never expires.
    std::optional<std::chrono::system_clock::time_point> expiresAt;

    // Broker bookkeeping.
    std::uint64_t id = 0;  // broker-unique, for traces
    std::chrono::system_clock::time_point receivedAt{};
    std::string publisherClientId;  // for MQTT no-local and for traces

    [[nodiscard]] bool expired(std::chrono::system_clock::time_point now) const {
        return expiresAt && now >= *expiresAt;
    }
};

using MessagePtr = std::shared_ptr<const Message>;

}  // namespace sbx::broker
