#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "sbx/common/result.h"
#include "sbx/observe/metric_series.h"

namespace sbx::observe {

// The metric history behind the monitoring charts, kept in the workspace's telemetry
// database (SQLite) so charts survive a studio restart. Callers append samples from any
// thread; one writer thread commits them in a batch every `commitInterval` (or on
// flush()). Resolution falls with age: 1 s buckets for the last hour, 1 min buckets
// (min, max, avg, last, count) for a week; older data is deleted.
//
// Queries read what is committed: a sample is visible after the next commit or flush().
class MetricHistory {
public:
    using Clock = std::function<MetricTime()>;

    static constexpr std::chrono::milliseconds kRawStep = std::chrono::seconds(1);
    static constexpr std::chrono::milliseconds kRollupStep = std::chrono::minutes(1);
    static constexpr std::chrono::milliseconds kRawRetention = std::chrono::hours(1);
    static constexpr std::chrono::milliseconds kRollupRetention = std::chrono::hours(24 * 7);

    struct Options {
        std::chrono::milliseconds commitInterval{1000};
        // How long to wait for another program's lock before reporting the file locked.
        std::chrono::milliseconds busyTimeout{5000};
        // Samples waiting for the writer (100 s of the design load of 1000 series at 1 Hz);
        // beyond this they are dropped and counted.
        std::size_t maxPending = 100'000;
        // "Now" for retention and for choosing a query's resolution; tests inject one.
        // Called from the writer thread and from querying threads: must be thread-safe.
        Clock clock;
    };

    // Opens (creating it and its folder if needed) the telemetry database at `file`.
    static Result<std::unique_ptr<MetricHistory>> open(const std::filesystem::path& file,
                                                       Options options);
    static Result<std::unique_ptr<MetricHistory>> open(const std::filesystem::path& file) {
        return open(file, Options{});
    }

    // Commits what is pending, then stops the writer.
    ~MetricHistory();
    MetricHistory(const MetricHistory&) = delete;
    MetricHistory& operator=(const MetricHistory&) = delete;

    // Thread-safe and cheap: queues the sample for the writer. Non-finite values are
    // dropped (and counted), as they have no meaningful min/max/avg.
    void append(const SeriesKey& series, MetricTime time, double value);

    // Commits every sample appended before the call; returns the first commit error since
    // the previous flush, or ok. Retention runs with the commits, once a minute of clock
    // time (and whenever the clock moved back).
    Status flush();

    // Points of [from, to) at the finest resolution that still holds the whole range
    // (1 s when `from` is within the last hour, else 1 min), merged into wider buckets
    // when there would be more than maxPoints. An unknown series has no points.
    Result<SeriesPoints> query(const SeriesKey& series, MetricTime from, MetricTime to,
                               std::size_t maxPoints);

    Result<std::vector<SeriesKey>> listSeries(const SeriesFilter& filter = {});

    // The range at its best resolution as CSV: a header line, then one line per point:
    // time_utc (ISO 8601),time_ms,min,max,avg,last,count.
    Result<std::string> exportCsv(const SeriesKey& series, MetricTime from, MetricTime to);

    // Samples lost: non-finite, over maxPending, or given up after failed commits.
    [[nodiscard]] std::uint64_t droppedCount() const;

private:
    class Impl;
    explicit MetricHistory(std::unique_ptr<Impl> impl);

    std::unique_ptr<Impl> impl_;
};

}  // namespace sbx::observe
