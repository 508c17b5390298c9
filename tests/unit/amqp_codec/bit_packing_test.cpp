// Consecutive bit fields share one octet, first bit in the lowest position (§4.2.5.2);
// any other field type closes the octet.
#include "codec_test_support.h"

namespace sbx::amqp::test {
namespace {

Bytes argumentsOf(const Method& method) {
    const auto bytes = encodeMethod(method);
    // Frame header (7), class and method id (4) before; frame end (1) after.
    return Bytes(bytes.begin() + 11, bytes.end() - 1);
}

TEST(AmqpBitPacking, QueueDeclareFlagsShareOneOctet) {
    QueueDeclare declare;
    declare.queue = "q";
    declare.durable = true;
    declare.autoDelete = true;
    EXPECT_EQ(argumentsOf(declare), cat({u16(0), shortStr("q"), u8(0x0A), u32(0)}));
    declare = QueueDeclare{};
    declare.passive = declare.exclusive = declare.noWait = true;
    EXPECT_EQ(argumentsOf(declare), cat({u16(0), shortStr(""), u8(0x15), u32(0)}));
}

TEST(AmqpBitPacking, ExchangeDeclareUsesFiveBitsOfOneOctet) {
    ExchangeDeclare declare;
    declare.passive = declare.durable = declare.autoDelete = declare.internal = declare.noWait =
        true;
    EXPECT_EQ(argumentsOf(declare), cat({u16(0), shortStr(""), shortStr(""), u8(0x1F), u32(0)}));
}

TEST(AmqpBitPacking, PublishMandatoryAndImmediate) {
    BasicPublish publish;
    publish.mandatory = true;
    EXPECT_EQ(argumentsOf(publish), cat({u16(0), shortStr(""), shortStr(""), u8(0x01)}));
    publish.mandatory = false;
    publish.immediate = true;
    EXPECT_EQ(argumentsOf(publish), cat({u16(0), shortStr(""), shortStr(""), u8(0x02)}));
}

TEST(AmqpBitPacking, NackMultipleAndRequeue) {
    EXPECT_EQ(argumentsOf(BasicNack{.deliveryTag = 5, .multiple = false, .requeue = true}),
              cat({u64(5), u8(0x02)}));
    EXPECT_EQ(argumentsOf(BasicNack{.deliveryTag = 5, .multiple = true, .requeue = false}),
              cat({u64(5), u8(0x01)}));
}

TEST(AmqpBitPacking, ABitBetweenOtherFieldsTakesItsOwnOctet) {
    EXPECT_EQ(argumentsOf(BasicDeliver{.consumerTag = "c",
                                       .deliveryTag = 1,
                                       .redelivered = true,
                                       .exchange = "e",
                                       .routingKey = "k"}),
              cat({shortStr("c"), u64(1), u8(0x01), shortStr("e"), shortStr("k")}));
}

TEST(AmqpBitPacking, MethodsWithoutArgumentsHaveNone) {
    EXPECT_TRUE(argumentsOf(TxCommit{}).empty());
    EXPECT_TRUE(argumentsOf(BasicQosOk{}).empty());
}

TEST(AmqpBitPacking, UnusedBitsAreIgnoredOnDecode) {
    // RabbitMQ ignores the bits a method does not define.
    const auto result = decodeMethod(60, 40, cat({u16(0), shortStr("e"), shortStr("k"), u8(0xFD)}));
    const auto& publish = std::get<BasicPublish>(std::get<Method>(result));
    EXPECT_TRUE(publish.mandatory);
    EXPECT_FALSE(publish.immediate);
}

}  // namespace
}  // namespace sbx::amqp::test
