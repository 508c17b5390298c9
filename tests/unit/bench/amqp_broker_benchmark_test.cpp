// Whole AMQP benchmark runs against `sbx broker --amqp-port 0`, one per queue layout the
// comparison with RabbitMQ uses (tests/bench/run_amqp_comparison.sh runs the same
// client against RabbitMQ itself).
#include <gtest/gtest.h>

#include "broker_child.h"
#include "free_port.h"
#include "sbx/bench/amqp_benchmark.h"

namespace sbx::bench {
namespace {

AmqpBenchmarkOptions shortRun(std::uint16_t port) {
    AmqpBenchmarkOptions options;
    options.port = port;
    options.durationSeconds = 1;
    options.warmupSeconds = 0.2;
    options.threads = 2;
    return options;
}

void expectEverythingArrived(const AmqpBenchmarkReport& report) {
    EXPECT_TRUE(report.errors.empty()) << report.errors.front();
    EXPECT_GT(report.sentTotal, 0U);
    EXPECT_EQ(report.expectedDeliveries, report.sentTotal * deliveriesPerMessage(report.options));
    EXPECT_EQ(report.deliveries, report.expectedDeliveries);
    EXPECT_EQ(report.lost, 0U);
    EXPECT_EQ(report.duplicates, 0U);
    EXPECT_TRUE(report.drained);
    EXPECT_GT(report.received.messages, 0U);
    EXPECT_EQ(report.latency.samples, report.sent.messages * deliveriesPerMessage(report.options))
        << "one latency sample per delivery of a message sent in the window";
    EXPECT_LE(report.latency.p50Ns, report.latency.p99Ns);
    EXPECT_LE(report.latency.p99Ns, report.latency.maxNs);
}

class AmqpBrokerBenchmark : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_NE(broker.port, 0) << "sbx broker did not start"; }
    test::SbxAmqpBroker broker{SBX_CLI_PATH};
};

TEST_F(AmqpBrokerBenchmark, PersistentWithConfirmsLosesNothingAndConfirmsEverything) {
    auto options = shortRun(broker.port);
    options.persistent = true;
    options.confirms = 50;
    options.prefetch = 100;
    auto report = AmqpBenchmark(options).run();
    ASSERT_TRUE(report) << report.error().message;
    expectEverythingArrived(*report);
    EXPECT_EQ(report->confirmedTotal, report->sentTotal);
    EXPECT_EQ(report->nacked, 0U);
    EXPECT_GT(report->confirmed.messages, 0U);
}

TEST_F(AmqpBrokerBenchmark, FanoutGivesEveryConsumerItsOwnCopy) {
    auto options = shortRun(broker.port);
    options.exchangeType = AmqpExchangeType::Fanout;
    options.consumers = 3;
    options.autoAck = true;
    options.ratePerProducer = 2000;
    auto report = AmqpBenchmark(options).run();
    ASSERT_TRUE(report) << report.error().message;
    expectEverythingArrived(*report);
    // Every message reached all three consumers (in-window counts may differ by the few
    // messages sent just before the window closed and delivered just after it).
    EXPECT_EQ(report->deliveries, 3 * report->sentTotal);
    // Rate-limited: about 2000 msg/s over 1.2 s, never far beyond.
    EXPECT_GT(report->sentTotal, 1800U);
    EXPECT_LT(report->sentTotal, 2800U);
}

TEST_F(AmqpBrokerBenchmark, StreamConsumersEachReadEveryMessage) {
    auto options = shortRun(broker.port);
    options.consumers = 2;
    options.prefetch = 200;
    options.queueArguments = {{"x-queue-type", "stream"}};
    options.consumerArguments = {{"x-stream-offset", "next"}};
    options.ratePerProducer = 5000;
    auto report = AmqpBenchmark(options).run();
    ASSERT_TRUE(report) << report.error().message;
    expectEverythingArrived(*report);
}

TEST_F(AmqpBrokerBenchmark, ARefusedDeclarationFailsTheRunWithTheBrokersReason) {
    auto options = shortRun(broker.port);
    options.queueArguments = {{"x-queue-type", "nonsense"}};
    auto report = AmqpBenchmark(options).run();
    ASSERT_FALSE(report);
    EXPECT_NE(report.error().message.find("PRECONDITION_FAILED"), std::string::npos)
        << report.error().message;
}

TEST(AmqpBenchmarkRun, ClosedPortFailsWithConnectionRefused) {
    AmqpBenchmarkOptions options;
    options.port = test::freeLocalPort();
    auto report = AmqpBenchmark(options).run();
    ASSERT_FALSE(report);
    EXPECT_EQ(report.error().message, "cannot connect to 127.0.0.1:" +
                                          std::to_string(options.port) + ": connection refused");
}

}  // namespace
}  // namespace sbx::bench
