// Every way decodeMethod / decodeMethodFrame refuses arguments, with the reply code
// RabbitMQ closes the connection with.
#include "codec_test_support.h"

namespace sbx::amqp::test {
namespace {

Bytes argumentsOf(const Method& method) {
    const auto bytes = encodeMethod(method);
    return Bytes(bytes.begin() + 11, bytes.end() - 1);
}

TEST(AmqpMethodErrors, EveryTruncationOfEveryMethodIsAFrameError) {
    for (const auto& method : everyMethodSample()) {
        SCOPED_TRACE(std::string(nameOf(method)));
        const auto arguments = argumentsOf(method);
        for (std::size_t size = 0; size < arguments.size(); ++size) {
            expectMethodRefused(
                classIdOf(method), methodIdOf(method),
                Bytes(arguments.begin(), arguments.begin() + static_cast<std::ptrdiff_t>(size)),
                ReplyCode::FrameError);
        }
    }
}

TEST(AmqpMethodErrors, BytesAfterTheLastArgumentAreAFrameError) {
    for (const auto& method : everyMethodSample()) {
        SCOPED_TRACE(std::string(nameOf(method)));
        expectMethodRefused(classIdOf(method), methodIdOf(method),
                            cat({argumentsOf(method), u8(0)}), ReplyCode::FrameError);
    }
}

TEST(AmqpMethodErrors, TruncationTextNamesTheMethod) {
    const auto result = decodeMethod(60, 40, u16(0));
    EXPECT_NE(std::get<DecodeError>(result).text.find("basic.publish"), std::string::npos);
}

TEST(AmqpMethodErrors, UnknownClassOrMethodIsNotImplemented) {
    expectMethodRefused(30, 10, {}, ReplyCode::NotImplemented);  // access.request
    expectMethodRefused(60, 41, {}, ReplyCode::NotImplemented);  // between publish and return
    expectMethodRefused(99, 10, {}, ReplyCode::NotImplemented);  // no such class
    expectMethodRefused(0, 0, {}, ReplyCode::NotImplemented);
    expectMethodRefused(0xFFFF, 0xFFFF, {}, ReplyCode::NotImplemented);
    expectMethodRefused(40, 41, {}, ReplyCode::NotImplemented);  // unbind-ok is 51, not 41
}

TEST(AmqpMethodErrors, PayloadWithoutIdsIsAFrameError) {
    for (const Bytes& payload : {Bytes{}, Bytes{0}, Bytes{0, 10}, Bytes{0, 10, 0}}) {
        const auto result = decodeMethodFrame(payload);
        ASSERT_TRUE(std::holds_alternative<DecodeError>(result));
        EXPECT_EQ(std::get<DecodeError>(result).replyCode, ReplyCode::FrameError);
    }
}

TEST(AmqpMethodErrors, FrameIdsSelectTheMethod) {
    const auto result = decodeMethodFrame(cat({u16(90), u16(20)}));
    ASSERT_TRUE(std::holds_alternative<Method>(result));
    EXPECT_TRUE(std::holds_alternative<TxCommit>(std::get<Method>(result)));
}

TEST(AmqpMethodErrors, BadArgumentsTableIsASyntaxError) {
    const Bytes badTable = cat({u32(3), shortStr("a"), u8('Q')});
    expectMethodRefused(50, 10, cat({u16(0), shortStr("q"), u8(0), badTable}),
                        ReplyCode::SyntaxError);
    expectMethodRefused(10, 11, cat({badTable, shortStr("PLAIN"), longStr("x"), shortStr("en_US")}),
                        ReplyCode::SyntaxError);
}

TEST(AmqpMethodErrors, ArgumentsTableLargerThanThePayloadIsAFrameError) {
    expectMethodRefused(50, 10, cat({u16(0), shortStr("q"), u8(0), u32(1000)}),
                        ReplyCode::FrameError);
}

TEST(AmqpMethodErrors, LongStringLargerThanThePayloadIsAFrameError) {
    expectMethodRefused(10, 20, u32(0xFFFFFFFF), ReplyCode::FrameError);
}

}  // namespace
}  // namespace sbx::amqp::test
