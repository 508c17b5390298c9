#include <string>

#include "byte_writer.h"
#include "field_reader.h"
#include "list_counting.h"
#include "packet_codecs.h"
#include "properties_codec.h"

namespace sbx::mqtt {

namespace {

// Subscription options byte (MQTT 5 §3.8.3.1).
constexpr std::uint8_t kQosMask = 0x03;
constexpr std::uint8_t kNoLocalFlag = 0x04;
constexpr std::uint8_t kRetainAsPublishedFlag = 0x08;
constexpr std::uint8_t kRetainHandlingShift = 4;
constexpr std::uint8_t kReservedV5 = 0xC0;
constexpr std::uint8_t kReservedV311 = 0xFC;  // 3.1.1 has only the QoS bits
constexpr std::string_view kSharedPrefix = "$share/";

Failure checkOptionsV311(std::uint8_t options) {
    if ((options & kReservedV311) != 0) {
        return malformed("SUBSCRIBE options " + hexByte(options) +
                         " set bits reserved in MQTT 3.1.1 (only QoS bits 0-1 exist)");
    }
    if ((options & kQosMask) == 3) {
        return malformed("SUBSCRIBE requests QoS 3");
    }
    return std::nullopt;
}

Failure checkOptionsV5(std::uint8_t options, const SubscribeEntry& entry) {
    if ((options & kReservedV5) != 0) {
        return malformed("SUBSCRIBE options " + hexByte(options) + " set reserved bits 6-7");
    }
    // MQTT 5 §3.8.3.1 names these two a Protocol Error, unlike 3.1.1's QoS 3.
    if (entry.maxQos == 3) {
        return protocolError("SUBSCRIBE requests Maximum QoS 3");
    }
    if (entry.retainHandling == 3) {
        return protocolError("SUBSCRIBE Retain Handling is 3");
    }
    if (entry.noLocal && entry.filter.starts_with(kSharedPrefix)) {
        return protocolError("SUBSCRIBE sets No Local on a shared subscription [MQTT-3.8.3-4]");
    }
    return std::nullopt;
}

Failure readEntry(ByteReader& reader, ProtocolVersion version, SubscribeEntry& entry) {
    if (auto failure = readUtf8StringField(reader, entry.filter, "SUBSCRIBE topic filter")) {
        return failure;
    }
    std::uint8_t options = 0;
    if (auto failure = readByteField(reader, options, "SUBSCRIBE subscription options")) {
        return failure;
    }
    entry.maxQos = options & kQosMask;
    if (version == ProtocolVersion::V311) {
        return checkOptionsV311(options);
    }
    entry.noLocal = (options & kNoLocalFlag) != 0;
    entry.retainAsPublished = (options & kRetainAsPublishedFlag) != 0;
    entry.retainHandling = static_cast<std::uint8_t>((options >> kRetainHandlingShift) & 0x03);
    return checkOptionsV5(options, entry);
}

Failure readSubscribe(ByteReader& reader, ProtocolVersion version, Subscribe& subscribe) {
    if (auto failure = readPacketId(reader, subscribe.packetId, "SUBSCRIBE")) {
        return failure;
    }
    if (version == ProtocolVersion::V5) {
        if (auto failure =
                decodeProperties(reader, PropertyScope::Subscribe, subscribe.properties)) {
            return failure;
        }
    }
    subscribe.entries.reserve(countLengthPrefixedEntries(reader, 1));
    while (!reader.atEnd()) {
        if (auto failure = readEntry(reader, version, subscribe.entries.emplace_back())) {
            return failure;
        }
    }
    if (subscribe.entries.empty()) {
        return protocolError("SUBSCRIBE has no topic filter");
    }
    return std::nullopt;
}

std::uint8_t optionsByte(const SubscribeEntry& entry, ProtocolVersion version) {
    auto options = static_cast<std::uint8_t>(entry.maxQos & kQosMask);
    if (version == ProtocolVersion::V5) {
        options |= entry.noLocal ? kNoLocalFlag : 0;
        options |= entry.retainAsPublished ? kRetainAsPublishedFlag : 0;
        options |= static_cast<std::uint8_t>((entry.retainHandling & 0x03) << kRetainHandlingShift);
    }
    return options;
}

}  // namespace

DecodeResult decodeSubscribe(ByteReader& reader, ProtocolVersion version) {
    Subscribe subscribe;
    if (auto failure = readSubscribe(reader, version, subscribe)) {
        return std::move(*failure);
    }
    return Packet{std::move(subscribe)};
}

template <class Sink>
void writeBody(const Subscribe& subscribe, ProtocolVersion version, Sink& sink) {
    sink.twoByteInteger(subscribe.packetId);
    if (version == ProtocolVersion::V5) {
        writeProperties(subscribe.properties, sink);
    }
    for (const auto& entry : subscribe.entries) {
        sink.lengthPrefixed(entry.filter);
        sink.byte(optionsByte(entry, version));
    }
}

SBX_MQTT_INSTANTIATE_WRITE_BODY(Subscribe);

}  // namespace sbx::mqtt
