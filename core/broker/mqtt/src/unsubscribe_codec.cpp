#include "byte_writer.h"
#include "field_reader.h"
#include "list_counting.h"
#include "packet_codecs.h"
#include "properties_codec.h"

namespace sbx::mqtt {

namespace {

Failure readUnsubscribe(ByteReader& reader, ProtocolVersion version, Unsubscribe& unsubscribe) {
    if (auto failure = readPacketId(reader, unsubscribe.packetId, "UNSUBSCRIBE")) {
        return failure;
    }
    if (version == ProtocolVersion::V5) {
        if (auto failure =
                decodeProperties(reader, PropertyScope::Unsubscribe, unsubscribe.properties)) {
            return failure;
        }
    }
    unsubscribe.filters.reserve(countLengthPrefixedEntries(reader, 0));
    while (!reader.atEnd()) {
        if (auto failure = readUtf8StringField(reader, unsubscribe.filters.emplace_back(),
                                               "UNSUBSCRIBE topic filter")) {
            return failure;
        }
    }
    if (unsubscribe.filters.empty()) {
        return protocolError("UNSUBSCRIBE has no topic filter");
    }
    return std::nullopt;
}

}  // namespace

DecodeResult decodeUnsubscribe(ByteReader& reader, ProtocolVersion version) {
    Unsubscribe unsubscribe;
    if (auto failure = readUnsubscribe(reader, version, unsubscribe)) {
        return std::move(*failure);
    }
    return Packet{std::move(unsubscribe)};
}

template <class Sink>
void writeBody(const Unsubscribe& unsubscribe, ProtocolVersion version, Sink& sink) {
    sink.twoByteInteger(unsubscribe.packetId);
    if (version == ProtocolVersion::V5) {
        writeProperties(unsubscribe.properties, sink);
    }
    for (const auto& filter : unsubscribe.filters) {
        sink.lengthPrefixed(filter);
    }
}

SBX_MQTT_INSTANTIATE_WRITE_BODY(Unsubscribe);

}  // namespace sbx::mqtt
