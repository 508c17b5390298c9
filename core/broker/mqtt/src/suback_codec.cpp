#include "byte_writer.h"
#include "field_reader.h"
#include "packet_codecs.h"
#include "properties_codec.h"
#include "reason_code_rules.h"

namespace sbx::mqtt {

namespace {

Failure checkCode(std::uint8_t code, ProtocolVersion version) {
    if (version == ProtocolVersion::V311) {
        if (!isSubackReturnCode311(code)) {
            return malformed("SUBACK return code " + hexByte(code) +
                             " is not 0x00, 0x01, 0x02 or 0x80 (MQTT 3.1.1)");
        }
    } else if (!isReasonCodeAllowedV5(PacketType::Suback, code)) {
        return malformed("SUBACK reason code " + hexByte(code) + " is not defined for SUBACK");
    }
    return std::nullopt;
}

Failure readSuback(ByteReader& reader, ProtocolVersion version, Suback& suback) {
    if (auto failure = readPacketId(reader, suback.packetId, "SUBACK")) {
        return failure;
    }
    if (version == ProtocolVersion::V5) {
        if (auto failure = decodeProperties(reader, PropertyScope::Suback, suback.properties)) {
            return failure;
        }
    }
    const auto codes = reader.readRest();
    if (codes.empty()) {
        return protocolError("SUBACK has no reason code (one per topic filter is required)");
    }
    for (const auto code : codes) {
        if (auto failure = checkCode(code, version)) {
            return failure;
        }
    }
    suback.reasonCodes.assign(codes.begin(), codes.end());
    return std::nullopt;
}

}  // namespace

DecodeResult decodeSuback(ByteReader& reader, ProtocolVersion version) {
    Suback suback;
    if (auto failure = readSuback(reader, version, suback)) {
        return std::move(*failure);
    }
    return Packet{std::move(suback)};
}

template <class Sink>
void writeBody(const Suback& suback, ProtocolVersion version, Sink& sink) {
    sink.twoByteInteger(suback.packetId);
    if (version == ProtocolVersion::V5) {
        writeProperties(suback.properties, sink);
    }
    for (const auto code : suback.reasonCodes) {
        sink.byte(code);
    }
}

SBX_MQTT_INSTANTIATE_WRITE_BODY(Suback);

}  // namespace sbx::mqtt
