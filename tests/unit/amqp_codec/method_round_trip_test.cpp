// Every method encodes to one method frame that decodes to the same method, with the
// class and method ids the spec gives it.
#include <set>

#include "codec_test_support.h"

namespace sbx::amqp::test {
namespace {

TEST(AmqpMethodRoundTrip, SamplesCoverEveryMethod) {
    std::set<std::size_t> indices;
    for (const auto& method : everyMethodSample()) {
        indices.insert(method.index());
    }
    EXPECT_EQ(indices.size(), std::variant_size_v<Method>);
    EXPECT_EQ(everyMethodSample().size(), std::variant_size_v<Method>);
}

TEST(AmqpMethodRoundTrip, EveryMethodDecodesToItself) {
    for (const auto& method : everyMethodSample()) {
        SCOPED_TRACE(std::string(nameOf(method)));
        const auto bytes = encodeMethod(method, 7);
        EXPECT_EQ(decodeMethodOk(bytes), method);
        const auto peek = peekFrame(bytes, kDefaultFrameMax);
        EXPECT_EQ(peek.frame.channel, 7);
        // Class and method id lead the payload.
        EXPECT_EQ(cat({u16(classIdOf(method)), u16(methodIdOf(method))}),
                  Bytes(peek.frame.payload.begin(), peek.frame.payload.begin() + 4));
    }
}

TEST(AmqpMethodRoundTrip, DefaultConstructedMethodsRoundTrip) {
    for (std::size_t index = 0; index < std::variant_size_v<Method>; ++index) {
        const auto method = everyMethodSample()[index];
        const Method empty = std::visit(
            [](const auto& typed) { return Method{std::decay_t<decltype(typed)>{}}; }, method);
        SCOPED_TRACE(std::string(nameOf(empty)));
        EXPECT_EQ(decodeMethodOk(encodeMethod(empty)), empty);
    }
}

TEST(AmqpMethodRoundTrip, IdsAndNamesFollowTheSpec) {
    const struct {
        Method method;
        std::uint16_t classId;
        std::uint16_t methodId;
        std::string_view name;
    } cases[] = {
        {ConnectionStart{}, 10, 10, "connection.start"},
        {ConnectionUpdateSecretOk{}, 10, 71, "connection.update-secret-ok"},
        {ChannelClose{}, 20, 40, "channel.close"},
        {ExchangeUnbindOk{}, 40, 51, "exchange.unbind-ok"},
        {QueueUnbind{}, 50, 50, "queue.unbind"},
        {BasicPublish{}, 60, 40, "basic.publish"},
        {BasicRecoverAsync{}, 60, 100, "basic.recover-async"},
        {BasicNack{}, 60, 120, "basic.nack"},
        {ConfirmSelectOk{}, 85, 11, "confirm.select-ok"},
        {TxRollbackOk{}, 90, 31, "tx.rollback-ok"},
    };
    for (const auto& each : cases) {
        EXPECT_EQ(classIdOf(each.method), each.classId);
        EXPECT_EQ(methodIdOf(each.method), each.methodId);
        EXPECT_EQ(nameOf(each.method), each.name);
        EXPECT_EQ(methodName(each.classId, each.methodId), each.name);
    }
    EXPECT_EQ(methodName(30, 10), "unknown");  // access.request is not supported
}

TEST(AmqpMethodRoundTrip, OnlyContentMethodsCarryContent) {
    std::size_t withContent = 0;
    for (const auto& method : everyMethodSample()) {
        if (carriesContent(method)) {
            ++withContent;
            EXPECT_EQ(classIdOf(method), kBasicClass);
        }
    }
    EXPECT_EQ(withContent, 4u);
    EXPECT_TRUE(carriesContent(BasicPublish{}));
    EXPECT_TRUE(carriesContent(BasicGetOk{}));
    EXPECT_FALSE(carriesContent(BasicGet{}));
}

TEST(AmqpMethodRoundTrip, LongShortStringsAreCutTo255Bytes) {
    BasicPublish publish;
    publish.routingKey = std::string(300, 'k');
    const auto decoded = std::get<BasicPublish>(decodeMethodOk(encodeMethod(publish)));
    EXPECT_EQ(decoded.routingKey, std::string(255, 'k'));
}

TEST(AmqpMethodRoundTrip, LongStringsKeepBinaryBytes) {
    ConnectionStartOk startOk;
    startOk.response = std::string("\0guest\0\xff", 8);
    startOk.response += std::string(70'000, 'x');
    EXPECT_EQ(std::get<ConnectionStartOk>(decodeMethodOk(encodeMethod(startOk))).response,
              startOk.response);
}

TEST(AmqpMethodRoundTrip, EncodingAppendsToWhatIsInTheBuffer) {
    Bytes out{0xAA, 0xBB};
    encodeMethodFrame(0, ConnectionCloseOk{}, out);
    encodeMethodFrame(0, ConnectionCloseOk{}, out);
    const Bytes closeOk = frame(1, 0, cat({u16(10), u16(51)}));
    EXPECT_EQ(out, cat({Bytes{0xAA, 0xBB}, closeOk, closeOk}));
}

}  // namespace
}  // namespace sbx::amqp::test
