#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <vector>

#include "bucket.h"
#include "sbx/observe/metric_series.h"
#include "sqlite_db.h"

namespace sbx::observe {

struct Sample {
    SeriesKey series;
    std::int64_t timeMs = 0;
    double value = 0;
};

// The writer thread's connection: commits batches of samples into both resolutions and
// cuts expired buckets. Used by one thread only.
class TelemetryWriter {
public:
    [[nodiscard]] static Result<TelemetryWriter> open(const std::filesystem::path& file,
                                                      std::chrono::milliseconds busyTimeout);

    // One transaction: every sample lands in its 1 s and its 1 min bucket (the roll-up
    // happens as samples arrive, so it never rescans what is stored), or none does.
    [[nodiscard]] Status commit(const std::vector<Sample>& samples);

    // Deletes 1 s buckets older than now - kRawRetention, 1 min buckets older than
    // now - kRollupRetention, and series left without any bucket.
    [[nodiscard]] Status applyRetention(std::int64_t nowMs);

private:
    struct Statements {
        sqlite::Statement insertSeries;
        sqlite::Statement selectSeries;
        sqlite::Statement upsertSecond;
        sqlite::Statement upsertMinute;
        sqlite::Statement listSeriesIds;
        sqlite::Statement expireSeconds;
        sqlite::Statement expireMinutes;
        sqlite::Statement deleteEmptySeries;
    };
    TelemetryWriter(sqlite::Database db, std::filesystem::path file, Statements statements);

    Status writeBuckets(const std::vector<Sample>& samples);
    Result<std::int64_t> seriesId(const SeriesKey& key);
    Status upsert(sqlite::Statement& statement, std::int64_t series, std::int64_t start,
                  const Bucket& bucket);
    Status expire(std::int64_t nowMs);
    Status inTransaction(const std::function<Status()>& work);

    sqlite::Database db_;
    std::filesystem::path file_;
    std::unique_ptr<Statements> statements_;
    std::map<SeriesKey, std::int64_t> seriesIds_;
};

}  // namespace sbx::observe
