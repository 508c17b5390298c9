#include <string>

#include "byte_writer.h"
#include "field_reader.h"
#include "packet_codecs.h"
#include "properties_codec.h"
#include "reason_code_rules.h"

namespace sbx::mqtt {

namespace {

PropertyScope scopeOf(PacketType type) {
    switch (type) {
        case PacketType::Pubrec:
            return PropertyScope::Pubrec;
        case PacketType::Pubrel:
            return PropertyScope::Pubrel;
        case PacketType::Pubcomp:
            return PropertyScope::Pubcomp;
        default:
            return PropertyScope::Puback;
    }
}

std::string_view reasonFieldName(PacketType type) {
    switch (type) {
        case PacketType::Pubrec:
            return "PUBREC reason code";
        case PacketType::Pubrel:
            return "PUBREL reason code";
        case PacketType::Pubcomp:
            return "PUBCOMP reason code";
        default:
            return "PUBACK reason code";
    }
}

// MQTT 5 §3.4.2.1: the reason code may be left out when it is 0x00 and there are no
// properties (remaining length 2), and the property length when there are no properties
// (remaining length 3).
Failure readV5Tail(ByteReader& reader, PublishResponse& response) {
    if (reader.atEnd()) {
        return std::nullopt;
    }
    const auto field = reasonFieldName(response.type);
    if (auto failure = readByteField(reader, response.reasonCode, field)) {
        return failure;
    }
    if (!isReasonCodeAllowedV5(response.type, response.reasonCode)) {
        return malformed(std::string(field) + " " + hexByte(response.reasonCode) +
                         " is not one the spec defines for this packet");
    }
    if (reader.atEnd()) {
        return std::nullopt;
    }
    return decodeProperties(reader, scopeOf(response.type), response.properties);
}

}  // namespace

DecodeResult decodePublishResponse(PacketType type, ByteReader& reader, ProtocolVersion version) {
    PublishResponse response;
    response.type = type;
    const auto name = scopeName(scopeOf(type));
    if (auto failure = readPacketId(reader, response.packetId, name)) {
        return std::move(*failure);
    }
    if (version == ProtocolVersion::V5) {
        if (auto failure = readV5Tail(reader, response)) {
            return std::move(*failure);
        }
    }
    if (auto failure = expectEnd(reader, name)) {
        return std::move(*failure);
    }
    return Packet{std::move(response)};
}

template <class Sink>
void writeBody(const PublishResponse& response, ProtocolVersion version, Sink& sink) {
    sink.twoByteInteger(response.packetId);
    if (version != ProtocolVersion::V5) {
        return;
    }
    const bool withProperties = hasProperties(response.properties);
    if (response.reasonCode != 0 || withProperties) {
        sink.byte(response.reasonCode);
    }
    if (withProperties) {
        writeProperties(response.properties, sink);
    }
}

SBX_MQTT_INSTANTIATE_WRITE_BODY(PublishResponse);

}  // namespace sbx::mqtt
