#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

#include "metric_history_test_support.h"
#include "temp_dir.h"

namespace sbx::observe {
namespace {

using namespace test;

const SeriesKey kDepth{"embedded", "queue:orders", "depth"};

struct TimedValue {
    MetricTime time;
    double value;
};

// One sample per second of the minute starting at `start`, values chosen so sums are
// exact in binary floating point; returned in a shuffled order.
std::vector<TimedValue> minuteOfSamples(MetricTime start, std::uint32_t seed) {
    std::vector<TimedValue> samples;
    for (int i = 0; i < 60; ++i) {
        samples.push_back({start + seconds(i), ((i * 37) % 61) * 0.5 - 10.0});
    }
    std::shuffle(samples.begin(), samples.end(), std::mt19937(seed));
    return samples;
}

MetricPoint expectedOf(const std::vector<TimedValue>& samples) {
    const auto byTime = [](const TimedValue& a, const TimedValue& b) { return a.time < b.time; };
    const auto byValue = [](const TimedValue& a, const TimedValue& b) { return a.value < b.value; };
    double sum = 0;
    for (const auto& sample : samples) {
        sum += sample.value;
    }
    return MetricPoint{std::min_element(samples.begin(), samples.end(), byTime)->time,
                       std::min_element(samples.begin(), samples.end(), byValue)->value,
                       std::max_element(samples.begin(), samples.end(), byValue)->value,
                       sum / static_cast<double>(samples.size()),
                       std::max_element(samples.begin(), samples.end(), byTime)->value,
                       samples.size()};
}

void expectPoint(const MetricPoint& actual, const MetricPoint& expected) {
    EXPECT_EQ(actual.time, expected.time);
    EXPECT_EQ(actual.min, expected.min);
    EXPECT_EQ(actual.max, expected.max);
    EXPECT_DOUBLE_EQ(actual.avg, expected.avg);
    EXPECT_EQ(actual.last, expected.last);
    EXPECT_EQ(actual.count, expected.count);
}

TEST(MetricHistoryRollup, MinuteBucketsHoldMinMaxAvgLastAndCountOfTheirSeconds) {
    sbx::test::TempDir temp;
    FakeClock clock(kT0 + hours(3));  // the range is older than an hour: minute tier
    auto history = openHistory(temp / "telemetry.sqlite", testOptions(clock));
    ASSERT_NE(history, nullptr);
    const auto first = minuteOfSamples(kT0, 1);
    const auto second = minuteOfSamples(kT0 + minutes(1), 2);
    for (const auto* samples : {&first, &second}) {
        for (const auto& sample : *samples) {
            history->append(kDepth, sample.time, sample.value);
        }
    }
    ASSERT_TRUE(history->flush());

    const auto result = queryOrFail(*history, kDepth, kT0, kT0 + minutes(2), 100);
    EXPECT_EQ(result.step, minutes(1));
    ASSERT_EQ(result.points.size(), 2U);
    expectPoint(result.points[0], expectedOf(first));
    expectPoint(result.points[1], expectedOf(second));
}

TEST(MetricHistoryRollup, BucketsMergeAcrossCommitsAndLastFollowsTimeNotArrival) {
    sbx::test::TempDir temp;
    FakeClock clock(kT0 + hours(2));
    auto history = openHistory(temp / "telemetry.sqlite", testOptions(clock));
    ASSERT_NE(history, nullptr);
    const auto samples = minuteOfSamples(kT0, 3);
    const auto half = samples.begin() + 30;
    for (auto it = samples.begin(); it != half; ++it) {
        history->append(kDepth, it->time, it->value);
    }
    ASSERT_TRUE(history->flush());
    for (auto it = half; it != samples.end(); ++it) {
        history->append(kDepth, it->time, it->value);
    }
    ASSERT_TRUE(history->flush());

    const auto result = queryOrFail(*history, kDepth, kT0, kT0 + minutes(1), 10);
    ASSERT_EQ(result.points.size(), 1U);
    expectPoint(result.points[0], expectedOf(samples));
}

TEST(MetricHistoryRollup, SeveralSamplesInOneSecondShareItsBucket) {
    sbx::test::TempDir temp;
    FakeClock clock(kT0 + minutes(1));
    auto history = openHistory(temp / "telemetry.sqlite", testOptions(clock));
    ASSERT_NE(history, nullptr);
    history->append(kDepth, kT0 + milliseconds(900), 3.0);
    history->append(kDepth, kT0 + milliseconds(100), 9.0);
    history->append(kDepth, kT0 + milliseconds(500), 6.0);
    ASSERT_TRUE(history->flush());

    const auto result = queryOrFail(*history, kDepth, kT0, kT0 + seconds(10), 10);
    ASSERT_EQ(result.points.size(), 1U);
    expectPoint(result.points[0], MetricPoint{kT0, 3.0, 9.0, 6.0, 3.0, 3});
}

TEST(MetricHistoryRetention, SecondsOlderThanAnHourAreDeletedMinutesStay) {
    sbx::test::TempDir temp;
    const auto file = temp / "telemetry.sqlite";
    FakeClock clock(kT0);
    auto history = openHistory(file, testOptions(clock));
    ASSERT_NE(history, nullptr);
    history->append(kDepth, kT0 - minutes(30), 1.0);
    history->append(kDepth, kT0 - minutes(20), 2.0);
    ASSERT_TRUE(history->flush());
    RawDatabase raw(file, SQLITE_OPEN_READONLY);
    EXPECT_EQ(raw.queryInt("SELECT count(*) FROM samples_1s"), 2);

    // 30 min later the first sample is 60 min old: exactly at the edge, still kept.
    clock.set(kT0 + minutes(30));
    ASSERT_TRUE(history->flush());
    EXPECT_EQ(raw.queryInt("SELECT count(*) FROM samples_1s"), 2);

    // Retention runs once a minute of clock time: not yet half a minute on...
    clock.set(kT0 + minutes(30) + seconds(30));
    ASSERT_TRUE(history->flush());
    EXPECT_EQ(raw.queryInt("SELECT count(*) FROM samples_1s"), 2);
    // ...but a minute on, when the sample is 61 min old.
    clock.set(kT0 + minutes(31));
    ASSERT_TRUE(history->flush());
    EXPECT_EQ(raw.queryInt("SELECT count(*) FROM samples_1s"), 1);
    EXPECT_EQ(raw.queryInt("SELECT count(*) FROM samples_1m"), 2);

    // The old sample is still charted, from its minute.
    const auto result = queryOrFail(*history, kDepth, kT0 - hours(1), kT0, 100);
    EXPECT_EQ(result.step, minutes(1));
    ASSERT_EQ(result.points.size(), 2U);
    EXPECT_EQ(result.points[0].last, 1.0);
}

TEST(MetricHistoryRetention, MinutesOlderThanAWeekAreDeletedWithTheirSeries) {
    sbx::test::TempDir temp;
    const auto file = temp / "telemetry.sqlite";
    const SeriesKey fresh{"embedded", "broker", "messages_in_rate"};
    FakeClock clock(kT0);
    auto history = openHistory(file, testOptions(clock));
    ASSERT_NE(history, nullptr);
    history->append(kDepth, kT0, 1.0);
    history->append(kDepth, kT0 + hours(24), 2.0);
    ASSERT_TRUE(history->flush());

    clock.set(kT0 + hours(24 * 7));
    history->append(fresh, clock.now(), 5.0);
    ASSERT_TRUE(history->flush());
    const auto week = queryOrFail(*history, kDepth, kT0 - hours(1), clock.now(), 10000);
    ASSERT_EQ(week.points.size(), 2U);

    clock.set(kT0 + hours(24 * 7) + minutes(1));
    ASSERT_TRUE(history->flush());
    const auto afterFirst = queryOrFail(*history, kDepth, kT0 - hours(1), clock.now(), 10000);
    ASSERT_EQ(afterFirst.points.size(), 1U);
    EXPECT_EQ(afterFirst.points[0].last, 2.0);

    clock.set(kT0 + hours(24 * 8) + minutes(1));
    ASSERT_TRUE(history->flush());
    EXPECT_TRUE(queryOrFail(*history, kDepth, kT0, clock.now(), 10000).points.empty());
    auto series = history->listSeries();
    ASSERT_TRUE(series);
    EXPECT_EQ(*series, std::vector<SeriesKey>{fresh});
    RawDatabase raw(file, SQLITE_OPEN_READONLY);
    EXPECT_EQ(raw.queryInt("SELECT count(*) FROM samples_1m"), 1);
    EXPECT_EQ(raw.queryInt("SELECT count(*) FROM samples_1s"), 0);

    // A series that comes back after its data expired is recorded again.
    history->append(kDepth, clock.now(), 3.0);
    ASSERT_TRUE(history->flush());
    const auto back =
        queryOrFail(*history, kDepth, clock.now() - minutes(1), clock.now() + seconds(1), 10);
    ASSERT_EQ(back.points.size(), 1U);
    EXPECT_EQ(back.points[0].last, 3.0);
}

}  // namespace
}  // namespace sbx::observe
