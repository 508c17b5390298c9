#include "codec_test_support.h"

#include <algorithm>

namespace sbx::mqtt::test {

DecodeResult decodeFrame(const Bytes& bytes, ProtocolVersion version) {
    FrameHeader header;
    const auto status = peekFrame(bytes, header);
    if (status != FrameStatus::Complete || header.totalSize() != bytes.size()) {
        ADD_FAILURE() << "the bytes are not exactly one frame";
        return DecodeError{ReasonCode::UnspecifiedError, "not one frame"};
    }
    return decodePacket(header, std::span(bytes).subspan(header.headerSize), version);
}

Bytes encode(const Packet& packet, ProtocolVersion version) {
    Bytes out;
    encodePacket(packet, version, out);
    return out;
}

Packet decodeOk(const Bytes& bytes, ProtocolVersion version) {
    auto result = decodeFrame(bytes, version);
    if (const auto* error = std::get_if<DecodeError>(&result)) {
        ADD_FAILURE() << "refused: " << error->message;
        return Pingreq{};
    }
    return std::get<Packet>(std::move(result));
}

void expectRefused(const Bytes& bytes, ProtocolVersion version, ReasonCode reason) {
    const auto result = decodeFrame(bytes, version);
    const auto* error = std::get_if<DecodeError>(&result);
    ASSERT_NE(error, nullptr) << "the packet was accepted";
    EXPECT_EQ(error->reason, reason) << error->message;
    EXPECT_FALSE(error->message.empty());
}

Bytes frame(std::uint8_t firstByte, const Bytes& body) {
    Bytes length;
    appendVariableByteInteger(static_cast<std::uint32_t>(body.size()), length);
    return cat({{firstByte}, length, body});
}

Bytes str(std::string_view text) {
    // Built from two whole vectors: GCC 12 at -O3 misreads element writes and insert()
    // into a fresh small vector as out-of-bounds (-Warray-bounds, -Wnull-dereference).
    const Bytes length{static_cast<std::uint8_t>(text.size() >> 8),
                       static_cast<std::uint8_t>(text.size())};
    return cat({length, Bytes(text.begin(), text.end())});
}

Bytes cat(std::initializer_list<Bytes> parts) {
    std::size_t size = 0;
    for (const auto& part : parts) {
        size += part.size();
    }
    Bytes out(size);
    auto next = out.begin();
    for (const auto& part : parts) {
        next = std::copy(part.begin(), part.end(), next);
    }
    return out;
}

}  // namespace sbx::mqtt::test
