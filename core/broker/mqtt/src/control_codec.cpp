// PINGREQ, PINGRESP, DISCONNECT and AUTH: the packets that carry at most a reason code.
#include "byte_writer.h"
#include "field_reader.h"
#include "packet_codecs.h"
#include "properties_codec.h"
#include "reason_code_rules.h"

namespace sbx::mqtt {

namespace {

Failure readReasonCode(ByteReader& reader, PacketType type, std::string_view packetName,
                       std::uint8_t& code) {
    if (auto failure = readByteField(reader, code, "reason code")) {
        return failure;
    }
    if (!isReasonCodeAllowedV5(type, code)) {
        return malformed(std::string(packetName) + " reason code " + hexByte(code) +
                         " is not defined for " + std::string(packetName));
    }
    return std::nullopt;
}

// MQTT 5 §3.14.2: remaining length 0 means Normal disconnection without properties, and
// a remaining length of 1 means a reason code without properties.
Failure readDisconnect(ByteReader& reader, ProtocolVersion version, Disconnect& disconnect) {
    if (version == ProtocolVersion::V311 || reader.atEnd()) {
        return expectEnd(reader, "DISCONNECT");
    }
    if (auto failure =
            readReasonCode(reader, PacketType::Disconnect, "DISCONNECT", disconnect.reasonCode)) {
        return failure;
    }
    if (reader.atEnd()) {
        return std::nullopt;
    }
    if (auto failure = decodeProperties(reader, PropertyScope::Disconnect, disconnect.properties)) {
        return failure;
    }
    return expectEnd(reader, "DISCONNECT");
}

// MQTT 5 §3.15.2.1: only the whole variable header may be left out (remaining length 0,
// meaning Success); otherwise reason code and property length are both present.
Failure readAuth(ByteReader& reader, Auth& auth) {
    if (reader.atEnd()) {
        return std::nullopt;
    }
    if (auto failure = readReasonCode(reader, PacketType::Auth, "AUTH", auth.reasonCode)) {
        return failure;
    }
    if (auto failure = decodeProperties(reader, PropertyScope::Auth, auth.properties)) {
        return failure;
    }
    return expectEnd(reader, "AUTH");
}

}  // namespace

DecodeResult decodePing(PacketType type, ByteReader& reader) {
    if (type == PacketType::Pingreq) {
        if (auto failure = expectEnd(reader, "PINGREQ")) {
            return std::move(*failure);
        }
        return Packet{Pingreq{}};
    }
    if (auto failure = expectEnd(reader, "PINGRESP")) {
        return std::move(*failure);
    }
    return Packet{Pingresp{}};
}

DecodeResult decodeDisconnect(ByteReader& reader, ProtocolVersion version) {
    Disconnect disconnect;
    if (auto failure = readDisconnect(reader, version, disconnect)) {
        return std::move(*failure);
    }
    return Packet{std::move(disconnect)};
}

DecodeResult decodeAuth(ByteReader& reader) {
    Auth auth;
    if (auto failure = readAuth(reader, auth)) {
        return std::move(*failure);
    }
    return Packet{std::move(auth)};
}

template <class Sink>
void writeBody(const Pingreq& /*packet*/, ProtocolVersion /*version*/, Sink& /*sink*/) {}

template <class Sink>
void writeBody(const Pingresp& /*packet*/, ProtocolVersion /*version*/, Sink& /*sink*/) {}

template <class Sink>
void writeBody(const Disconnect& disconnect, ProtocolVersion version, Sink& sink) {
    if (version != ProtocolVersion::V5) {
        return;
    }
    const bool withProperties = hasProperties(disconnect.properties);
    if (disconnect.reasonCode != 0 || withProperties) {
        sink.byte(disconnect.reasonCode);
    }
    if (withProperties) {
        writeProperties(disconnect.properties, sink);
    }
}

// AUTH does not exist in 3.1.1; asked for one anyway, this writes the empty form.
template <class Sink>
void writeBody(const Auth& auth, ProtocolVersion version, Sink& sink) {
    if (version != ProtocolVersion::V5 ||
        (auth.reasonCode == 0 && !hasProperties(auth.properties))) {
        return;
    }
    sink.byte(auth.reasonCode);
    writeProperties(auth.properties, sink);
}

SBX_MQTT_INSTANTIATE_WRITE_BODY(Pingreq);
SBX_MQTT_INSTANTIATE_WRITE_BODY(Pingresp);
SBX_MQTT_INSTANTIATE_WRITE_BODY(Disconnect);
SBX_MQTT_INSTANTIATE_WRITE_BODY(Auth);

}  // namespace sbx::mqtt
