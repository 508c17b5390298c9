#include "bucket.h"

#include <algorithm>
#include <limits>

namespace sbx::observe {

namespace {

std::int64_t ceilDiv(std::int64_t a, std::int64_t b) {
    return a / b + (a % b > 0 ? 1 : 0);
}

// The narrowest multiple of `step` whose epoch-aligned buckets over [origin, to) number
// at most maxPoints. A width w covers the span in ceil(span / w) buckets plus at most one
// for the misalignment, hence maxPoints - 1 in the general case.
std::int64_t widthFor(std::int64_t step, std::int64_t origin, std::int64_t to,
                      std::size_t maxPoints) {
    const std::int64_t span = std::max<std::int64_t>(to - origin, 1);
    const auto points = static_cast<std::int64_t>(
        std::min<std::size_t>(maxPoints, std::numeric_limits<std::int64_t>::max()));
    if (ceilDiv(span, step) <= points) {
        return step;  // origin is step-aligned: the native buckets already fit
    }
    if (points == 1) {
        return ceilDiv(span, step) * step;
    }
    return ceilDiv(span, step * (points - 1)) * step;
}

}  // namespace

Bucket Bucket::of(std::int64_t timeMs, double value) {
    return Bucket{value, value, value, 1, value, timeMs};
}

void Bucket::merge(const Bucket& other) {
    min = std::min(min, other.min);
    max = std::max(max, other.max);
    sum += other.sum;
    count += other.count;
    if (other.lastTime >= lastTime) {
        last = other.last;
        lastTime = other.lastTime;
    }
}

MetricPoint Bucket::point(std::int64_t startMs) const {
    return MetricPoint{MetricTime(std::chrono::milliseconds(startMs)),     min,  max,
                       count > 0 ? sum / static_cast<double>(count) : 0.0, last, count};
}

std::int64_t bucketStart(std::int64_t timeMs, std::int64_t step) {
    const std::int64_t quotient = timeMs / step;
    return (timeMs % step < 0 ? quotient - 1 : quotient) * step;
}

SeriesPoints mergeToAtMost(const std::vector<TimedBucket>& rows, std::int64_t step,
                           std::int64_t origin, std::int64_t to, std::size_t maxPoints) {
    const std::int64_t width = widthFor(step, origin, to, maxPoints);
    // A single point starts at the origin itself so that it covers the whole range.
    const bool single = width != step && maxPoints == 1;
    SeriesPoints result{std::chrono::milliseconds(width), {}};
    std::int64_t currentStart = 0;
    Bucket current;
    for (const auto& [start, bucket] : rows) {
        const std::int64_t groupStart = single ? origin : bucketStart(start, width);
        if (current.count > 0 && groupStart == currentStart) {
            current.merge(bucket);
            continue;
        }
        if (current.count > 0) {
            result.points.push_back(current.point(currentStart));
        }
        currentStart = groupStart;
        current = bucket;
    }
    if (current.count > 0) {
        result.points.push_back(current.point(currentStart));
    }
    return result;
}

}  // namespace sbx::observe
