// Whole benchmark runs against real brokers: ours (`sbx broker`) and Debian's mosquitto,
// so the client is proven against a broker it was not written alongside.
#include <gtest/gtest.h>

#include <fstream>

#include "broker_child.h"
#include "free_port.h"
#include "sbx/bench/mqtt_benchmark.h"
#include "temp_dir.h"

namespace sbx::bench {
namespace {

// A mosquitto on a free loopback port, anonymous, configured in a temp dir. Its
// default drops QoS 1/2 messages beyond 1,000 queued for one subscriber (a documented
// policy, not a fault); 10,000 is `sbx broker`'s default, so a flat-out run on a busy
// machine tests the client, not the queue limit.
class Mosquitto {
public:
    Mosquitto() : port_(test::freeLocalPort()) {
        const auto config = dir_ / "mosquitto.conf";
        std::ofstream(config) << "listener " << port_ << " 127.0.0.1\n"
                              << "allow_anonymous true\n"
                              << "max_queued_messages 10000\n";
        process_ = std::make_unique<test::ChildProcess>(
            std::vector<std::string>{SBX_MOSQUITTO_PATH, "-c", config.string()});
        ready_ = test::waitForListener(port_, std::chrono::seconds(10));
    }
    [[nodiscard]] std::uint16_t port() const { return ready_ ? port_ : 0; }

private:
    test::TempDir dir_;
    std::uint16_t port_;
    std::unique_ptr<test::ChildProcess> process_;
    bool ready_ = false;
};

MqttBenchmarkOptions qos1TwoByTwo(std::uint16_t port) {
    MqttBenchmarkOptions options;
    options.port = port;
    options.qos = 1;
    options.publishers = 2;
    options.subscribers = 2;
    options.durationSeconds = 2;
    options.warmupSeconds = 0.5;
    options.threads = 2;
    return options;
}

// Every message arrived exactly as often as the subscriptions say, and the latency
// figures are plausible: positive and ordered.
void expectCompleteDelivery(const MqttBenchmarkReport& report) {
    EXPECT_TRUE(report.errors.empty()) << renderText(report);
    EXPECT_GT(report.publishedTotal, 0U);
    EXPECT_GT(report.published.messages, 0U);
    EXPECT_GT(report.received.messages, 0U);
    EXPECT_GT(report.expectedDeliveries, 0U);
    EXPECT_EQ(report.deliveries, report.expectedDeliveries) << renderText(report);
    EXPECT_EQ(report.lost, 0U) << renderText(report);
    EXPECT_EQ(report.rejected, 0U);
    EXPECT_TRUE(report.drained);

    const auto& latency = report.latency;
    EXPECT_GT(latency.samples, 0U);
    EXPECT_GT(latency.minNs, 0U);
    EXPECT_LE(latency.minNs, latency.p50Ns);
    EXPECT_LE(latency.p50Ns, latency.p99Ns);
    EXPECT_LE(latency.p99Ns, latency.p999Ns);
    EXPECT_LE(latency.p999Ns, latency.maxNs);
}

TEST(BrokerBenchmark, QoS1TwoPublishersTwoSubscribersLoseNothingOnSbxBroker) {
    test::SbxBroker broker(SBX_CLI_PATH);
    ASSERT_NE(broker.port, 0) << "sbx broker did not report its port";
    auto report = MqttBenchmark(qos1TwoByTwo(broker.port)).run();
    ASSERT_TRUE(report) << report.error().describe();
    expectCompleteDelivery(*report);
    // Two publishers, two subscribers, one each: every message is delivered once.
    EXPECT_EQ(report->expectedDeliveries, report->publishedTotal);
    EXPECT_EQ(report->duplicates, 0U);
}

TEST(BrokerBenchmark, QoS1TwoPublishersTwoSubscribersLoseNothingOnMosquitto) {
    Mosquitto mosquitto;
    ASSERT_NE(mosquitto.port(), 0) << "mosquitto did not start";
    auto report = MqttBenchmark(qos1TwoByTwo(mosquitto.port())).run();
    ASSERT_TRUE(report) << report.error().describe();
    expectCompleteDelivery(*report);
    EXPECT_EQ(report->expectedDeliveries, report->publishedTotal);
    // mosquitto announces Receive Maximum 20 in its CONNACK; the window must follow it.
    EXPECT_LE(report->inflightUsed, 20);
}

MqttBenchmarkOptions qos2FanoutV311(std::uint16_t port) {
    MqttBenchmarkOptions options;
    options.port = port;
    options.version = mqtt::ProtocolVersion::V311;
    options.qos = 2;
    options.publishers = 1;
    options.subscribers = 3;
    options.topics = TopicMode::Fanout;
    options.payloadSize = 4096;
    // Paced: this checks the exactly-once flow, not how a broker sheds overload.
    options.ratePerPublisher = 2000;
    options.durationSeconds = 1;
    options.warmupSeconds = 0;
    return options;
}

TEST(BrokerBenchmark, QoS2FanOutOverMqtt311IsExactlyOnceOnSbxBroker) {
    test::SbxBroker broker(SBX_CLI_PATH);
    ASSERT_NE(broker.port, 0);
    auto report = MqttBenchmark(qos2FanoutV311(broker.port)).run();
    ASSERT_TRUE(report) << report.error().describe();
    expectCompleteDelivery(*report);
    EXPECT_EQ(report->expectedDeliveries, 3 * report->publishedTotal);
    EXPECT_EQ(report->duplicates, 0U);
}

TEST(BrokerBenchmark, QoS2FanOutOverMqtt311IsExactlyOnceOnMosquitto) {
    Mosquitto mosquitto;
    ASSERT_NE(mosquitto.port(), 0);
    auto report = MqttBenchmark(qos2FanoutV311(mosquitto.port())).run();
    ASSERT_TRUE(report) << report.error().describe();
    expectCompleteDelivery(*report);
    EXPECT_EQ(report->expectedDeliveries, 3 * report->publishedTotal);
    EXPECT_EQ(report->duplicates, 0U);
}

TEST(BrokerBenchmark, RateLimitedPublishersSendAboutTheirRate) {
    test::SbxBroker broker(SBX_CLI_PATH);
    ASSERT_NE(broker.port, 0);
    MqttBenchmarkOptions options;
    options.port = broker.port;
    options.publishers = 2;
    options.subscribers = 1;
    options.ratePerPublisher = 500;
    options.durationSeconds = 1;
    options.warmupSeconds = 0.2;
    auto report = MqttBenchmark(options).run();
    ASSERT_TRUE(report) << report.error().describe();
    expectCompleteDelivery(*report);
    // 2 x 500 msg/s; the schedule is absolute, so only the edges of the window blur it.
    EXPECT_NEAR(report->published.messagesPerSecond, 1000.0, 20.0);
}

TEST(BrokerBenchmark, ClosedPortFailsWithConnectionRefused) {
    MqttBenchmarkOptions options;
    options.port = test::freeLocalPort();
    auto report = MqttBenchmark(options).run();
    ASSERT_FALSE(report);
    EXPECT_EQ(report.error().message, "cannot connect to 127.0.0.1:" +
                                          std::to_string(options.port) + ": connection refused");
}

}  // namespace
}  // namespace sbx::bench
