#include "telemetry_reader.h"

#include <string_view>
#include <utility>

namespace sbx::observe {

namespace {

constexpr const char* kSecondsRange =
    "SELECT bucket, min_value, max_value, sum_value, sample_count, last_value, last_time"
    " FROM samples_1s WHERE series = ?1 AND bucket >= ?2 AND bucket < ?3 ORDER BY bucket";
constexpr const char* kMinutesRange =
    "SELECT bucket, min_value, max_value, sum_value, sample_count, last_value, last_time"
    " FROM samples_1m WHERE series = ?1 AND bucket >= ?2 AND bucket < ?3 ORDER BY bucket";

}  // namespace

Result<TelemetryReader> TelemetryReader::open(const std::filesystem::path& file,
                                              std::chrono::milliseconds busyTimeout) {
    auto db = sqlite::open(file, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX);
    if (!db) {
        return db.error();
    }
    sqlite3_busy_timeout(db->get(), static_cast<int>(busyTimeout.count()));
    Statements s;
    const std::pair<sqlite::Statement*, std::string_view> wanted[] = {
        {&s.selectSeries,
         "SELECT id FROM series WHERE source = ?1 AND destination = ?2 AND metric = ?3"},
        {&s.secondsRange, kSecondsRange},
        {&s.minutesRange, kMinutesRange},
        {&s.listSeries,
         "SELECT source, destination, metric FROM series ORDER BY source, destination, metric"},
    };
    for (const auto& [statement, sql] : wanted) {
        if (auto status = sqlite::Statement::prepareInto(*statement, db->get(), file, sql);
            !status) {
            return status.error();
        }
    }
    return TelemetryReader(std::move(db).value(), file, std::move(s));
}

TelemetryReader::TelemetryReader(sqlite::Database db, std::filesystem::path file,
                                 Statements statements)
    : db_(std::move(db)),
      file_(std::move(file)),
      statements_(std::make_unique<Statements>(std::move(statements))) {}

Result<std::optional<std::int64_t>> TelemetryReader::seriesId(const SeriesKey& key) {
    auto& select = statements_->selectSeries;
    sqlite::Statement::Scope scope(select);
    select.bind(1, key.source);
    select.bind(2, key.destination);
    select.bind(3, key.metric);
    switch (select.step()) {
        case SQLITE_ROW:
            return std::optional<std::int64_t>(select.int64(0));
        case SQLITE_DONE:
            return std::optional<std::int64_t>();
        default:
            return sqlite::error(db_.get(), file_, "looking up a series");
    }
}

Result<std::vector<TimedBucket>> TelemetryReader::buckets(Tier tier, std::int64_t series,
                                                          std::int64_t from, std::int64_t to) {
    auto& range = tier == Tier::Seconds ? statements_->secondsRange : statements_->minutesRange;
    sqlite::Statement::Scope scope(range);
    range.bind(1, series);
    range.bind(2, from);
    range.bind(3, to);
    std::vector<TimedBucket> rows;
    int rc = SQLITE_ROW;
    while ((rc = range.step()) == SQLITE_ROW) {
        rows.emplace_back(range.int64(0), Bucket{range.real(1), range.real(2), range.real(3),
                                                 static_cast<std::uint64_t>(range.int64(4)),
                                                 range.real(5), range.int64(6)});
    }
    if (rc != SQLITE_DONE) {
        return sqlite::error(db_.get(), file_, "reading metric samples");
    }
    return rows;
}

Result<std::vector<SeriesKey>> TelemetryReader::series() {
    auto& list = statements_->listSeries;
    sqlite::Statement::Scope scope(list);
    std::vector<SeriesKey> keys;
    int rc = SQLITE_ROW;
    while ((rc = list.step()) == SQLITE_ROW) {
        keys.push_back(SeriesKey{list.text(0), list.text(1), list.text(2)});
    }
    if (rc != SQLITE_DONE) {
        return sqlite::error(db_.get(), file_, "listing series");
    }
    return keys;
}

}  // namespace sbx::observe
