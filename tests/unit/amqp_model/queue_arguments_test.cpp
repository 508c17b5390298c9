#include "sbx/broker/amqp/queue_arguments.h"

#include <gtest/gtest.h>

#include "model_test_support.h"
#include "sbx/broker/amqp/expiration.h"

namespace sbx::broker::amqp {
namespace {

using test::table;

constexpr std::string_view kResource = "queue 'q1' in vhost '/'";

std::string refusal(const FieldTable& arguments) {
    auto parsed = parseQueueArguments(arguments, kResource);
    if (parsed.ok()) {
        return "accepted";
    }
    EXPECT_EQ(parsed.error().code, ReplyCode::PreconditionFailed);
    return parsed.error().text;
}

TEST(QueueArguments, AcceptsEveryKnownArgumentInAnyIntegerWidth) {
    auto parsed =
        parseQueueArguments(table({{"x-message-ttl", FieldValue(std::int8_t{100})},
                                   {"x-expires", FieldValue(std::uint16_t{5000})},
                                   {"x-max-length", FieldValue(std::int64_t{10})},
                                   {"x-max-length-bytes", FieldValue(std::uint32_t{1000})},
                                   {"x-overflow", FieldValue(std::string("reject-publish"))},
                                   {"x-dead-letter-exchange", FieldValue(std::string("dlx"))},
                                   {"x-dead-letter-routing-key", FieldValue(std::string("dead"))},
                                   {"x-single-active-consumer", FieldValue(true)},
                                   {"x-max-priority", FieldValue(std::uint8_t{9})},
                                   {"x-queue-type", FieldValue(std::string("classic"))}}),
                            kResource);
    ASSERT_TRUE(parsed.ok()) << parsed.error().text;
    EXPECT_EQ(parsed->messageTtlMs, 100);
    EXPECT_EQ(parsed->expiresMs, 5000);
    EXPECT_EQ(parsed->maxLength, 10);
    EXPECT_EQ(parsed->maxLengthBytes, 1000);
    EXPECT_EQ(parsed->overflow, Overflow::RejectPublish);
    EXPECT_EQ(parsed->deadLetterExchange, "dlx");
    EXPECT_EQ(parsed->deadLetterRoutingKey, "dead");
    EXPECT_TRUE(parsed->singleActiveConsumer);
    EXPECT_EQ(parsed->maxPriority, 9);
    EXPECT_EQ(parsed->type, QueueType::Classic);
}

TEST(QueueArguments, RefusesWithRabbitMqTexts) {
    EXPECT_EQ(refusal(table({{"x-max-length", FieldValue(std::string("10"))}})),
              "PRECONDITION_FAILED - invalid arg 'x-max-length' for queue 'q1' in vhost '/': "
              "{unacceptable_type,longstr}");
    EXPECT_EQ(refusal(table({{"x-max-length", FieldValue(std::int32_t{-1})}})),
              "PRECONDITION_FAILED - invalid arg 'x-max-length' for queue 'q1' in vhost '/': "
              "{value_negative,-1}");
    EXPECT_EQ(refusal(table({{"x-max-length-bytes", FieldValue(1.5)}})),
              "PRECONDITION_FAILED - invalid arg 'x-max-length-bytes' for queue 'q1' in vhost "
              "'/': {unacceptable_type,double}");
    EXPECT_EQ(refusal(table({{"x-expires", FieldValue(std::int32_t{0})}})),
              "PRECONDITION_FAILED - invalid arg 'x-expires' for queue 'q1' in vhost '/': "
              "{value_zero,0}");
    EXPECT_EQ(refusal(table({{"x-message-ttl", FieldValue(std::int64_t{-5})}})),
              "PRECONDITION_FAILED - invalid arg 'x-message-ttl' for queue 'q1' in vhost '/': "
              "{value_negative,-5}");
    EXPECT_EQ(refusal(table({{"x-message-ttl", FieldValue(std::int64_t{4294967296})}})),
              "PRECONDITION_FAILED - invalid arg 'x-message-ttl' for queue 'q1' in vhost '/': "
              "{value_too_large,4294967296}");
    EXPECT_EQ(refusal(table({{"x-max-priority", FieldValue(std::int32_t{256})}})),
              "PRECONDITION_FAILED - invalid arg 'x-max-priority' for queue 'q1' in vhost '/': "
              "{max_value_exceeded,256}");
    EXPECT_EQ(refusal(table({{"x-overflow", FieldValue(std::string("drop-tail"))}})),
              "PRECONDITION_FAILED - invalid arg 'x-overflow' for queue 'q1' in vhost '/': "
              "invalid_overflow");
    EXPECT_EQ(refusal(table({{"x-dead-letter-routing-key", FieldValue(std::string("k"))}})),
              "PRECONDITION_FAILED - invalid arg 'x-dead-letter-routing-key' for queue 'q1' in "
              "vhost '/': routing_key_but_no_dlx_defined");
    EXPECT_EQ(refusal(table({{"x-dead-letter-exchange", FieldValue(std::int32_t{1})}})),
              "PRECONDITION_FAILED - invalid arg 'x-dead-letter-exchange' for queue 'q1' in "
              "vhost '/': {unacceptable_type,signedint}");
    EXPECT_EQ(refusal(table({{"x-single-active-consumer", FieldValue(std::string("true"))}})),
              "PRECONDITION_FAILED - invalid arg 'x-single-active-consumer' for queue 'q1' in "
              "vhost '/': {unacceptable_type,longstr}");
    EXPECT_EQ(refusal(table({{"x-queue-type", FieldValue(std::string("lake"))}})),
              "PRECONDITION_FAILED - invalid arg 'x-queue-type' for queue 'q1' in vhost '/': "
              "invalid_queue_type");
    EXPECT_EQ(refusal(table({{"x-max-age", FieldValue(std::string("7W"))}})),
              "PRECONDITION_FAILED - invalid arg 'x-max-age' for queue 'q1' in vhost '/': "
              "invalid_max_age");
}

TEST(QueueArguments, StreamMaxSegmentSizeBytesMustBeANonNegativeInteger) {
    EXPECT_EQ(refusal(table({{"x-queue-type", FieldValue(std::string("stream"))},
                             {"x-stream-max-segment-size-bytes", FieldValue(std::int32_t{-1})}})),
              "PRECONDITION_FAILED - invalid arg 'x-stream-max-segment-size-bytes' for queue "
              "'q1' in vhost '/': {value_negative,-1}");
    EXPECT_EQ(refusal(table({{"x-queue-type", FieldValue(std::string("stream"))},
                             {"x-stream-max-segment-size-bytes", FieldValue(std::string("1MB"))}})),
              "PRECONDITION_FAILED - invalid arg 'x-stream-max-segment-size-bytes' for queue "
              "'q1' in vhost '/': {unacceptable_type,longstr}");
    EXPECT_EQ(
        refusal(table({{"x-queue-type", FieldValue(std::string("stream"))},
                       {"x-stream-max-segment-size-bytes", FieldValue(std::int64_t{500000})}})),
        "accepted");
}

TEST(QueueArguments, FirstFailureInRabbitMqOrderIsReported) {
    // x-expires is checked before x-max-length whatever the table order.
    EXPECT_EQ(refusal(table({{"x-max-length", FieldValue(std::int32_t{-1})},
                             {"x-expires", FieldValue(std::int32_t{0})}})),
              "PRECONDITION_FAILED - invalid arg 'x-expires' for queue 'q1' in vhost '/': "
              "{value_zero,0}");
}

TEST(QueueArguments, UnknownArgumentsAreKeptButIgnored) {
    EXPECT_EQ(refusal(table({{"x-custom", FieldValue(std::string("anything"))}})), "accepted");
}

TEST(MaxAge, ParsesRabbitMqUnits) {
    EXPECT_EQ(parseMaxAgeMs("30s"), 30'000);
    EXPECT_EQ(parseMaxAgeMs("5m"), 300'000);
    EXPECT_EQ(parseMaxAgeMs("1h"), 3'600'000);
    EXPECT_EQ(parseMaxAgeMs("7D"), 7 * 86'400'000LL);
    EXPECT_EQ(parseMaxAgeMs("2M"), 2 * 30 * 86'400'000LL);
    EXPECT_EQ(parseMaxAgeMs("1Y"), 365 * 86'400'000LL);
    for (const char* bad : {"", "s", "0s", "-1s", "10", "10x", "1hh", "1.5h", "7d"}) {
        EXPECT_EQ(parseMaxAgeMs(bad), std::nullopt) << bad;
    }
}

TEST(Expiration, ParsesMillisecondsLikeRabbitMq) {
    BasicProperties p;
    EXPECT_EQ(*parseExpiration(p), std::nullopt);
    p.expiration = "60000";
    EXPECT_EQ(*parseExpiration(p), 60000);
    p.expiration = "0";
    EXPECT_EQ(*parseExpiration(p), 0);
    const std::pair<const char*, const char*> bad[] = {
        {"abc", "PRECONDITION_FAILED - invalid expiration 'abc': no_integer"},
        {"10s", "PRECONDITION_FAILED - invalid expiration '10s': {leftover_string,\"s\"}"},
        {"-1", "PRECONDITION_FAILED - invalid expiration '-1': {value_negative,-1}"},
        {"4294967296",
         "PRECONDITION_FAILED - invalid expiration '4294967296': {value_too_large,4294967296}"},
    };
    for (const auto& [text, reply] : bad) {
        p.expiration = text;
        auto parsed = parseExpiration(p);
        ASSERT_FALSE(parsed.ok()) << text;
        EXPECT_EQ(parsed.error().text, reply);
    }
}

}  // namespace
}  // namespace sbx::broker::amqp
