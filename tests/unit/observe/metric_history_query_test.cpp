#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "metric_history_test_support.h"
#include "temp_dir.h"

namespace sbx::observe {
namespace {

using namespace test;

const SeriesKey kRate{"embedded", "broker", "messages_in_rate"};

struct TimedValue {
    MetricTime time;
    double value;
};

// The point a chart should show for the samples in [start, end), worked out from the
// samples themselves rather than from stored buckets.
MetricPoint bruteForce(const std::vector<TimedValue>& samples, MetricTime start, MetricTime end) {
    MetricPoint point{start, 0, 0, 0, 0, 0};
    double sum = 0;
    MetricTime lastTime{};
    for (const auto& sample : samples) {
        if (sample.time < start || sample.time >= end) {
            continue;
        }
        if (point.count == 0 || sample.value < point.min) {
            point.min = sample.value;
        }
        if (point.count == 0 || sample.value > point.max) {
            point.max = sample.value;
        }
        if (point.count == 0 || sample.time >= lastTime) {
            point.last = sample.value;
            lastTime = sample.time;
        }
        sum += sample.value;
        ++point.count;
    }
    point.avg = point.count > 0 ? sum / static_cast<double>(point.count) : 0;
    return point;
}

void expectMatchesSamples(const SeriesPoints& result, const std::vector<TimedValue>& samples,
                          std::size_t maxPoints) {
    EXPECT_LE(result.points.size(), maxPoints);
    std::uint64_t total = 0;
    for (std::size_t i = 0; i < result.points.size(); ++i) {
        const auto& point = result.points[i];
        if (i > 0) {
            EXPECT_GE(point.time, result.points[i - 1].time + result.step);
        }
        const auto expected = bruteForce(samples, point.time, point.time + result.step);
        EXPECT_EQ(point.count, expected.count) << "point " << i;
        EXPECT_EQ(point.min, expected.min) << "point " << i;
        EXPECT_EQ(point.max, expected.max) << "point " << i;
        EXPECT_DOUBLE_EQ(point.avg, expected.avg) << "point " << i;
        EXPECT_EQ(point.last, expected.last) << "point " << i;
        total += point.count;
    }
    EXPECT_EQ(total, samples.size());
}

class MetricHistoryQuery : public ::testing::Test {
protected:
    // One sample every `every` over [start, end), value i * 3 mod 101 so points differ.
    std::vector<TimedValue> fill(MetricTime start, MetricTime end, milliseconds every) {
        std::vector<TimedValue> samples;
        int i = 0;
        for (auto time = start; time < end; time += every, ++i) {
            samples.push_back({time, static_cast<double>((i * 3) % 101)});
            history_->append(kRate, time, samples.back().value);
        }
        EXPECT_TRUE(history_->flush());
        return samples;
    }

    void open(MetricTime now) {
        clock_.set(now);
        history_ = openHistory(temp_ / "telemetry.sqlite", testOptions(clock_));
        ASSERT_NE(history_, nullptr);
    }

    sbx::test::TempDir temp_;
    FakeClock clock_{kT0};
    std::unique_ptr<MetricHistory> history_;
};

TEST_F(MetricHistoryQuery, MoreSecondsThanMaxPointsAreMergedIntoWiderBuckets) {
    open(kT0 + minutes(30));
    const auto samples = fill(kT0, kT0 + minutes(30), seconds(1));
    for (const std::size_t maxPoints : {1000U, 100U, 37U, 2U}) {
        const auto result = queryOrFail(*history_, kRate, kT0, kT0 + minutes(30), maxPoints);
        EXPECT_GT(result.step, seconds(1));
        EXPECT_EQ(result.step.count() % 1000, 0);
        expectMatchesSamples(result, samples, maxPoints);
    }
}

TEST_F(MetricHistoryQuery, MaxPointsOfOneGivesOnePointForTheWholeRange) {
    open(kT0 + minutes(30));
    const auto samples = fill(kT0 + milliseconds(500), kT0 + minutes(10), seconds(1));
    const auto result = queryOrFail(*history_, kRate, kT0 + seconds(7), kT0 + minutes(10), 1);
    ASSERT_EQ(result.points.size(), 1U);
    std::vector<TimedValue> inRange;
    std::copy_if(samples.begin(), samples.end(), std::back_inserter(inRange),
                 [](const TimedValue& s) { return s.time >= kT0 + seconds(7); });
    const auto expected = bruteForce(inRange, kT0, kT0 + minutes(10));
    EXPECT_EQ(result.points[0].count, expected.count);
    EXPECT_EQ(result.points[0].min, expected.min);
    EXPECT_EQ(result.points[0].max, expected.max);
    EXPECT_EQ(result.points[0].last, expected.last);
    EXPECT_DOUBLE_EQ(result.points[0].avg, expected.avg);
}

TEST_F(MetricHistoryQuery, EnoughRoomKeepsNativeResolution) {
    open(kT0 + minutes(30));
    const auto samples = fill(kT0, kT0 + minutes(5), seconds(1));
    const auto result = queryOrFail(*history_, kRate, kT0, kT0 + minutes(5), 300);
    EXPECT_EQ(result.step, seconds(1));
    EXPECT_EQ(result.points.size(), 300U);
    expectMatchesSamples(result, samples, 300);
}

TEST_F(MetricHistoryQuery, ChartRangesGetSensibleResolutions) {
    const auto now = kT0 + hours(24);
    open(now);
    const auto samples = fill(now - hours(24), now, seconds(10));
    constexpr std::size_t kChartWidth = 500;

    const auto fiveMinutes = queryOrFail(*history_, kRate, now - minutes(5), now, kChartWidth);
    EXPECT_EQ(fiveMinutes.step, seconds(1));  // every sample as it was
    EXPECT_EQ(fiveMinutes.points.size(), 30U);

    const auto hour = queryOrFail(*history_, kRate, now - hours(1), now, kChartWidth);
    EXPECT_LT(hour.step, minutes(1));  // still from the 1 s tier
    expectMatchesSamples(hour, {samples.end() - 360, samples.end()}, kChartWidth);

    const auto day = queryOrFail(*history_, kRate, now - hours(24), now, kChartWidth);
    EXPECT_EQ(day.step.count() % minutes(1).count(), 0);  // from the 1 min tier
    EXPECT_GT(day.points.size(), kChartWidth / 2);
    expectMatchesSamples(day, samples, kChartWidth);
}

TEST_F(MetricHistoryQuery, RangeStartingBeforeTheLastHourReadsMinutes) {
    const auto now = kT0 + hours(2);
    open(now);
    fill(now - minutes(90), now, seconds(1));
    const auto result = queryOrFail(*history_, kRate, now - minutes(61), now, 10000);
    EXPECT_EQ(result.step, minutes(1));
    EXPECT_EQ(result.points.size(), 61U);
    EXPECT_EQ(result.points.front().count, 60U);
}

TEST_F(MetricHistoryQuery, InvalidArgumentsAreRefused) {
    open(kT0);
    auto zero = history_->query(kRate, kT0 - minutes(5), kT0, 0);
    ASSERT_FALSE(zero);
    EXPECT_EQ(zero.error().code, ErrorCode::InvalidArgument);
    EXPECT_NE(zero.error().message.find("maxPoints"), std::string::npos);

    auto backwards = history_->query(kRate, kT0, kT0 - minutes(5), 10);
    ASSERT_FALSE(backwards);
    EXPECT_EQ(backwards.error().code, ErrorCode::InvalidArgument);

    auto endless = history_->query(kRate, MetricTime::min(), MetricTime::max(), 10);
    ASSERT_FALSE(endless);
    EXPECT_EQ(endless.error().code, ErrorCode::InvalidArgument);

    auto empty = history_->query(kRate, kT0, kT0, 10);
    ASSERT_TRUE(empty);
    EXPECT_TRUE(empty->points.empty());
}

}  // namespace
}  // namespace sbx::observe
