#include "frame.h"

#include <string>

#include "byte_reader.h"

namespace sbx::mqtt {

namespace {

constexpr std::uint8_t kPublishDup = 0x08;
constexpr std::uint8_t kPublishRetain = 0x01;
constexpr std::uint8_t kAcknowledgedRequestFlags = 0x02;  // PUBREL, SUBSCRIBE, UNSUBSCRIBE

std::uint8_t requiredFlags(PacketType type) {
    switch (type) {
        case PacketType::Pubrel:
        case PacketType::Subscribe:
        case PacketType::Unsubscribe:
            return kAcknowledgedRequestFlags;
        default:
            return 0;
    }
}

Failure checkPublishFlags(std::uint8_t flags) {
    const auto qos = static_cast<std::uint8_t>((flags >> 1) & 0x03);
    if (qos == 3) {
        return malformed("PUBLISH with QoS 3 (both QoS bits set)");
    }
    if (qos == 0 && (flags & kPublishDup) != 0) {
        return malformed("PUBLISH with QoS 0 has the DUP flag set");
    }
    return std::nullopt;
}

}  // namespace

FrameStatus peekFrame(std::span<const std::uint8_t> bytes, FrameHeader& header) {
    if (bytes.empty()) {
        return FrameStatus::Incomplete;
    }
    std::uint32_t remainingLength = 0;
    std::size_t lengthBytes = 0;
    switch (decodeVariableByteInteger(bytes.subspan(1), remainingLength, lengthBytes)) {
        case VariableByteIntegerStatus::Incomplete:
            return FrameStatus::Incomplete;
        case VariableByteIntegerStatus::TooLong:
            return FrameStatus::Malformed;
        case VariableByteIntegerStatus::Ok:
            break;
    }
    header.firstByte = bytes[0];
    header.remainingLength = remainingLength;
    header.headerSize = 1 + lengthBytes;
    return bytes.size() >= header.totalSize() ? FrameStatus::Complete : FrameStatus::Incomplete;
}

Failure checkFixedHeader(const FrameHeader& header, ProtocolVersion version) {
    const auto rawType = static_cast<std::uint8_t>(header.firstByte >> 4);
    if (rawType == 0) {
        return malformed("packet type 0 is reserved");
    }
    const PacketType type = header.type();
    if (type == PacketType::Auth && version == ProtocolVersion::V311) {
        return malformed("packet type 15 (AUTH) does not exist in MQTT 3.1.1");
    }
    if (type == PacketType::Publish) {
        return checkPublishFlags(header.flags());
    }
    if (header.flags() != requiredFlags(type)) {
        return malformed("fixed header flags " + hexByte(header.flags()) + " for packet type " +
                         std::to_string(rawType) + ", expected " + hexByte(requiredFlags(type)));
    }
    return std::nullopt;
}

std::uint8_t fixedHeaderByte(const Packet& packet) {
    const PacketType type = packetTypeOf(packet);
    auto flags = requiredFlags(type);
    if (const auto* publish = std::get_if<Publish>(&packet)) {
        flags = static_cast<std::uint8_t>(((publish->qos & 0x03) << 1) |
                                          (publish->dup ? kPublishDup : 0) |
                                          (publish->retain ? kPublishRetain : 0));
    }
    return static_cast<std::uint8_t>((static_cast<std::uint8_t>(type) << 4) | flags);
}

PacketType packetTypeOf(const Packet& packet) {
    struct TypeOf {
        PacketType operator()(const Connect&) const { return PacketType::Connect; }
        PacketType operator()(const Connack&) const { return PacketType::Connack; }
        PacketType operator()(const Publish&) const { return PacketType::Publish; }
        PacketType operator()(const PublishResponse& response) const { return response.type; }
        PacketType operator()(const Subscribe&) const { return PacketType::Subscribe; }
        PacketType operator()(const Suback&) const { return PacketType::Suback; }
        PacketType operator()(const Unsubscribe&) const { return PacketType::Unsubscribe; }
        PacketType operator()(const Unsuback&) const { return PacketType::Unsuback; }
        PacketType operator()(const Pingreq&) const { return PacketType::Pingreq; }
        PacketType operator()(const Pingresp&) const { return PacketType::Pingresp; }
        PacketType operator()(const Disconnect&) const { return PacketType::Disconnect; }
        PacketType operator()(const Auth&) const { return PacketType::Auth; }
    };
    return std::visit(TypeOf{}, packet);
}

}  // namespace sbx::mqtt
