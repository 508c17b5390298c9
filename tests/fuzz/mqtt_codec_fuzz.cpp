// libFuzzer target for the MQTT codec: frames and decodes the input as a byte stream in
// both protocol versions, and checks the round-trip property on every packet that
// decodes: encoding it gives a frame of encodedSize() bytes that decodes to the same
// packet. Crashes, sanitizer reports and broken round trips all abort.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <span>
#include <vector>

#include "sbx/mqtt/codec.h"

namespace {

using sbx::mqtt::DecodeError;
using sbx::mqtt::FrameHeader;
using sbx::mqtt::FrameStatus;
using sbx::mqtt::Packet;
using sbx::mqtt::ProtocolVersion;

[[noreturn]] void fail(const char* what) {
    std::fprintf(stderr, "round trip broken: %s\n", what);
    std::abort();
}

void checkRoundTrip(const Packet& packet, ProtocolVersion version) {
    std::vector<std::uint8_t> bytes;
    sbx::mqtt::encodePacket(packet, version, bytes);
    if (bytes.size() != sbx::mqtt::encodedSize(packet, version)) {
        fail("encodedSize differs from what encodePacket wrote");
    }
    FrameHeader header;
    if (sbx::mqtt::peekFrame(bytes, header) != FrameStatus::Complete ||
        header.totalSize() != bytes.size()) {
        fail("the encoded packet is not exactly one frame");
    }
    const auto again =
        sbx::mqtt::decodePacket(header, std::span(bytes).subspan(header.headerSize), version);
    if (const auto* error = std::get_if<DecodeError>(&again)) {
        std::fprintf(stderr, "re-decoding failed: %s\n", error->message.c_str());
        fail("the encoded packet does not decode");
    }
    if (std::get<Packet>(again) != packet) {
        fail("the re-decoded packet differs");
    }
}

void decodeStream(std::span<const std::uint8_t> input, ProtocolVersion version) {
    FrameHeader header;
    while (sbx::mqtt::peekFrame(input, header) == FrameStatus::Complete) {
        const auto body = input.subspan(header.headerSize, header.remainingLength);
        const auto result = sbx::mqtt::decodePacket(header, body, version);
        if (const auto* packet = std::get_if<Packet>(&result)) {
            checkRoundTrip(*packet, version);
        }
        input = input.subspan(header.totalSize());
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::span<const std::uint8_t> input(data, size);
    decodeStream(input, ProtocolVersion::V311);
    decodeStream(input, ProtocolVersion::V5);
    if (!input.empty()) {
        // The CONNECT helper must never read past what it is given.
        (void)sbx::mqtt::connectProtocolLevel(input.subspan(1));
        (void)sbx::mqtt::isValidUtf8String({reinterpret_cast<const char*>(data), size});
    }
    return 0;
}
