#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace sbx::bench {

// An HDR-style histogram of non-negative integers (nanoseconds here): fixed memory, and
// every recorded value is reported to within 1/256 of itself (half a bucket of width
// 1/128). Values below 128 are exact; above, each power of two is split into 128
// equal buckets, so the memory does not depend on how many values are recorded.
class LatencyHistogram {
public:
    static constexpr unsigned kSubBucketBits = 7;
    static constexpr std::uint64_t kSubBuckets = std::uint64_t{1} << kSubBucketBits;
    static constexpr std::size_t kBucketCount = kSubBuckets + (64 - kSubBucketBits) * kSubBuckets;

    void record(std::uint64_t value);
    void merge(const LatencyHistogram& other);

    // The value at `percentile` (0..100]: a value within half a bucket of the smallest
    // recorded value v with at least that share of values <= v; 0 when empty.
    [[nodiscard]] std::uint64_t valueAtPercentile(double percentile) const;

    [[nodiscard]] std::uint64_t count() const { return count_; }
    [[nodiscard]] std::uint64_t min() const { return count_ == 0 ? 0 : min_; }
    [[nodiscard]] std::uint64_t max() const { return max_; }
    [[nodiscard]] double mean() const;

    // The bucket a value falls in, and the range of values that bucket covers.
    [[nodiscard]] static std::size_t bucketOf(std::uint64_t value);
    [[nodiscard]] static std::uint64_t bucketLow(std::size_t bucket);
    [[nodiscard]] static std::uint64_t bucketHigh(std::size_t bucket);

private:
    std::array<std::uint64_t, kBucketCount> counts_{};
    std::uint64_t count_ = 0;
    std::uint64_t min_ = UINT64_MAX;
    std::uint64_t max_ = 0;
    long double sum_ = 0;
};

}  // namespace sbx::bench
