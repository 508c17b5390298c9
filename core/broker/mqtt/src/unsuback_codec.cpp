#include "byte_writer.h"
#include "field_reader.h"
#include "packet_codecs.h"
#include "properties_codec.h"
#include "reason_code_rules.h"

namespace sbx::mqtt {

namespace {

// 3.1.1 UNSUBACK is only the packet identifier (§3.11.2); v5 adds properties and one
// reason code per topic filter (§3.11.3).
Failure readUnsuback(ByteReader& reader, ProtocolVersion version, Unsuback& unsuback) {
    if (auto failure = readPacketId(reader, unsuback.packetId, "UNSUBACK")) {
        return failure;
    }
    if (version == ProtocolVersion::V311) {
        return expectEnd(reader, "UNSUBACK");
    }
    if (auto failure = decodeProperties(reader, PropertyScope::Unsuback, unsuback.properties)) {
        return failure;
    }
    const auto codes = reader.readRest();
    if (codes.empty()) {
        return protocolError("UNSUBACK has no reason code (one per topic filter is required)");
    }
    for (const auto code : codes) {
        if (!isReasonCodeAllowedV5(PacketType::Unsuback, code)) {
            return malformed("UNSUBACK reason code " + hexByte(code) +
                             " is not defined for UNSUBACK");
        }
    }
    unsuback.reasonCodes.assign(codes.begin(), codes.end());
    return std::nullopt;
}

}  // namespace

DecodeResult decodeUnsuback(ByteReader& reader, ProtocolVersion version) {
    Unsuback unsuback;
    if (auto failure = readUnsuback(reader, version, unsuback)) {
        return std::move(*failure);
    }
    return Packet{std::move(unsuback)};
}

template <class Sink>
void writeBody(const Unsuback& unsuback, ProtocolVersion version, Sink& sink) {
    sink.twoByteInteger(unsuback.packetId);
    if (version != ProtocolVersion::V5) {
        return;
    }
    writeProperties(unsuback.properties, sink);
    for (const auto code : unsuback.reasonCodes) {
        sink.byte(code);
    }
}

SBX_MQTT_INSTANTIATE_WRITE_BODY(Unsuback);

}  // namespace sbx::mqtt
