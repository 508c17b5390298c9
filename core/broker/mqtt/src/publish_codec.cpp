#include "byte_writer.h"
#include "field_reader.h"
#include "packet_codecs.h"
#include "properties_codec.h"
#include "topic_name_check.h"

namespace sbx::mqtt {

namespace {

Failure checkTopicPresent(const Publish& publish, ProtocolVersion version) {
    if (!publish.topic.empty()) {
        return std::nullopt;
    }
    // MQTT 5 §3.3.2.1: an empty topic name stands for the one a Topic Alias maps to.
    if (version == ProtocolVersion::V5) {
        if (publish.properties.topicAlias) {
            return std::nullopt;
        }
        return protocolError("PUBLISH topic name is empty and there is no Topic Alias");
    }
    return DecodeError{ReasonCode::TopicNameInvalid, "PUBLISH topic name is empty"};
}

Failure readPublish(ByteReader& reader, ProtocolVersion version, Publish& publish) {
    if (auto failure = readUtf8StringField(reader, publish.topic, "PUBLISH topic name")) {
        return failure;
    }
    if (auto failure = checkNoWildcards(publish.topic, "PUBLISH topic name")) {
        return failure;
    }
    if (publish.qos > 0) {
        if (auto failure = readPacketId(reader, publish.packetId, "PUBLISH")) {
            return failure;
        }
    }
    if (version == ProtocolVersion::V5) {
        if (auto failure = decodeProperties(reader, PropertyScope::Publish, publish.properties)) {
            return failure;
        }
    }
    if (auto failure = checkTopicPresent(publish, version)) {
        return failure;
    }
    // The payload is the rest of the packet: the one copy a PUBLISH needs.
    publish.payload.assign(asChars(reader.readRest()));
    return std::nullopt;
}

}  // namespace

DecodeResult decodePublish(std::uint8_t flags, ByteReader& reader, ProtocolVersion version) {
    Publish publish;
    publish.retain = (flags & 0x01) != 0;
    publish.qos = static_cast<std::uint8_t>((flags >> 1) & 0x03);
    publish.dup = (flags & 0x08) != 0;
    if (auto failure = readPublish(reader, version, publish)) {
        return std::move(*failure);
    }
    return Packet{std::move(publish)};
}

template <class Sink>
void writeBody(const Publish& publish, ProtocolVersion version, Sink& sink) {
    sink.lengthPrefixed(publish.topic);
    if (publish.qos > 0) {
        sink.twoByteInteger(publish.packetId);
    }
    if (version == ProtocolVersion::V5) {
        writeProperties(publish.properties, sink);
    }
    sink.bytes(publish.payload);
}

SBX_MQTT_INSTANTIATE_WRITE_BODY(Publish);

}  // namespace sbx::mqtt
