#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>

#include "bucket.h"
#include "sbx/observe/metric_series.h"
#include "sqlite_db.h"

namespace sbx::observe {

// A read-only connection for queries. WAL lets it read committed data while the writer
// commits; callers serialise their own use of it.
class TelemetryReader {
public:
    enum class Tier { Seconds, Minutes };

    // Open after the writer, which creates the file and its schema.
    [[nodiscard]] static Result<TelemetryReader> open(const std::filesystem::path& file,
                                                      std::chrono::milliseconds busyTimeout);

    [[nodiscard]] Result<std::optional<std::int64_t>> seriesId(const SeriesKey& key);
    // Buckets of `tier` whose start lies in [from, to), in time order.
    [[nodiscard]] Result<std::vector<TimedBucket>> buckets(Tier tier, std::int64_t series,
                                                           std::int64_t from, std::int64_t to);
    [[nodiscard]] Result<std::vector<SeriesKey>> series();

private:
    struct Statements {
        sqlite::Statement selectSeries;
        sqlite::Statement secondsRange;
        sqlite::Statement minutesRange;
        sqlite::Statement listSeries;
    };
    TelemetryReader(sqlite::Database db, std::filesystem::path file, Statements statements);

    sqlite::Database db_;
    std::filesystem::path file_;
    std::unique_ptr<Statements> statements_;
};

}  // namespace sbx::observe
