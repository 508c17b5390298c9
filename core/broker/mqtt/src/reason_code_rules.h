#pragma once

#include <cstdint>

#include "sbx/mqtt/packets.h"

namespace sbx::mqtt {

// Whether `code` is one the spec defines for this MQTT 5 packet type (the "Reason Code
// values" table of each packet in MQTT 5 §3). Anything else is a Malformed Packet.
[[nodiscard]] bool isReasonCodeAllowedV5(PacketType type, std::uint8_t code);

// 3.1.1 CONNACK return codes 0..5 (§3.2.2.3) and SUBACK return codes 0, 1, 2, 0x80.
[[nodiscard]] bool isConnectReturnCode311(std::uint8_t code);
[[nodiscard]] bool isSubackReturnCode311(std::uint8_t code);

}  // namespace sbx::mqtt
