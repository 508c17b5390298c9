#include "codec_test_support.h"

#include <fstream>
#include <iterator>

namespace sbx::amqp::test {

namespace {

template <class Unsigned>
Bytes bigEndian(Unsigned value) {
    Bytes bytes;
    for (std::size_t index = sizeof(Unsigned); index-- > 0;) {
        bytes.push_back(static_cast<std::uint8_t>(value >> (8 * index)));
    }
    return bytes;
}

}  // namespace

Bytes u8(std::uint8_t value) {
    return {value};
}
Bytes u16(std::uint16_t value) {
    return bigEndian(value);
}
Bytes u32(std::uint32_t value) {
    return bigEndian(value);
}
Bytes u64(std::uint64_t value) {
    return bigEndian(value);
}

Bytes shortStr(std::string_view text) {
    Bytes bytes{static_cast<std::uint8_t>(text.size())};
    bytes.insert(bytes.end(), text.begin(), text.end());
    return bytes;
}

Bytes longStr(std::string_view text) {
    Bytes bytes = u32(static_cast<std::uint32_t>(text.size()));
    bytes.insert(bytes.end(), text.begin(), text.end());
    return bytes;
}

Bytes cat(std::initializer_list<Bytes> parts) {
    Bytes all;
    for (const auto& part : parts) {
        all.insert(all.end(), part.begin(), part.end());
    }
    return all;
}

Bytes frame(std::uint8_t type, std::uint16_t channel, const Bytes& payload) {
    return cat({u8(type), u16(channel), u32(static_cast<std::uint32_t>(payload.size())), payload,
                u8(kFrameEnd)});
}

Bytes encodeMethod(const Method& method, std::uint16_t channel) {
    Bytes bytes;
    encodeMethodFrame(channel, method, bytes);
    return bytes;
}

Method decodeMethodOk(const Bytes& bytes) {
    const auto peek = peekFrame(bytes, kDefaultFrameMax);
    EXPECT_EQ(peek.status, FrameStatus::Complete) << peek.error.text;
    EXPECT_EQ(peek.frameSize, bytes.size());
    EXPECT_EQ(peek.frame.type, FrameType::Method);
    auto result = decodeMethodFrame(peek.frame.payload);
    if (const auto* error = std::get_if<DecodeError>(&result)) {
        ADD_FAILURE() << "refused with " << toWire(error->replyCode) << ": " << error->text;
        return ConnectionCloseOk{};
    }
    return std::get<Method>(std::move(result));
}

void expectMethodRefused(std::uint16_t classId, std::uint16_t methodId, const Bytes& arguments,
                         ReplyCode code) {
    const auto result = decodeMethod(classId, methodId, arguments);
    const auto* error = std::get_if<DecodeError>(&result);
    ASSERT_NE(error, nullptr) << "decoded " << nameOf(std::get<Method>(result));
    EXPECT_EQ(error->replyCode, code) << error->text;
    EXPECT_FALSE(error->text.empty());
}

Bytes readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    EXPECT_TRUE(in.good()) << path;
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

Bytes readGolden(std::string_view name) {
    return readFile(std::string(SBX_AMQP_GOLDEN_DIR) + "/" + std::string(name) + ".bin");
}

}  // namespace sbx::amqp::test
