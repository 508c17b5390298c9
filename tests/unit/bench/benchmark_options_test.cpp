#include "sbx/bench/benchmark_options.h"

#include <gtest/gtest.h>

#include <functional>

namespace sbx::bench {
namespace {

TEST(BenchmarkOptions, DefaultsAreValid) {
    EXPECT_TRUE(validate(MqttBenchmarkOptions{}));
}

TEST(BenchmarkOptions, EachImpossibleSettingIsRefusedWithItsReason) {
    const std::vector<std::pair<std::function<void(MqttBenchmarkOptions&)>, std::string>> cases = {
        {[](auto& o) { o.host.clear(); }, "host"},
        {[](auto& o) { o.port = 0; }, "port"},
        {[](auto& o) { o.publishers = 0; }, "publisher"},
        {[](auto& o) { o.subscribers = 0; }, "subscriber"},
        {[](auto& o) { o.qos = 3; }, "QoS"},
        {[](auto& o) { o.payloadSize = 15; }, "16 bytes"},
        {[](auto& o) { o.ratePerPublisher = -1; }, "rate"},
        {[](auto& o) { o.durationSeconds = 0; }, "duration"},
        {[](auto& o) { o.warmupSeconds = -1; }, "warm-up"},
        {[](auto& o) { o.inflight = 0; }, "in-flight"},
    };
    for (const auto& [breakIt, reason] : cases) {
        MqttBenchmarkOptions options;
        breakIt(options);
        const auto status = validate(options);
        ASSERT_FALSE(status) << reason;
        EXPECT_EQ(status.error().code, ErrorCode::InvalidArgument);
        EXPECT_NE(status.error().message.find(reason), std::string::npos) << status.error().message;
    }
}

}  // namespace
}  // namespace sbx::bench
