#include "sbx/mqtt/codec.h"

#include <string>

#include "byte_writer.h"
#include "field_reader.h"
#include "frame.h"
#include "packet_codecs.h"

namespace sbx::mqtt {

namespace {

DecodeResult decodeBody(const FrameHeader& header, ByteReader& reader, ProtocolVersion version) {
    switch (header.type()) {
        case PacketType::Connect:
            return decodeConnect(reader);
        case PacketType::Connack:
            return decodeConnack(reader, version);
        case PacketType::Publish:
            return decodePublish(header.flags(), reader, version);
        case PacketType::Puback:
        case PacketType::Pubrec:
        case PacketType::Pubrel:
        case PacketType::Pubcomp:
            return decodePublishResponse(header.type(), reader, version);
        case PacketType::Subscribe:
            return decodeSubscribe(reader, version);
        case PacketType::Suback:
            return decodeSuback(reader, version);
        case PacketType::Unsubscribe:
            return decodeUnsubscribe(reader, version);
        case PacketType::Unsuback:
            return decodeUnsuback(reader, version);
        case PacketType::Pingreq:
        case PacketType::Pingresp:
            return decodePing(header.type(), reader);
        case PacketType::Disconnect:
            return decodeDisconnect(reader, version);
        case PacketType::Auth:
            return decodeAuth(reader);
    }
    return malformed("packet type 0 is reserved");  // checkFixedHeader refused it already
}

std::size_t bodySize(const Packet& packet, ProtocolVersion version) {
    SizeCounter counter;
    std::visit([&](const auto& typed) { writeBody(typed, version, counter); }, packet);
    return counter.size();
}

}  // namespace

DecodeResult decodePacket(const FrameHeader& header, std::span<const std::uint8_t> body,
                          ProtocolVersion version) {
    if (body.size() != header.remainingLength) {
        return malformed("packet body holds " + std::to_string(body.size()) +
                         " bytes but the remaining length says " +
                         std::to_string(header.remainingLength));
    }
    if (auto failure = checkFixedHeader(header, version)) {
        return std::move(*failure);
    }
    ByteReader reader(body);
    return decodeBody(header, reader, version);
}

void encodePacket(const Packet& packet, ProtocolVersion version, std::vector<std::uint8_t>& out) {
    const auto body = bodySize(packet, version);
    const auto remainingLength = static_cast<std::uint32_t>(body);
    out.reserve(out.size() + 1 + variableByteIntegerSize(remainingLength) + body);
    ByteWriter writer(out);
    writer.byte(fixedHeaderByte(packet));
    writer.variableByteInteger(remainingLength);
    std::visit([&](const auto& typed) { writeBody(typed, version, writer); }, packet);
}

std::size_t encodedSize(const Packet& packet, ProtocolVersion version) {
    const auto body = bodySize(packet, version);
    return 1 + variableByteIntegerSize(static_cast<std::uint32_t>(body)) + body;
}

}  // namespace sbx::mqtt
