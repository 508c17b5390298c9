#pragma once

#include <cstdint>

#include "byte_reader.h"
#include "sbx/mqtt/codec.h"

namespace sbx::mqtt {

// One decoder per packet shape. Each reads the whole body (the fixed header has already
// been checked by checkFixedHeader) and fails on anything left over.
[[nodiscard]] DecodeResult decodeConnect(ByteReader& reader);
[[nodiscard]] DecodeResult decodeConnack(ByteReader& reader, ProtocolVersion version);
[[nodiscard]] DecodeResult decodePublish(std::uint8_t flags, ByteReader& reader,
                                         ProtocolVersion version);
[[nodiscard]] DecodeResult decodePublishResponse(PacketType type, ByteReader& reader,
                                                 ProtocolVersion version);
[[nodiscard]] DecodeResult decodeSubscribe(ByteReader& reader, ProtocolVersion version);
[[nodiscard]] DecodeResult decodeSuback(ByteReader& reader, ProtocolVersion version);
[[nodiscard]] DecodeResult decodeUnsubscribe(ByteReader& reader, ProtocolVersion version);
[[nodiscard]] DecodeResult decodeUnsuback(ByteReader& reader, ProtocolVersion version);
[[nodiscard]] DecodeResult decodePing(PacketType type, ByteReader& reader);
[[nodiscard]] DecodeResult decodeDisconnect(ByteReader& reader, ProtocolVersion version);
[[nodiscard]] DecodeResult decodeAuth(ByteReader& reader);

// Body writers (everything after the remaining length), one template per packet shape,
// instantiated for ByteWriter and SizeCounter. A CONNECT is written in its own version.
template <class Sink>
void writeBody(const Connect& packet, ProtocolVersion version, Sink& sink);
template <class Sink>
void writeBody(const Connack& packet, ProtocolVersion version, Sink& sink);
template <class Sink>
void writeBody(const Publish& packet, ProtocolVersion version, Sink& sink);
template <class Sink>
void writeBody(const PublishResponse& packet, ProtocolVersion version, Sink& sink);
template <class Sink>
void writeBody(const Subscribe& packet, ProtocolVersion version, Sink& sink);
template <class Sink>
void writeBody(const Suback& packet, ProtocolVersion version, Sink& sink);
template <class Sink>
void writeBody(const Unsubscribe& packet, ProtocolVersion version, Sink& sink);
template <class Sink>
void writeBody(const Unsuback& packet, ProtocolVersion version, Sink& sink);
template <class Sink>
void writeBody(const Pingreq& packet, ProtocolVersion version, Sink& sink);
template <class Sink>
void writeBody(const Pingresp& packet, ProtocolVersion version, Sink& sink);
template <class Sink>
void writeBody(const Disconnect& packet, ProtocolVersion version, Sink& sink);
template <class Sink>
void writeBody(const Auth& packet, ProtocolVersion version, Sink& sink);

// Instantiates writeBody for both sinks, at the end of each codec source file.
#define SBX_MQTT_INSTANTIATE_WRITE_BODY(PacketStruct)                                       \
    template void writeBody<ByteWriter>(const PacketStruct&, ProtocolVersion, ByteWriter&); \
    template void writeBody<SizeCounter>(const PacketStruct&, ProtocolVersion, SizeCounter&)

}  // namespace sbx::mqtt
