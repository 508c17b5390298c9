#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "sbx/mqtt/codec.h"

namespace sbx::mqtt::test {

using Bytes = std::vector<std::uint8_t>;

// Frames `bytes` with peekFrame (which must find exactly one whole packet) and decodes it.
[[nodiscard]] DecodeResult decodeFrame(const Bytes& bytes, ProtocolVersion version);

[[nodiscard]] Bytes encode(const Packet& packet, ProtocolVersion version);

// The packet `bytes` decode to; a test failure when they do not decode.
[[nodiscard]] Packet decodeOk(const Bytes& bytes, ProtocolVersion version);

// Checks that `bytes` are refused with `reason` and an explanation.
void expectRefused(const Bytes& bytes, ProtocolVersion version, ReasonCode reason);

// A PUBLISH, SUBSCRIBE, ... frame around `body`: first byte, remaining length, body.
[[nodiscard]] Bytes frame(std::uint8_t firstByte, const Bytes& body);

// A length-prefixed string field.
[[nodiscard]] Bytes str(std::string_view text);

// Concatenation, to build bodies from fields.
[[nodiscard]] Bytes cat(std::initializer_list<Bytes> parts);

}  // namespace sbx::mqtt::test
