#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "sbx/mqtt/packets.h"

namespace sbx::mqtt {

// The fixed header of one packet at the start of a byte stream (MQTT 5 §2.1).
struct FrameHeader {
    std::uint8_t firstByte = 0;  // type (high nibble) and flags (low nibble)
    std::uint32_t remainingLength = 0;
    std::size_t headerSize = 0;  // 2..5 bytes
    [[nodiscard]] PacketType type() const { return static_cast<PacketType>(firstByte >> 4); }
    [[nodiscard]] std::uint8_t flags() const { return firstByte & 0x0F; }
    [[nodiscard]] std::size_t totalSize() const { return headerSize + remainingLength; }
};

enum class FrameStatus { Complete, Incomplete, Malformed };

// Looks at the start of `bytes`: Complete when a whole packet is there (header filled
// in), Incomplete when more bytes are needed, Malformed when the remaining length is
// not a valid variable byte integer (more than 4 bytes). Never reads past `bytes`.
[[nodiscard]] FrameStatus peekFrame(std::span<const std::uint8_t> bytes, FrameHeader& header);

// Why a packet was refused: MalformedPacket or ProtocolError (or another reason the
// spec names for that case), and what exactly was wrong, for the broker log.
struct DecodeError {
    ReasonCode reason = ReasonCode::MalformedPacket;
    std::string message;
};

using DecodeResult = std::variant<Packet, DecodeError>;

// Decodes one complete packet. `body` is the `remainingLength` bytes after the fixed
// header. Checks everything the spec makes a decoder check: reserved flag bits, UTF-8
// strings (well-formed, no U+0000, no surrogates), property ids allowed for the packet
// and not duplicated, lengths that fit, QoS 3, packet id 0 where one is required.
// A CONNECT packet is decoded whatever `version` says: it carries its own version.
[[nodiscard]] DecodeResult decodePacket(const FrameHeader& header,
                                        std::span<const std::uint8_t> body,
                                        ProtocolVersion version);

// Appends the wire form of `packet` to `out`. Properties are written only for v5.
void encodePacket(const Packet& packet, ProtocolVersion version, std::vector<std::uint8_t>& out);

// Size `encodePacket` would append, to check a client's Maximum Packet Size first.
[[nodiscard]] std::size_t encodedSize(const Packet& packet, ProtocolVersion version);

// Variable byte integer helpers (used by WebSocket framing and tests too).
void appendVariableByteInteger(std::uint32_t value, std::vector<std::uint8_t>& out);
// An MQTT UTF-8 Encoded String: at most 65,535 bytes of well-formed UTF-8 without U+0000
// or surrogates (control characters are allowed, as the spec allows them).
[[nodiscard]] bool isValidUtf8String(std::string_view text);

// The protocol level byte of a CONNECT body (3 = MQTT 3.1 "MQIsdp", 4 = 3.1.1, 5 = 5.0),
// or nothing when the body is too short to hold it. When decodePacket refuses a CONNECT
// with UnsupportedProtocolVersion, this tells the broker which CONNACK the client can
// read: the 3.1.1 form with return code 0x01 for levels below 5, else the v5 form 0x84.
[[nodiscard]] std::optional<std::uint8_t> connectProtocolLevel(std::span<const std::uint8_t> body);

}  // namespace sbx::mqtt
