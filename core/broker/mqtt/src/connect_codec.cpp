#include <string>

#include "byte_writer.h"
#include "field_reader.h"
#include "packet_codecs.h"
#include "properties_codec.h"
#include "topic_name_check.h"

namespace sbx::mqtt {

namespace {

constexpr std::string_view kProtocolName = "MQTT";
constexpr std::string_view kProtocolName31 = "MQIsdp";

// CONNECT flags byte (MQTT 5 §3.1.2.3).
constexpr std::uint8_t kReservedFlag = 0x01;
constexpr std::uint8_t kCleanStartFlag = 0x02;
constexpr std::uint8_t kWillFlag = 0x04;
constexpr std::uint8_t kWillQosShift = 3;
constexpr std::uint8_t kWillRetainFlag = 0x20;
constexpr std::uint8_t kPasswordFlag = 0x40;
constexpr std::uint8_t kUserNameFlag = 0x80;

Failure readProtocolVersion(ByteReader& reader, ProtocolVersion& version) {
    std::string name;
    if (auto failure = readUtf8StringField(reader, name, "CONNECT protocol name")) {
        return failure;
    }
    std::uint8_t level = 0;
    if (auto failure = readByteField(reader, level, "CONNECT protocol level")) {
        return failure;
    }
    if (name == kProtocolName31) {
        return DecodeError{ReasonCode::UnsupportedProtocolVersion,
                           "MQTT 3.1 (protocol name MQIsdp, level " + std::to_string(level) +
                               ") is not supported; use MQTT 3.1.1 or 5.0"};
    }
    if (name != kProtocolName) {
        return malformed("CONNECT protocol name is not \"MQTT\" (" + std::to_string(name.size()) +
                         " bytes)");
    }
    if (level != static_cast<std::uint8_t>(ProtocolVersion::V311) &&
        level != static_cast<std::uint8_t>(ProtocolVersion::V5)) {
        return DecodeError{ReasonCode::UnsupportedProtocolVersion,
                           "CONNECT protocol level " + std::to_string(level) +
                               " is not supported (4 = MQTT 3.1.1, 5 = MQTT 5.0)"};
    }
    version = static_cast<ProtocolVersion>(level);
    return std::nullopt;
}

Failure checkConnectFlags(std::uint8_t flags, ProtocolVersion version) {
    if ((flags & kReservedFlag) != 0) {
        return malformed("CONNECT reserved flag (bit 0) is set");
    }
    const auto willQos = static_cast<std::uint8_t>((flags >> kWillQosShift) & 0x03);
    if ((flags & kWillFlag) == 0 && (willQos != 0 || (flags & kWillRetainFlag) != 0)) {
        return malformed("CONNECT will QoS and will retain must be 0 when the will flag is 0");
    }
    if (willQos == 3) {
        return malformed("CONNECT will QoS is 3");
    }
    // MQTT 5 allows a password without a user name (§3.1.2.9); 3.1.1 does not [MQTT-3.1.2-22].
    if (version == ProtocolVersion::V311 && (flags & kPasswordFlag) != 0 &&
        (flags & kUserNameFlag) == 0) {
        return malformed("CONNECT password flag set without the user name flag (MQTT 3.1.1)");
    }
    return std::nullopt;
}

Failure readWill(ByteReader& reader, std::uint8_t flags, ProtocolVersion version, Will& will) {
    will.qos = static_cast<std::uint8_t>((flags >> kWillQosShift) & 0x03);
    will.retain = (flags & kWillRetainFlag) != 0;
    if (version == ProtocolVersion::V5) {
        if (auto failure = decodeProperties(reader, PropertyScope::Will, will.properties)) {
            return failure;
        }
    }
    if (auto failure = readUtf8StringField(reader, will.topic, "CONNECT will topic")) {
        return failure;
    }
    if (will.topic.empty()) {
        return DecodeError{ReasonCode::TopicNameInvalid, "CONNECT will topic is empty"};
    }
    if (auto failure = checkNoWildcards(will.topic, "CONNECT will topic")) {
        return failure;
    }
    return readBinaryField(reader, will.payload, "CONNECT will payload");
}

Failure readCredentials(ByteReader& reader, std::uint8_t flags, Connect& connect) {
    if ((flags & kUserNameFlag) != 0) {
        if (auto failure =
                readUtf8StringField(reader, connect.username.emplace(), "CONNECT user name")) {
            return failure;
        }
    }
    if ((flags & kPasswordFlag) != 0) {
        return readBinaryField(reader, connect.password.emplace(), "CONNECT password");
    }
    return std::nullopt;
}

Failure readConnectProperties(ByteReader& reader, Properties& properties) {
    if (auto failure = decodeProperties(reader, PropertyScope::Connect, properties)) {
        return failure;
    }
    if (properties.authenticationData && !properties.authenticationMethod) {
        return protocolError("CONNECT has Authentication Data without Authentication Method");
    }
    return std::nullopt;
}

Failure readConnect(ByteReader& reader, Connect& connect) {
    if (auto failure = readProtocolVersion(reader, connect.version)) {
        return failure;
    }
    std::uint8_t flags = 0;
    if (auto failure = readByteField(reader, flags, "CONNECT flags")) {
        return failure;
    }
    if (auto failure = checkConnectFlags(flags, connect.version)) {
        return failure;
    }
    connect.cleanStart = (flags & kCleanStartFlag) != 0;
    if (auto failure = readTwoByteField(reader, connect.keepAlive, "CONNECT keep alive")) {
        return failure;
    }
    if (connect.version == ProtocolVersion::V5) {
        if (auto failure = readConnectProperties(reader, connect.properties)) {
            return failure;
        }
    }
    if (auto failure = readUtf8StringField(reader, connect.clientId, "CONNECT client identifier")) {
        return failure;
    }
    if ((flags & kWillFlag) != 0) {
        if (auto failure = readWill(reader, flags, connect.version, connect.will.emplace())) {
            return failure;
        }
    }
    if (auto failure = readCredentials(reader, flags, connect)) {
        return failure;
    }
    return expectEnd(reader, "CONNECT");
}

std::uint8_t connectFlags(const Connect& connect) {
    std::uint8_t flags = connect.cleanStart ? kCleanStartFlag : 0;
    if (connect.will) {
        flags |= kWillFlag;
        flags |= static_cast<std::uint8_t>((connect.will->qos & 0x03) << kWillQosShift);
        flags |= connect.will->retain ? kWillRetainFlag : 0;
    }
    flags |= connect.password ? kPasswordFlag : 0;
    flags |= connect.username ? kUserNameFlag : 0;
    return flags;
}

}  // namespace

DecodeResult decodeConnect(ByteReader& reader) {
    Connect connect;
    if (auto failure = readConnect(reader, connect)) {
        return std::move(*failure);
    }
    return Packet{std::move(connect)};
}

std::optional<std::uint8_t> connectProtocolLevel(std::span<const std::uint8_t> body) {
    ByteReader reader(body);
    std::uint16_t nameLength = 0;
    std::span<const std::uint8_t> name;
    std::uint8_t level = 0;
    if (reader.readTwoByteInteger(nameLength) && reader.readBytes(nameLength, name) &&
        reader.readByte(level)) {
        return level;
    }
    return std::nullopt;
}

template <class Sink>
void writeBody(const Connect& connect, ProtocolVersion /*version*/, Sink& sink) {
    const bool isV5 = connect.version == ProtocolVersion::V5;
    sink.lengthPrefixed(kProtocolName);
    sink.byte(static_cast<std::uint8_t>(connect.version));
    sink.byte(connectFlags(connect));
    sink.twoByteInteger(connect.keepAlive);
    if (isV5) {
        writeProperties(connect.properties, sink);
    }
    sink.lengthPrefixed(connect.clientId);
    if (connect.will) {
        if (isV5) {
            writeProperties(connect.will->properties, sink);
        }
        sink.lengthPrefixed(connect.will->topic);
        sink.lengthPrefixed(connect.will->payload);
    }
    if (connect.username) {
        sink.lengthPrefixed(*connect.username);
    }
    if (connect.password) {
        sink.lengthPrefixed(*connect.password);
    }
}

SBX_MQTT_INSTANTIATE_WRITE_BODY(Connect);

}  // namespace sbx::mqtt
