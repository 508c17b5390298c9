#include "sbx/bench/amqp_benchmark_options.h"

#include <gtest/gtest.h>

#include <functional>

namespace sbx::bench {
namespace {

using Arguments = std::vector<AmqpArgument>;

AmqpBenchmarkOptions streamLoad() {
    AmqpBenchmarkOptions options;
    options.consumers = 4;
    options.prefetch = 100;
    options.queueArguments = {{"x-queue-type", "stream"}};
    return options;
}

TEST(AmqpBenchmarkOptions, DefaultsAreValid) {
    EXPECT_TRUE(validate(AmqpBenchmarkOptions{}));
    EXPECT_TRUE(validate(streamLoad()));
}

TEST(AmqpBenchmarkOptions, EachImpossibleSettingIsRefusedWithItsReason) {
    const std::vector<std::pair<std::function<void(AmqpBenchmarkOptions&)>, std::string>> cases = {
        {[](auto& o) { o.host.clear(); }, "host"},
        {[](auto& o) { o.port = 0; }, "port"},
        {[](auto& o) { o.user.clear(); }, "user"},
        {[](auto& o) { o.producers = 0; }, "producer"},
        {[](auto& o) { o.consumers = 0; }, "consumer"},
        {[](auto& o) { o.payloadSize = 15; }, "16 bytes"},
        {[](auto& o) { o.ratePerProducer = -1; }, "rate"},
        {[](auto& o) { o.durationSeconds = 0; }, "duration"},
        {[](auto& o) { o.warmupSeconds = -1; }, "warm-up"},
        {[](auto& o) { o.drainSeconds = -1; }, "drain"},
    };
    for (const auto& [breakIt, reason] : cases) {
        AmqpBenchmarkOptions options;
        breakIt(options);
        const auto status = validate(options);
        ASSERT_FALSE(status) << reason;
        EXPECT_EQ(status.error().code, ErrorCode::InvalidArgument);
        EXPECT_NE(status.error().message.find(reason), std::string::npos) << status.error().message;
    }
}

TEST(AmqpBenchmarkOptions, StreamsNeedAPrefetchAndManualAcks) {
    auto noPrefetch = streamLoad();
    noPrefetch.prefetch = 0;
    ASSERT_FALSE(validate(noPrefetch));
    EXPECT_NE(validate(noPrefetch).error().message.find("prefetch"), std::string::npos);

    auto autoAck = streamLoad();
    autoAck.autoAck = true;
    ASSERT_FALSE(validate(autoAck));
    EXPECT_NE(validate(autoAck).error().message.find("manual acknowledgement"), std::string::npos);

    AmqpBenchmarkOptions classic;  // a classic queue takes both
    classic.autoAck = true;
    EXPECT_TRUE(validate(classic));
}

TEST(AmqpBenchmarkOptions, ArgumentsParseAsNameValuePairs) {
    EXPECT_EQ(*parseAmqpArguments(""), Arguments{});
    EXPECT_EQ(*parseAmqpArguments("x-queue-type=stream"), (Arguments{{"x-queue-type", "stream"}}));
    EXPECT_EQ(
        *parseAmqpArguments("x-max-length=10,x-overflow=reject-publish,x-note="),
        (Arguments{{"x-max-length", "10"}, {"x-overflow", "reject-publish"}, {"x-note", ""}}));
    EXPECT_EQ(*parseAmqpArguments("a=b=c"), (Arguments{{"a", "b=c"}}));
    for (const auto* bad : {"x-queue-type", "=stream", "a=1,,b=2", "a=1,"}) {
        const auto parsed = parseAmqpArguments(bad);
        EXPECT_FALSE(parsed) << bad;
    }
}

TEST(AmqpBenchmarkOptions, ExchangeTypesRoundTrip) {
    for (const auto type :
         {AmqpExchangeType::Direct, AmqpExchangeType::Fanout, AmqpExchangeType::Topic}) {
        EXPECT_EQ(*parseExchangeType(exchangeTypeName(type)), type);
    }
    EXPECT_FALSE(parseExchangeType("headers"));
}

TEST(AmqpBenchmarkOptions, DeliveriesPerMessageFollowTheQueueLayout) {
    AmqpBenchmarkOptions shared;
    shared.consumers = 3;
    EXPECT_FALSE(queuePerConsumer(shared));
    EXPECT_EQ(deliveriesPerMessage(shared), 1U) << "consumers of one queue compete";

    auto fanout = shared;
    fanout.exchangeType = AmqpExchangeType::Fanout;
    EXPECT_TRUE(queuePerConsumer(fanout));
    EXPECT_EQ(deliveriesPerMessage(fanout), 3U);

    auto stream = streamLoad();
    EXPECT_TRUE(usesStreams(stream));
    EXPECT_FALSE(queuePerConsumer(stream));
    EXPECT_EQ(deliveriesPerMessage(stream), 4U) << "every stream consumer reads every message";
}

}  // namespace
}  // namespace sbx::bench
