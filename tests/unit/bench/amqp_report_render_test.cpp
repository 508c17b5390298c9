#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "sbx/bench/amqp_benchmark_report.h"

namespace sbx::bench {
namespace {

AmqpBenchmarkReport sampleReport() {
    AmqpBenchmarkReport report;
    report.options.port = 5673;
    report.options.producers = 1;
    report.options.consumers = 4;
    report.options.prefetch = 500;
    report.options.confirms = 100;
    report.options.persistent = true;
    report.options.queueArguments = {{"x-queue-type", "stream"}};
    report.options.consumerArguments = {{"x-stream-offset", "next"}};
    report.threads = 2;
    report.measuredSeconds = 5;
    report.sent = {250000, 50000, 5};
    report.confirmed = {249000, 49800, 4.98};
    report.received = {996000, 199200, 19.92};
    report.latency = {996000, 100000, 1500000, 3000000, 4250000, 9000000, 12000000, 1700000};
    report.sentTotal = 300000;
    report.confirmedTotal = 300000;
    report.nacked = 7;
    report.expectedDeliveries = 1200000;
    report.deliveries = 1199990;
    report.lost = 10;
    report.drained = false;
    report.errors = {"consumer 2: the broker closed the connection"};
    return report;
}

TEST(AmqpReportRender, JsonCarriesEveryFigure) {
    const auto json = nlohmann::json::parse(renderJson(sampleReport()));
    EXPECT_EQ(json["options"]["port"], 5673);
    EXPECT_EQ(json["options"]["confirms"], 100);
    EXPECT_EQ(json["options"]["persistent"], true);
    EXPECT_EQ(json["options"]["exchangeType"], "direct");
    EXPECT_EQ(json["options"]["queueArguments"]["x-queue-type"], "stream");
    EXPECT_EQ(json["options"]["consumerArguments"]["x-stream-offset"], "next");
    EXPECT_DOUBLE_EQ(json["sent"]["messagesPerSecond"].get<double>(), 50000);
    EXPECT_DOUBLE_EQ(json["confirmed"]["messagesPerSecond"].get<double>(), 49800);
    EXPECT_EQ(json["received"]["messages"], 996000);
    EXPECT_DOUBLE_EQ(json["latencyMs"]["p95"].get<double>(), 3.0);
    EXPECT_DOUBLE_EQ(json["latencyMs"]["p99"].get<double>(), 4.25);
    EXPECT_EQ(json["nacked"], 7);
    EXPECT_EQ(json["lost"], 10);
    EXPECT_EQ(json["drained"], false);
    EXPECT_EQ(json["errors"].size(), 1U);
}

TEST(AmqpReportRender, TextShowsLoadRatesPercentilesAndProblems) {
    const auto text = renderText(sampleReport());
    for (const auto* expected :
         {"127.0.0.1:5673", "1 producer(s) -> 4 consumer(s) via amq.direct", "persistent",
          "confirms (100 outstanding)", "prefetch 500", "x-queue-type=stream",
          "x-stream-offset=next", "50000 msg/s", "confirmed", "199200 msg/s", "p95 3.000 ms",
          "p99 4.250 ms", "lost 10", "nacked by the broker 7", "not every message arrived",
          "error      consumer 2"}) {
        EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
    }
}

TEST(AmqpReportRender, TextLeavesOutConfirmsWhenThereAreNone) {
    AmqpBenchmarkReport report;
    const auto text = renderText(report);
    EXPECT_EQ(text.find("confirmed "), std::string::npos) << text;
    EXPECT_NE(text.find("no confirms"), std::string::npos) << text;
}

}  // namespace
}  // namespace sbx::bench
