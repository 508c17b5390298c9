#include "sbx/bench/latency_histogram.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <random>
#include <vector>

namespace sbx::bench {
namespace {

// The spec the histogram promises: the smallest v with at least p% of values <= v.
std::uint64_t referencePercentile(const std::vector<std::uint64_t>& sorted, double percentile) {
    const auto rank = std::max<std::uint64_t>(
        1, static_cast<std::uint64_t>(std::ceil(percentile / 100.0 * sorted.size())));
    return sorted[rank - 1];
}

void expectWithinOnePercent(const std::vector<std::uint64_t>& values) {
    auto histogram = std::make_unique<LatencyHistogram>();
    for (const auto v : values) {
        histogram->record(v);
    }
    auto sorted = values;
    std::sort(sorted.begin(), sorted.end());
    for (const double p : {1.0, 10.0, 25.0, 50.0, 75.0, 90.0, 99.0, 99.9, 99.99, 100.0}) {
        const auto expected = static_cast<double>(referencePercentile(sorted, p));
        const auto actual = static_cast<double>(histogram->valueAtPercentile(p));
        EXPECT_LE(std::abs(actual - expected), expected * 0.01 + 0.5)
            << "p" << p << ": expected " << expected << ", got " << actual;
    }
    EXPECT_EQ(histogram->count(), values.size());
    EXPECT_EQ(histogram->min(), sorted.front());
    EXPECT_EQ(histogram->max(), sorted.back());
}

TEST(LatencyHistogram, PercentilesOfLogUniformValuesMatchASortedReference) {
    std::mt19937_64 random(42);
    std::uniform_real_distribution<double> exponent(0.0, 10.0);  // 1 ns .. 10 s
    std::vector<std::uint64_t> values(200000);
    for (auto& v : values) {
        v = static_cast<std::uint64_t>(std::pow(10.0, exponent(random)));
    }
    expectWithinOnePercent(values);
}

TEST(LatencyHistogram, PercentilesOfALongTailMatchASortedReference) {
    // Typical latencies: most near 200 us, a thin tail out to tens of milliseconds.
    std::mt19937_64 random(7);
    std::lognormal_distribution<double> latency(std::log(200000.0), 0.8);
    std::vector<std::uint64_t> values(100000);
    for (auto& v : values) {
        v = static_cast<std::uint64_t>(latency(random));
    }
    expectWithinOnePercent(values);
}

TEST(LatencyHistogram, SmallValuesAreExact) {
    LatencyHistogram histogram;
    for (std::uint64_t v = 0; v < 100; ++v) {
        histogram.record(v);
    }
    EXPECT_EQ(histogram.valueAtPercentile(50), 49U);
    EXPECT_EQ(histogram.valueAtPercentile(1), 0U);
    EXPECT_EQ(histogram.valueAtPercentile(100), 99U);
    EXPECT_DOUBLE_EQ(histogram.mean(), 49.5);
}

TEST(LatencyHistogram, EveryBucketIsNarrowerThanOnePercentOfItsValues) {
    for (std::size_t bucket = 0; bucket < LatencyHistogram::kBucketCount; ++bucket) {
        const auto low = LatencyHistogram::bucketLow(bucket);
        const auto high = LatencyHistogram::bucketHigh(bucket);
        ASSERT_LE(low, high);
        ASSERT_LE(static_cast<double>(high - low), static_cast<double>(low) / 128.0) << bucket;
        ASSERT_EQ(LatencyHistogram::bucketOf(low), bucket);
        ASSERT_EQ(LatencyHistogram::bucketOf(high), bucket);
        if (bucket + 1 < LatencyHistogram::kBucketCount) {
            ASSERT_EQ(LatencyHistogram::bucketLow(bucket + 1), high + 1) << "gap after " << bucket;
        }
    }
    EXPECT_EQ(LatencyHistogram::bucketHigh(LatencyHistogram::kBucketCount - 1), UINT64_MAX);
}

TEST(LatencyHistogram, EmptyHistogramReportsZeros) {
    LatencyHistogram histogram;
    EXPECT_EQ(histogram.count(), 0U);
    EXPECT_EQ(histogram.valueAtPercentile(99), 0U);
    EXPECT_EQ(histogram.min(), 0U);
    EXPECT_EQ(histogram.max(), 0U);
    EXPECT_EQ(histogram.mean(), 0.0);
}

TEST(LatencyHistogram, MergingEqualsRecordingEverythingInOne) {
    auto left = std::make_unique<LatencyHistogram>();
    auto right = std::make_unique<LatencyHistogram>();
    auto all = std::make_unique<LatencyHistogram>();
    for (std::uint64_t v = 1; v < 1000000; v += 997) {
        (v % 2 == 0 ? *left : *right).record(v);
        all->record(v);
    }
    left->merge(*right);
    EXPECT_EQ(left->count(), all->count());
    EXPECT_EQ(left->min(), all->min());
    EXPECT_EQ(left->max(), all->max());
    for (const double p : {50.0, 99.0, 99.9}) {
        EXPECT_EQ(left->valueAtPercentile(p), all->valueAtPercentile(p));
    }
}

}  // namespace
}  // namespace sbx::bench
