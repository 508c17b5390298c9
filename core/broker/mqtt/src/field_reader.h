#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "byte_reader.h"
#include "sbx/mqtt/codec.h"

namespace sbx::mqtt {

// The outcome of one decoding step: empty when it went fine. Steps return this so a
// packet decoder reads as a list of fields, each stopping at the first problem.
using Failure = std::optional<DecodeError>;

[[nodiscard]] DecodeError malformed(std::string message);
[[nodiscard]] DecodeError protocolError(std::string message);
// "0x8f": how ids, flags and reason codes appear in messages.
[[nodiscard]] std::string hexByte(std::uint8_t value);

// Field readers: `what` names the field ("PUBLISH topic name") for the error message.
[[nodiscard]] Failure readByteField(ByteReader& reader, std::uint8_t& value, std::string_view what);
[[nodiscard]] Failure readTwoByteField(ByteReader& reader, std::uint16_t& value,
                                       std::string_view what);
[[nodiscard]] Failure readFourByteField(ByteReader& reader, std::uint32_t& value,
                                        std::string_view what);
[[nodiscard]] Failure readVariableByteIntegerField(ByteReader& reader, std::uint32_t& value,
                                                   std::string_view what);
// A non-zero packet identifier (MQTT 5 §2.2.1: zero is never a valid identifier).
[[nodiscard]] Failure readPacketId(ByteReader& reader, std::uint16_t& value,
                                   std::string_view packetName);
// Two-byte length plus bytes, checked as an MQTT UTF-8 string.
[[nodiscard]] Failure readUtf8StringField(ByteReader& reader, std::string& value,
                                          std::string_view what);
// Two-byte length plus bytes, taken as they are.
[[nodiscard]] Failure readBinaryField(ByteReader& reader, std::string& value,
                                      std::string_view what);

// The remaining length must be used up exactly: anything after the last field is
// Malformed (MQTT 5 §2.1.4).
[[nodiscard]] Failure expectEnd(const ByteReader& reader, std::string_view packetName);

}  // namespace sbx::mqtt
