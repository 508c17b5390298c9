// peekFrame on whole frames, every prefix of them, and every malformed header; the
// frame encoders, body splitting included.
#include "codec_test_support.h"

namespace sbx::amqp::test {
namespace {

Bytes sampleStream() {
    Bytes bytes;
    encodeMethodFrame(1,
                      BasicPublish{.reserved1 = 0,
                                   .exchange = "e",
                                   .routingKey = "k",
                                   .mandatory = false,
                                   .immediate = false},
                      bytes);
    encodeContentHeaderFrame(1, 5, {}, bytes);
    const Bytes body{'h', 'e', 'l', 'l', 'o'};
    encodeBodyFrames(1, body, kDefaultFrameMax, bytes);
    encodeHeartbeatFrame(bytes);
    return bytes;
}

TEST(AmqpFrame, StreamSplitsIntoItsFrames) {
    const auto bytes = sampleStream();
    std::span<const std::uint8_t> rest(bytes);
    std::vector<FrameType> types;
    while (!rest.empty()) {
        const auto peek = peekFrame(rest, kDefaultFrameMax);
        ASSERT_EQ(peek.status, FrameStatus::Complete);
        types.push_back(peek.frame.type);
        rest = rest.subspan(peek.frameSize);
    }
    EXPECT_EQ(types, (std::vector<FrameType>{FrameType::Method, FrameType::Header, FrameType::Body,
                                             FrameType::Heartbeat}));
}

TEST(AmqpFrame, EveryPrefixOfAFrameIsIncomplete) {
    const auto bytes = sampleStream();
    std::span<const std::uint8_t> rest(bytes);
    while (!rest.empty()) {
        const auto whole = peekFrame(rest, kDefaultFrameMax);
        ASSERT_EQ(whole.status, FrameStatus::Complete);
        for (std::size_t size = 0; size < whole.frameSize; ++size) {
            ASSERT_EQ(peekFrame(rest.first(size), kDefaultFrameMax).status, FrameStatus::Incomplete)
                << size;
        }
        rest = rest.subspan(whole.frameSize);
    }
}

TEST(AmqpFrame, BodyPayloadIsAViewIntoTheBuffer) {
    const Bytes bytes = frame(3, 9, {'a', 'b', 'c'});
    const auto peek = peekFrame(bytes, 0);
    ASSERT_EQ(peek.status, FrameStatus::Complete);
    EXPECT_EQ(peek.frame.channel, 9);
    EXPECT_EQ(peek.frame.payload.data(), bytes.data() + kFrameHeaderSize);
    EXPECT_EQ(peek.frame.payload.size(), 3u);
}

void expectMalformed(const Bytes& bytes, std::uint32_t maxFrameSize) {
    const auto peek = peekFrame(bytes, maxFrameSize);
    EXPECT_EQ(peek.status, FrameStatus::Malformed);
    EXPECT_EQ(peek.error.replyCode, ReplyCode::FrameError);
    EXPECT_FALSE(peek.error.text.empty());
}

TEST(AmqpFrame, WrongFrameEndIsAFrameError) {
    auto bytes = frame(1, 0, {0, 10, 0, 51});
    bytes.back() = 0xCD;
    expectMalformed(bytes, kDefaultFrameMax);
}

TEST(AmqpFrame, UnknownTypeIsRefusedAtTheFirstByte) {
    for (const std::uint8_t type : Bytes{0, 4, 5, 6, 7, 9, 'A', 0xFF}) {
        expectMalformed(Bytes{type}, kDefaultFrameMax);
    }
}

TEST(AmqpFrame, FrameLargerThanFrameMaxIsRefusedFromItsHeader) {
    // Payload 4089 + 8 = 4097 bytes against frame-max 4096; only the header is there.
    const Bytes header = cat({u8(3), u16(1), u32(4089)});
    expectMalformed(header, kFrameMinSize);
    // Exactly frame-max is fine.
    EXPECT_EQ(peekFrame(cat({u8(3), u16(1), u32(4088)}), kFrameMinSize).status,
              FrameStatus::Incomplete);
    // 0 means no limit.
    EXPECT_EQ(peekFrame(cat({u8(3), u16(1), u32(0xFFFFFFFF)}), 0).status, FrameStatus::Incomplete);
}

TEST(AmqpFrame, HeartbeatMustBeEmptyOnChannelZero) {
    expectMalformed(frame(8, 1, {}), kDefaultFrameMax);
    expectMalformed(frame(8, 0, {0}), kDefaultFrameMax);
    Bytes heartbeat;
    encodeHeartbeatFrame(heartbeat);
    EXPECT_EQ(heartbeat, (Bytes{8, 0, 0, 0, 0, 0, 0, 0xCE}));
    EXPECT_EQ(peekFrame(heartbeat, kDefaultFrameMax).status, FrameStatus::Complete);
}

TEST(AmqpFrame, EncodeFrameWrapsAPayload) {
    Bytes out;
    const Bytes payload{1, 2, 3};
    encodeFrame(FrameType::Body, 0x0102, payload, out);
    EXPECT_EQ(out, (Bytes{3, 1, 2, 0, 0, 0, 3, 1, 2, 3, 0xCE}));
}

std::vector<std::size_t> bodyFrameSizes(const Bytes& body, std::uint32_t frameMax, Bytes& joined) {
    Bytes out;
    encodeBodyFrames(4, body, frameMax, out);
    std::vector<std::size_t> sizes;
    std::span<const std::uint8_t> rest(out);
    // What the receiver enforces: frame-max, never below the spec's minimum.
    const std::uint32_t limit = frameMax == 0 ? 0 : std::max(frameMax, kFrameMinSize);
    while (!rest.empty()) {
        const auto peek = peekFrame(rest, limit);
        EXPECT_EQ(peek.status, FrameStatus::Complete);
        EXPECT_EQ(peek.frame.type, FrameType::Body);
        EXPECT_EQ(peek.frame.channel, 4);
        joined.insert(joined.end(), peek.frame.payload.begin(), peek.frame.payload.end());
        sizes.push_back(peek.frameSize);
        rest = rest.subspan(peek.frameSize);
    }
    return sizes;
}

TEST(AmqpFrame, BodyIsSplitIntoFramesOfAtMostFrameMax) {
    Bytes body(10'000);
    for (std::size_t index = 0; index < body.size(); ++index) {
        body[index] = static_cast<std::uint8_t>(index * 7);
    }
    Bytes joined;
    EXPECT_EQ(bodyFrameSizes(body, 4096, joined), (std::vector<std::size_t>{4096, 4096, 1832}));
    EXPECT_EQ(joined, body);
}

TEST(AmqpFrame, BodyThatFillsFramesExactlyHasNoEmptyTail) {
    const Bytes body(2 * (4096 - 8), 'x');
    Bytes joined;
    EXPECT_EQ(bodyFrameSizes(body, 4096, joined), (std::vector<std::size_t>{4096, 4096}));
    EXPECT_EQ(joined, body);
}

TEST(AmqpFrame, BodySplittingEdgeCases) {
    Bytes joined;
    EXPECT_TRUE(bodyFrameSizes({}, 4096, joined).empty());  // no body frames at all
    const Bytes body(5000, 'y');
    // frame-max below the spec's minimum is raised to it; 0 is one frame.
    EXPECT_EQ(bodyFrameSizes(body, 100, joined).size(), 2u);
    EXPECT_EQ(bodyFrameSizes(body, 0, joined), (std::vector<std::size_t>{5008}));
}

}  // namespace
}  // namespace sbx::amqp::test
