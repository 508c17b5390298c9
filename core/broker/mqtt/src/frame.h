#pragma once

#include <cstdint>

#include "field_reader.h"
#include "sbx/mqtt/codec.h"

namespace sbx::mqtt {

// Checks the fixed header's packet type and flag bits (MQTT 5 §2.1.3): PUBREL, SUBSCRIBE
// and UNSUBSCRIBE carry 0b0010, PUBLISH carries DUP/QoS/RETAIN (QoS 3 and DUP on QoS 0
// refused), every other packet 0. Type 0 is reserved; type 15 (AUTH) exists only in v5.
[[nodiscard]] Failure checkFixedHeader(const FrameHeader& header, ProtocolVersion version);

// The first byte of the fixed header `encodePacket` writes for `packet`.
[[nodiscard]] std::uint8_t fixedHeaderByte(const Packet& packet);

}  // namespace sbx::mqtt
