// Every way decodeContentHeader refuses a payload, with the reply code.
#include "codec_test_support.h"

namespace sbx::amqp::test {
namespace {

void expectRefused(const Bytes& payload, ReplyCode code) {
    const auto result = decodeContentHeader(payload);
    const auto* error = std::get_if<DecodeError>(&result);
    ASSERT_NE(error, nullptr);
    EXPECT_EQ(error->replyCode, code) << error->text;
    EXPECT_FALSE(error->text.empty());
}

const Bytes kFixed = cat({u16(60), u16(0), u64(3)});

TEST(AmqpContentHeaderErrors, ShorterThanTheFixedFieldsIsAFrameError) {
    for (std::size_t size = 0; size < kFixed.size(); ++size) {
        expectRefused(Bytes(kFixed.begin(), kFixed.begin() + static_cast<std::ptrdiff_t>(size)),
                      ReplyCode::FrameError);
    }
}

TEST(AmqpContentHeaderErrors, MissingFlagWordIsAFrameError) {
    expectRefused(kFixed, ReplyCode::FrameError);
}

TEST(AmqpContentHeaderErrors, ClassWithoutContentIsAnUnexpectedFrame) {
    expectRefused(cat({u16(50), u16(0), u64(3), u16(0)}), ReplyCode::UnexpectedFrame);
}

TEST(AmqpContentHeaderErrors, NonZeroWeightIsASyntaxError) {
    expectRefused(cat({u16(60), u16(1), u64(3), u16(0)}), ReplyCode::SyntaxError);
}

TEST(AmqpContentHeaderErrors, UnusedFlagBitIsASyntaxError) {
    expectRefused(cat({kFixed, u16(0x0002)}), ReplyCode::SyntaxError);
}

TEST(AmqpContentHeaderErrors, FlagInAContinuationWordIsASyntaxError) {
    expectRefused(cat({kFixed, u16(0x0001), u16(0x8000)}), ReplyCode::SyntaxError);
}

TEST(AmqpContentHeaderErrors, MissingContinuationWordIsAFrameError) {
    expectRefused(cat({kFixed, u16(0x0001)}), ReplyCode::FrameError);
}

TEST(AmqpContentHeaderErrors, PropertyThatEndsEarlyIsAFrameError) {
    expectRefused(cat({kFixed, u16(0x8000), u8(5), u8('a')}), ReplyCode::FrameError);
    expectRefused(cat({kFixed, u16(0x0040), u32(1)}), ReplyCode::FrameError);  // timestamp
    expectRefused(cat({kFixed, u16(0x1000)}), ReplyCode::FrameError);          // delivery mode
}

TEST(AmqpContentHeaderErrors, BadHeadersTableKeepsItsCode) {
    expectRefused(cat({kFixed, u16(0x2000), u32(3), shortStr("a"), u8('?')}),
                  ReplyCode::SyntaxError);
    expectRefused(cat({kFixed, u16(0x2000), u32(10)}), ReplyCode::FrameError);
}

TEST(AmqpContentHeaderErrors, BytesAfterThePropertiesAreAFrameError) {
    expectRefused(cat({kFixed, u16(0), u8(0)}), ReplyCode::FrameError);
}

}  // namespace
}  // namespace sbx::amqp::test
