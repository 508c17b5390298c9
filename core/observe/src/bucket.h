#pragma once

#include <chrono>
#include <cstdint>
#include <utility>
#include <vector>

#include "sbx/observe/metric_series.h"

namespace sbx::observe {

// What the database keeps per bucket. Sum and count rather than an average, so buckets
// merge exactly (1 s into 1 min, or into wider chart points) however they are grouped.
struct Bucket {
    double min = 0;
    double max = 0;
    double sum = 0;
    std::uint64_t count = 0;
    double last = 0;
    std::int64_t lastTime = 0;  // ms; decides which `last` wins a merge

    [[nodiscard]] static Bucket of(std::int64_t timeMs, double value);
    void merge(const Bucket& other);
    [[nodiscard]] MetricPoint point(std::int64_t startMs) const;
};

// A bucket and the start of the time it covers (ms since the epoch).
using TimedBucket = std::pair<std::int64_t, Bucket>;

// The start of the step-wide bucket holding `timeMs` (also for times before 1970).
[[nodiscard]] std::int64_t bucketStart(std::int64_t timeMs, std::int64_t step);

// Merges `rows` (sorted, each `step` wide, the first at or after `origin`) into at most
// maxPoints points covering [origin, to). Wider buckets are multiples of `step` aligned to
// the epoch, so a live chart's points do not shift as its window slides.
[[nodiscard]] SeriesPoints mergeToAtMost(const std::vector<TimedBucket>& rows, std::int64_t step,
                                         std::int64_t origin, std::int64_t to,
                                         std::size_t maxPoints);

}  // namespace sbx::observe
