// Frames written by a real client library, pika 1.2.0 (golden/*.bin): each decodes to the
// method or header it stands for, and encoding that gives back exactly pika's bytes.
#include "codec_test_support.h"

namespace sbx::amqp::test {
namespace {

void expectGoldenMethod(std::string_view file, std::uint16_t channel, const Method& expected) {
    SCOPED_TRACE(std::string(file));
    const auto bytes = readGolden(file);
    ASSERT_FALSE(bytes.empty());
    EXPECT_EQ(decodeMethodOk(bytes), expected);
    EXPECT_EQ(encodeMethod(expected, channel), bytes);
}

TEST(AmqpGoldenVectors, ConnectionStartOk) {
    FieldTable capabilities;
    capabilities.set("authentication_failure_close", true);
    capabilities.set("basic.nack", true);
    capabilities.set("connection.blocked", true);
    capabilities.set("consumer_cancel_notify", true);
    capabilities.set("publisher_confirms", true);
    ConnectionStartOk startOk;
    startOk.clientProperties.set("product", std::string("Pika Python Client Library"));
    startOk.clientProperties.set("platform", std::string("Python 3.11.2"));
    startOk.clientProperties.set("capabilities", capabilities);
    startOk.clientProperties.set("information", std::string("See http://pika.rtfd.org"));
    startOk.clientProperties.set("version", std::string("1.2.0"));
    startOk.mechanism = "PLAIN";
    startOk.response = std::string("\0guest\0guest", 12);
    startOk.locale = "en_US";
    expectGoldenMethod("connection_start_ok", 0, startOk);
}

TEST(AmqpGoldenVectors, ConnectionTuneOk) {
    expectGoldenMethod("connection_tune_ok", 0,
                       ConnectionTuneOk{.channelMax = 2047, .frameMax = 131072, .heartbeat = 60});
}

TEST(AmqpGoldenVectors, QueueDeclareWithArguments) {
    QueueDeclare declare;
    declare.queue = "orders";
    declare.durable = true;
    declare.arguments.set("x-max-length", std::int32_t{10});
    declare.arguments.set("x-message-ttl", std::int32_t{60000});
    declare.arguments.set("x-dead-letter-exchange", std::string("dlx"));
    declare.arguments.set("x-queue-type", std::string("quorum"));
    declare.arguments.set("x-single-active-consumer", false);
    expectGoldenMethod("queue_declare_arguments", 1, declare);
}

TEST(AmqpGoldenVectors, BasicPublish) {
    BasicPublish publish;
    publish.exchange = "amq.topic";
    publish.routingKey = "sensors.kitchen.temp";
    publish.mandatory = true;
    expectGoldenMethod("basic_publish", 1, publish);
}

TEST(AmqpGoldenVectors, BasicDeliver) {
    expectGoldenMethod("basic_deliver", 1,
                       BasicDeliver{.consumerTag = "ctag1.0123456789abcdef",
                                    .deliveryTag = 42,
                                    .redelivered = true,
                                    .exchange = "amq.topic",
                                    .routingKey = "sensors.kitchen.temp"});
}

TEST(AmqpGoldenVectors, ContentHeaderWithHeadersTable) {
    FieldTable deep;
    deep.set("deep", std::string("yes"));
    FieldTable meta;
    meta.set("source", std::string("pika"));
    BasicProperties properties;
    properties.contentType = "application/json";
    properties.contentEncoding = "utf-8";
    properties.headers.emplace();
    auto& headers = *properties.headers;
    headers.set("trace", std::string("abc-123"));
    headers.set("attempt", std::int32_t{3});
    headers.set("ok", true);
    headers.set("nothing", Void{});
    headers.set("raw", ByteArray{std::string("\x00\x01\xff", 3)});
    headers.set("price", Decimal{2, 1234});
    headers.set("at", Timestamp{1714564800});  // 2024-05-01 12:00:00 UTC
    headers.set("route", FieldArray{std::string("a"), std::int32_t{7}, deep});
    headers.set("meta", meta);
    properties.deliveryMode = 2;
    properties.priority = 5;
    properties.correlationId = "corr-1";
    properties.replyTo = "amq.rabbitmq.reply-to";
    properties.expiration = "60000";
    properties.messageId = "msg-1";
    properties.timestamp = 1714564800;
    properties.type = "order.created";
    properties.userId = "guest";
    properties.appId = "signalbox-tests";

    const auto bytes = readGolden("content_header_headers");
    const auto peek = peekFrame(bytes, kDefaultFrameMax);
    ASSERT_EQ(peek.status, FrameStatus::Complete);
    EXPECT_EQ(peek.frame.type, FrameType::Header);
    EXPECT_EQ(peek.frame.channel, 1);
    const auto decoded = decodeContentHeader(peek.frame.payload);
    ASSERT_TRUE(std::holds_alternative<ContentHeader>(decoded));
    EXPECT_EQ(std::get<ContentHeader>(decoded),
              (ContentHeader{.classId = kBasicClass, .bodySize = 11, .properties = properties}));
    EXPECT_EQ(propertyFlags(properties), 0xFFF8);

    Bytes encoded;
    encodeContentHeaderFrame(1, 11, properties, encoded);
    EXPECT_EQ(encoded, bytes);
}

}  // namespace
}  // namespace sbx::amqp::test
