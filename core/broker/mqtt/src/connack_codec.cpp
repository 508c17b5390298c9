#include "byte_writer.h"
#include "field_reader.h"
#include "packet_codecs.h"
#include "properties_codec.h"
#include "reason_code_rules.h"

namespace sbx::mqtt {

namespace {

constexpr std::uint8_t kSessionPresentFlag = 0x01;

Failure readConnack(ByteReader& reader, ProtocolVersion version, Connack& connack) {
    std::uint8_t flags = 0;
    if (auto failure = readByteField(reader, flags, "CONNACK acknowledge flags")) {
        return failure;
    }
    if ((flags & ~kSessionPresentFlag) != 0) {
        return malformed("CONNACK acknowledge flags " + hexByte(flags) +
                         " have reserved bits 7-1 set");
    }
    connack.sessionPresent = (flags & kSessionPresentFlag) != 0;
    if (auto failure = readByteField(reader, connack.reasonCode, "CONNACK reason code")) {
        return failure;
    }
    if (version == ProtocolVersion::V311) {
        if (!isConnectReturnCode311(connack.reasonCode)) {
            return malformed("CONNACK return code " + hexByte(connack.reasonCode) +
                             " is reserved in MQTT 3.1.1");
        }
    } else {
        if (!isReasonCodeAllowedV5(PacketType::Connack, connack.reasonCode)) {
            return malformed("CONNACK reason code " + hexByte(connack.reasonCode) +
                             " is not defined for CONNACK");
        }
        if (auto failure = decodeProperties(reader, PropertyScope::Connack, connack.properties)) {
            return failure;
        }
    }
    return expectEnd(reader, "CONNACK");
}

}  // namespace

DecodeResult decodeConnack(ByteReader& reader, ProtocolVersion version) {
    Connack connack;
    if (auto failure = readConnack(reader, version, connack)) {
        return std::move(*failure);
    }
    return Packet{std::move(connack)};
}

template <class Sink>
void writeBody(const Connack& connack, ProtocolVersion version, Sink& sink) {
    sink.byte(connack.sessionPresent ? kSessionPresentFlag : 0);
    sink.byte(connack.reasonCode);
    if (version == ProtocolVersion::V5) {
        writeProperties(connack.properties, sink);
    }
}

SBX_MQTT_INSTANTIATE_WRITE_BODY(Connack);

}  // namespace sbx::mqtt
