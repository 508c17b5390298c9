// The fuzzer's seed corpus (conversations written by pika) must hold valid frames, or
// the fuzzer starts from noise.
#include <filesystem>

#include "codec_test_support.h"
#include "sbx/amqp/protocol_header.h"

namespace sbx::amqp::test {
namespace {

void expectValidFrames(std::span<const std::uint8_t> rest) {
    while (!rest.empty()) {
        const auto peek = peekFrame(rest, kDefaultFrameMax);
        ASSERT_EQ(peek.status, FrameStatus::Complete) << peek.error.text;
        if (peek.frame.type == FrameType::Method) {
            const auto result = decodeMethodFrame(peek.frame.payload);
            const auto* error = std::get_if<DecodeError>(&result);
            EXPECT_EQ(error, nullptr) << (error != nullptr ? error->text : "");
        } else if (peek.frame.type == FrameType::Header) {
            const auto result = decodeContentHeader(peek.frame.payload);
            const auto* error = std::get_if<DecodeError>(&result);
            EXPECT_EQ(error, nullptr) << (error != nullptr ? error->text : "");
        }
        rest = rest.subspan(peek.frameSize);
    }
}

TEST(AmqpSeedCorpus, EverySeedIsAHeaderOrValidFrames) {
    std::size_t seeds = 0;
    for (const auto& entry : std::filesystem::directory_iterator(SBX_AMQP_SEED_CORPUS)) {
        SCOPED_TRACE(entry.path().filename().string());
        const auto bytes = readFile(entry.path().string());
        std::span<const std::uint8_t> rest(bytes);
        const auto header = checkProtocolHeader(rest);
        EXPECT_NE(header, ProtocolHeaderStatus::Incomplete);
        if (header == ProtocolHeaderStatus::Amqp091 ||
            header == ProtocolHeaderStatus::OtherAmqpVersion) {
            rest = rest.subspan(kProtocolHeader.size());
        }
        expectValidFrames(rest);
        ++seeds;
    }
    EXPECT_GE(seeds, 10u);
}

}  // namespace
}  // namespace sbx::amqp::test
