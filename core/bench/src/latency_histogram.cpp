#include "sbx/bench/latency_histogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace sbx::bench {

std::size_t LatencyHistogram::bucketOf(std::uint64_t value) {
    if (value < kSubBuckets) {
        return static_cast<std::size_t>(value);
    }
    const auto topBit = static_cast<unsigned>(std::bit_width(value)) - 1;  // >= kSubBucketBits
    const auto shift = topBit - kSubBucketBits;
    const auto mantissa = (value >> shift) - kSubBuckets;  // 0..kSubBuckets-1
    return static_cast<std::size_t>(kSubBuckets + shift * kSubBuckets + mantissa);
}

std::uint64_t LatencyHistogram::bucketLow(std::size_t bucket) {
    if (bucket < kSubBuckets) {
        return bucket;
    }
    const auto shift = (bucket - kSubBuckets) / kSubBuckets;
    const auto mantissa = (bucket - kSubBuckets) % kSubBuckets;
    return (kSubBuckets + mantissa) << shift;
}

std::uint64_t LatencyHistogram::bucketHigh(std::size_t bucket) {
    if (bucket < kSubBuckets) {
        return bucket;
    }
    const auto shift = (bucket - kSubBuckets) / kSubBuckets;
    return bucketLow(bucket) + ((std::uint64_t{1} << shift) - 1);
}

void LatencyHistogram::record(std::uint64_t value) {
    ++counts_[bucketOf(value)];
    ++count_;
    min_ = std::min(min_, value);
    max_ = std::max(max_, value);
    sum_ += static_cast<long double>(value);
}

void LatencyHistogram::merge(const LatencyHistogram& other) {
    for (std::size_t i = 0; i < kBucketCount; ++i) {
        counts_[i] += other.counts_[i];
    }
    count_ += other.count_;
    min_ = std::min(min_, other.min_);
    max_ = std::max(max_, other.max_);
    sum_ += other.sum_;
}

std::uint64_t LatencyHistogram::valueAtPercentile(double percentile) const {
    if (count_ == 0) {
        return 0;
    }
    const auto share = std::clamp(percentile, 0.0, 100.0) / 100.0;
    const auto rank = std::max<std::uint64_t>(
        1, static_cast<std::uint64_t>(std::ceil(share * static_cast<double>(count_))));
    std::uint64_t seen = 0;
    for (std::size_t bucket = 0; bucket < kBucketCount; ++bucket) {
        seen += counts_[bucket];
        if (seen >= rank) {
            // The middle of the bucket halves the worst error; the exact extremes bound it.
            const auto low = bucketLow(bucket);
            const auto middle = low + (bucketHigh(bucket) - low) / 2;
            return std::clamp(middle, min(), max_);
        }
    }
    return max_;
}

double LatencyHistogram::mean() const {
    return count_ == 0 ? 0.0 : static_cast<double>(sum_ / static_cast<long double>(count_));
}

}  // namespace sbx::bench
