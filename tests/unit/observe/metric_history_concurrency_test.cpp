#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "metric_history_test_support.h"
#include "temp_dir.h"

namespace sbx::observe {
namespace {

using namespace test;

TEST(MetricHistoryConcurrency, AppendersOnManyThreadsLoseNoSample) {
    sbx::test::TempDir temp;
    FakeClock clock(kT0 + hours(2));
    auto options = testOptions(clock);
    options.commitInterval = milliseconds(5);  // commits race with the appenders
    auto history = openHistory(temp / "telemetry.sqlite", std::move(options));
    ASSERT_NE(history, nullptr);
    const SeriesKey shared{"embedded", "broker", "messages_in_rate"};
    constexpr int kThreads = 6;
    constexpr int kSamplesPerThread = 3000;

    std::vector<std::thread> appenders;
    for (int t = 0; t < kThreads; ++t) {
        appenders.emplace_back([&, t] {
            const SeriesKey own{"embedded", "queue:q" + std::to_string(t), "depth"};
            for (int i = 0; i < kSamplesPerThread; ++i) {
                const auto time = kT0 + milliseconds(i * 20);
                history->append(own, time, static_cast<double>(i));
                history->append(shared, time, static_cast<double>(t));
                if (i % 1000 == 999) {
                    EXPECT_TRUE(history->flush());
                }
            }
        });
    }
    for (auto& appender : appenders) {
        appender.join();
    }
    ASSERT_TRUE(history->flush());
    EXPECT_EQ(history->droppedCount(), 0U);

    const auto countOf = [&](const SeriesKey& key) {
        std::uint64_t total = 0;
        for (const auto& point : queryOrFail(*history, key, kT0, kT0 + hours(1), 1).points) {
            total += point.count;
        }
        return total;
    };
    EXPECT_EQ(countOf(shared), std::uint64_t{kThreads} * kSamplesPerThread);
    for (int t = 0; t < kThreads; ++t) {
        const SeriesKey own{"embedded", "queue:q" + std::to_string(t), "depth"};
        EXPECT_EQ(countOf(own), std::uint64_t{kSamplesPerThread});
        const auto whole = queryOrFail(*history, own, kT0, kT0 + hours(1), 1);
        ASSERT_EQ(whole.points.size(), 1U);
        EXPECT_EQ(whole.points[0].max, kSamplesPerThread - 1.0);
        EXPECT_EQ(whole.points[0].last, kSamplesPerThread - 1.0);
    }
    auto series = history->listSeries();
    ASSERT_TRUE(series);
    EXPECT_EQ(series->size(), std::size_t{kThreads} + 1);
}

TEST(MetricHistoryConcurrency, QueriesRunWhileTheWriterCommits) {
    sbx::test::TempDir temp;
    FakeClock clock(kT0 + minutes(30));
    auto options = testOptions(clock);
    options.commitInterval = milliseconds(1);
    auto history = openHistory(temp / "telemetry.sqlite", std::move(options));
    ASSERT_NE(history, nullptr);
    const SeriesKey key{"embedded", "queue:orders", "depth"};

    std::thread appender([&] {
        for (int i = 0; i < 1800; ++i) {
            history->append(key, kT0 + seconds(i), 1.0);
        }
    });
    std::uint64_t seen = 0;
    for (int i = 0; i < 200; ++i) {
        const auto result = queryOrFail(*history, key, kT0, kT0 + minutes(30), 50);
        std::uint64_t now = 0;
        for (const auto& point : result.points) {
            now += point.count;
        }
        EXPECT_GE(now, seen);  // committed samples never disappear
        seen = now;
    }
    appender.join();
    ASSERT_TRUE(history->flush());
    const auto result = queryOrFail(*history, key, kT0, kT0 + minutes(30), 1);
    ASSERT_EQ(result.points.size(), 1U);
    EXPECT_EQ(result.points[0].count, 1800U);
}

}  // namespace
}  // namespace sbx::observe
