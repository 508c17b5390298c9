#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "sbx/bench/benchmark_report.h"

namespace sbx::bench {
namespace {

MqttBenchmarkReport sampleReport() {
    MqttBenchmarkReport report;
    report.options.port = 18830;
    report.options.qos = 1;
    report.options.publishers = 4;
    report.options.subscribers = 4;
    report.threads = 2;
    report.inflightUsed = 20;
    report.measuredSeconds = 5;
    report.published = {500000, 100000, 10};
    report.received = {499000, 99800, 9.98};
    report.latency = {499000, 100000, 1500000, 3000000, 4250000, 9000000, 12000000, 1700000};
    report.publishedTotal = 600000;
    report.expectedDeliveries = 600000;
    report.deliveries = 599990;
    report.lost = 10;
    report.duplicates = 2;
    report.errors = {"publisher 3: the broker closed the connection"};
    return report;
}

TEST(ReportRender, JsonCarriesEveryFigure) {
    const auto json = nlohmann::json::parse(renderJson(sampleReport()));
    EXPECT_EQ(json["options"]["port"], 18830);
    EXPECT_EQ(json["options"]["mqttVersion"], "5");
    EXPECT_EQ(json["options"]["topics"], "per-publisher");
    EXPECT_EQ(json["inflightUsed"], 20);
    EXPECT_EQ(json["published"]["messages"], 500000);
    EXPECT_DOUBLE_EQ(json["received"]["messagesPerSecond"].get<double>(), 99800);
    EXPECT_DOUBLE_EQ(json["latencyMs"]["p50"].get<double>(), 1.5);
    EXPECT_DOUBLE_EQ(json["latencyMs"]["p95"].get<double>(), 3.0);
    EXPECT_DOUBLE_EQ(json["latencyMs"]["p99"].get<double>(), 4.25);
    EXPECT_DOUBLE_EQ(json["latencyMs"]["p999"].get<double>(), 9.0);
    EXPECT_DOUBLE_EQ(json["latencyMs"]["max"].get<double>(), 12.0);
    EXPECT_EQ(json["lost"], 10);
    EXPECT_EQ(json["duplicates"], 2);
    EXPECT_EQ(json["errors"].size(), 1U);
}

TEST(ReportRender, TextShowsRatesPercentilesLossAndErrors) {
    const auto text = renderText(sampleReport());
    for (const auto* expected :
         {"127.0.0.1:18830", "MQTT 5", "QoS 1", "4 publisher(s) -> 4 subscriber(s)", "100000 msg/s",
          "p99 4.250 ms", "p99.9 9.000 ms", "lost 10", "duplicates 2", "in-flight window 20",
          "error      publisher 3"}) {
        EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
    }
}

}  // namespace
}  // namespace sbx::bench
