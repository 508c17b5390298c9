#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <vector>

namespace sbx::amqp {

// "AMQP" 0 0 9 1: what a 0-9-1 client sends before its first frame (§4.2.2).
inline constexpr std::array<std::uint8_t, 8> kProtocolHeader{'A', 'M', 'Q', 'P', 0, 0, 9, 1};

enum class ProtocolHeaderStatus {
    Amqp091,           // the header above: frames follow
    OtherAmqpVersion,  // "AMQP" and another version: reply with kProtocolHeader and close
    NotAmqp,           // not "AMQP" at all: reply with our header and close, as RabbitMQ does
    Incomplete,        // fewer than 8 bytes, and what is there may still become a header
};

// Inspects the first 8 bytes of a new connection. Decides as early as it can: "HTTP"
// is NotAmqp after its first byte.
[[nodiscard]] ProtocolHeaderStatus checkProtocolHeader(std::span<const std::uint8_t> bytes);

void appendProtocolHeader(std::vector<std::uint8_t>& out);

}  // namespace sbx::amqp
