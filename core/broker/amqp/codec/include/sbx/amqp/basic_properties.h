#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "sbx/amqp/field_table.h"

namespace sbx::amqp {

// The content header properties of class basic (AMQP 0-9-1 §4.2.6.1 / basic class),
// in their wire order; each is present only when its flag bit is set.
struct BasicProperties {
    std::optional<std::string> contentType;
    std::optional<std::string> contentEncoding;
    std::optional<FieldTable> headers;
    std::optional<std::uint8_t> deliveryMode;  // 1 transient, 2 persistent
    std::optional<std::uint8_t> priority;
    std::optional<std::string> correlationId;
    std::optional<std::string> replyTo;
    std::optional<std::string> expiration;  // milliseconds, as a decimal string
    std::optional<std::string> messageId;
    std::optional<std::uint64_t> timestamp;  // seconds since the epoch
    std::optional<std::string> type;
    std::optional<std::string> userId;
    std::optional<std::string> appId;
    std::optional<std::string> clusterId;  // deprecated, still on the wire

    [[nodiscard]] bool persistent() const { return deliveryMode.value_or(1) == 2; }
    bool operator==(const BasicProperties&) const = default;
};

}  // namespace sbx::amqp
