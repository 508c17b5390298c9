#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <tuple>
#include <vector>

namespace sbx::observe {

// Wall-clock time at millisecond precision: what metric samples are stamped with.
using MetricTime = std::chrono::sys_time<std::chrono::milliseconds>;

// One time series: who measured (a broker), what (a destination or the broker itself)
// and which number, e.g. {"embedded", "queue:orders", "depth"}.
struct SeriesKey {
    std::string source;
    std::string destination;
    std::string metric;

    friend bool operator==(const SeriesKey&, const SeriesKey&) = default;
    // Spelled out rather than a defaulted <=>, which clang-tidy 14 misreads as a literal 0.
    friend bool operator<(const SeriesKey& a, const SeriesKey& b) {
        return std::tie(a.source, a.destination, a.metric) <
               std::tie(b.source, b.destination, b.metric);
    }
};

// Keeps series whose source and destination start with these prefixes ("" keeps all).
struct SeriesFilter {
    std::string sourcePrefix;
    std::string destinationPrefix;
};

// The samples that fell into one bucket [time, time + step) of a series.
struct MetricPoint {
    MetricTime time;
    double min = 0;
    double max = 0;
    double avg = 0;
    double last = 0;  // the sample with the latest timestamp in the bucket
    std::uint64_t count = 0;
};

// What a query returns: points in time order, each covering `step`.
struct SeriesPoints {
    std::chrono::milliseconds step{0};
    std::vector<MetricPoint> points;
};

}  // namespace sbx::observe
