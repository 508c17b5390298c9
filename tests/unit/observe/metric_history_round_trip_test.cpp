#include <gtest/gtest.h>

#include "metric_history_test_support.h"
#include "temp_dir.h"

namespace sbx::observe {
namespace {

using namespace test;

const SeriesKey kDepth{"embedded", "queue:orders", "depth"};
const SeriesKey kRate{"embedded", "broker", "messages_in_rate"};

TEST(MetricHistoryRoundTrip, AppendedSamplesComeBackAtOneSecondResolution) {
    sbx::test::TempDir temp;
    FakeClock clock(kT0 + minutes(10));
    auto history = openHistory(temp / "telemetry.sqlite", testOptions(clock));
    ASSERT_NE(history, nullptr);

    for (int i = 0; i < 10; ++i) {
        history->append(kDepth, kT0 + seconds(i) + milliseconds(250), 100.0 + i);
    }
    ASSERT_TRUE(history->flush());

    const auto result = queryOrFail(*history, kDepth, kT0, kT0 + minutes(1), 1000);
    EXPECT_EQ(result.step, seconds(1));
    ASSERT_EQ(result.points.size(), 10U);
    for (int i = 0; i < 10; ++i) {
        const auto& point = result.points[static_cast<std::size_t>(i)];
        EXPECT_EQ(point.time, kT0 + seconds(i));  // the start of its bucket
        EXPECT_EQ(point.count, 1U);
        EXPECT_EQ(point.min, 100.0 + i);
        EXPECT_EQ(point.max, 100.0 + i);
        EXPECT_EQ(point.avg, 100.0 + i);
        EXPECT_EQ(point.last, 100.0 + i);
    }
}

TEST(MetricHistoryRoundTrip, QueryRangeIsHalfOpenAndSeriesAreSeparate) {
    sbx::test::TempDir temp;
    FakeClock clock(kT0 + minutes(10));
    auto history = openHistory(temp / "telemetry.sqlite", testOptions(clock));
    ASSERT_NE(history, nullptr);
    for (int i = 0; i < 5; ++i) {
        history->append(kDepth, kT0 + seconds(i), 1.0);
        history->append(kRate, kT0 + seconds(i), 2.0);
    }
    ASSERT_TRUE(history->flush());

    const auto result = queryOrFail(*history, kDepth, kT0 + seconds(1), kT0 + seconds(3), 100);
    ASSERT_EQ(result.points.size(), 2U);
    EXPECT_EQ(result.points[0].time, kT0 + seconds(1));
    EXPECT_EQ(result.points[1].time, kT0 + seconds(2));
    EXPECT_EQ(result.points[1].last, 1.0);
    EXPECT_EQ(queryOrFail(*history, kRate, kT0, kT0 + seconds(5), 100).points.at(4).last, 2.0);
}

TEST(MetricHistoryRoundTrip, SamplesAreVisibleOnlyOnceCommitted) {
    sbx::test::TempDir temp;
    FakeClock clock(kT0 + minutes(1));
    auto history = openHistory(temp / "telemetry.sqlite", testOptions(clock));
    ASSERT_NE(history, nullptr);
    history->append(kDepth, kT0, 7.0);
    EXPECT_TRUE(queryOrFail(*history, kDepth, kT0, kT0 + minutes(1), 10).points.empty());
    ASSERT_TRUE(history->flush());
    EXPECT_EQ(queryOrFail(*history, kDepth, kT0, kT0 + minutes(1), 10).points.size(), 1U);
}

TEST(MetricHistoryRoundTrip, UnknownSeriesHasNoPoints) {
    sbx::test::TempDir temp;
    FakeClock clock(kT0);
    auto history = openHistory(temp / "telemetry.sqlite", testOptions(clock));
    ASSERT_NE(history, nullptr);
    const auto result = queryOrFail(*history, kDepth, kT0 - minutes(5), kT0, 300);
    EXPECT_TRUE(result.points.empty());
    EXPECT_EQ(result.step, seconds(1));
}

TEST(MetricHistoryRoundTrip, ReopenSeesSamplesThatWereNeverFlushedExplicitly) {
    sbx::test::TempDir temp;
    const auto file = temp / ".signalbox" / "telemetry.sqlite";  // the folder is created
    FakeClock clock(kT0 + hours(2));
    {
        auto history = openHistory(file, testOptions(clock));
        ASSERT_NE(history, nullptr);
        for (int i = 0; i < 120; ++i) {
            history->append(kDepth, kT0 + seconds(i), static_cast<double>(i));
        }
        history->append(kRate, kT0 + hours(2) - seconds(10), 42.0);
        // Closing commits what is pending.
    }
    auto reopened = openHistory(file, testOptions(clock));
    ASSERT_NE(reopened, nullptr);

    const auto minutesBack = queryOrFail(*reopened, kDepth, kT0, kT0 + minutes(2), 100);
    EXPECT_EQ(minutesBack.step, minutes(1));
    ASSERT_EQ(minutesBack.points.size(), 2U);
    EXPECT_EQ(minutesBack.points[0].count, 60U);
    EXPECT_EQ(minutesBack.points[1].last, 119.0);

    const auto recent =
        queryOrFail(*reopened, kRate, kT0 + hours(2) - minutes(5), kT0 + hours(2), 300);
    ASSERT_EQ(recent.points.size(), 1U);
    EXPECT_EQ(recent.points[0].last, 42.0);

    auto series = reopened->listSeries();
    ASSERT_TRUE(series);
    EXPECT_EQ(series->size(), 2U);
}

TEST(MetricHistoryRoundTrip, ListSeriesFiltersBySourceAndDestinationPrefix) {
    sbx::test::TempDir temp;
    FakeClock clock(kT0);
    auto history = openHistory(temp / "telemetry.sqlite", testOptions(clock));
    ASSERT_NE(history, nullptr);
    const SeriesKey keys[] = {
        {"embedded", "queue:orders", "depth"},    {"embedded", "queue:orders", "ready"},
        {"embedded", "queue:invoices", "depth"},  {"embedded", "broker", "messages_in_rate"},
        {"remote:prod", "queue:orders", "depth"},
    };
    for (const auto& key : keys) {
        history->append(key, kT0, 1.0);
    }
    ASSERT_TRUE(history->flush());

    auto all = history->listSeries();
    ASSERT_TRUE(all);
    EXPECT_EQ(all->size(), 5U);

    auto embeddedQueues = history->listSeries({"embedded", "queue:"});
    ASSERT_TRUE(embeddedQueues);
    EXPECT_EQ(*embeddedQueues, (std::vector<SeriesKey>{keys[2], keys[0], keys[1]}));

    auto orders = history->listSeries({"", "queue:orders"});
    ASSERT_TRUE(orders);
    EXPECT_EQ(*orders, (std::vector<SeriesKey>{keys[0], keys[1], keys[4]}));

    auto none = history->listSeries({"nobody", ""});
    ASSERT_TRUE(none);
    EXPECT_TRUE(none->empty());
}

}  // namespace
}  // namespace sbx::observe
