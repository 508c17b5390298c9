#include "telemetry_writer.h"

#include <string>
#include <string_view>
#include <utility>

#include "sbx/observe/metric_history.h"
#include "telemetry_schema.h"

namespace sbx::observe {

namespace {

constexpr std::int64_t kSecondMs = MetricHistory::kRawStep.count();
constexpr std::int64_t kMinuteMs = MetricHistory::kRollupStep.count();

// Merging into a stored bucket: every SET expression reads the row as it was, so `last`
// is compared against the old last_time before last_time itself moves.
std::string upsertBucketSql(const std::string& table) {
    return "INSERT INTO " + table +
           " (series, bucket, min_value, max_value, sum_value, sample_count, last_value,"
           " last_time) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
           " ON CONFLICT (series, bucket) DO UPDATE SET"
           " min_value = min(min_value, excluded.min_value),"
           " max_value = max(max_value, excluded.max_value),"
           " sum_value = sum_value + excluded.sum_value,"
           " sample_count = sample_count + excluded.sample_count,"
           " last_value = CASE WHEN excluded.last_time >= last_time"
           "   THEN excluded.last_value ELSE last_value END,"
           " last_time = max(last_time, excluded.last_time)";
}

// The bucket tables are keyed (series, bucket); cutting per series keeps each delete a
// b-tree range instead of a scan of every row, at one extra statement per series.
constexpr const char* kExpireSeconds = "DELETE FROM samples_1s WHERE series = ?1 AND bucket < ?2";
constexpr const char* kExpireMinutes = "DELETE FROM samples_1m WHERE series = ?1 AND bucket < ?2";

using BucketKey = std::pair<std::int64_t, std::int64_t>;  // series id, bucket start

void addTo(std::map<BucketKey, Bucket>& buckets, BucketKey key, const Sample& sample) {
    const auto bucket = Bucket::of(sample.timeMs, sample.value);
    if (auto [it, inserted] = buckets.try_emplace(key, bucket); !inserted) {
        it->second.merge(bucket);
    }
}

}  // namespace

Result<TelemetryWriter> TelemetryWriter::open(const std::filesystem::path& file,
                                              std::chrono::milliseconds busyTimeout) {
    auto db = sqlite::open(file, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX);
    if (!db) {
        return db.error();
    }
    sqlite3* raw = db->get();
    if (auto status = configureTelemetryConnection(raw, file, busyTimeout); !status) {
        return status.error();
    }
    if (auto status = upgradeTelemetrySchema(raw, file); !status) {
        return status.error();
    }
    Statements s;
    const auto upsertSecond = upsertBucketSql("samples_1s");
    const auto upsertMinute = upsertBucketSql("samples_1m");
    const std::pair<sqlite::Statement*, std::string_view> wanted[] = {
        {&s.insertSeries,
         "INSERT OR IGNORE INTO series (source, destination, metric) VALUES (?1, ?2, ?3)"},
        {&s.selectSeries,
         "SELECT id FROM series WHERE source = ?1 AND destination = ?2 AND metric = ?3"},
        {&s.upsertSecond, upsertSecond},
        {&s.upsertMinute, upsertMinute},
        {&s.listSeriesIds, "SELECT id FROM series"},
        {&s.expireSeconds, kExpireSeconds},
        {&s.expireMinutes, kExpireMinutes},
        {&s.deleteEmptySeries,
         "DELETE FROM series WHERE id = ?1"
         " AND NOT EXISTS (SELECT 1 FROM samples_1s WHERE series = ?1)"
         " AND NOT EXISTS (SELECT 1 FROM samples_1m WHERE series = ?1)"},
    };
    for (const auto& [statement, sql] : wanted) {
        if (auto status = sqlite::Statement::prepareInto(*statement, raw, file, sql); !status) {
            return status.error();
        }
    }
    return TelemetryWriter(std::move(db).value(), file, std::move(s));
}

TelemetryWriter::TelemetryWriter(sqlite::Database db, std::filesystem::path file,
                                 Statements statements)
    : db_(std::move(db)),
      file_(std::move(file)),
      statements_(std::make_unique<Statements>(std::move(statements))) {}

Status TelemetryWriter::commit(const std::vector<Sample>& samples) {
    if (samples.empty()) {
        return {};
    }
    return inTransaction([&] { return writeBuckets(samples); });
}

Status TelemetryWriter::applyRetention(std::int64_t nowMs) {
    return inTransaction([&] { return expire(nowMs); });
}

Status TelemetryWriter::inTransaction(const std::function<Status()>& work) {
    if (auto status = sqlite::execute(db_.get(), file_, "BEGIN IMMEDIATE"); !status) {
        return status;
    }
    auto status = work();
    if (status) {
        status = sqlite::execute(db_.get(), file_, "COMMIT");
    }
    if (!status) {
        (void)sqlite::execute(db_.get(), file_, "ROLLBACK");
        // Ids handed out inside the rolled-back transaction no longer exist.
        seriesIds_.clear();
    }
    return status;
}

Status TelemetryWriter::writeBuckets(const std::vector<Sample>& samples) {
    // Samples of one commit interval mostly share buckets: merge them in memory first,
    // so the database sees one upsert per bucket, not one per sample.
    std::map<BucketKey, Bucket> seconds;
    std::map<BucketKey, Bucket> minutes;
    for (const auto& sample : samples) {
        auto id = seriesId(sample.series);
        if (!id) {
            return id.error();
        }
        addTo(seconds, {*id, bucketStart(sample.timeMs, kSecondMs)}, sample);
        addTo(minutes, {*id, bucketStart(sample.timeMs, kMinuteMs)}, sample);
    }
    for (const auto& [key, bucket] : seconds) {
        if (auto status = upsert(statements_->upsertSecond, key.first, key.second, bucket);
            !status) {
            return status;
        }
    }
    for (const auto& [key, bucket] : minutes) {
        if (auto status = upsert(statements_->upsertMinute, key.first, key.second, bucket);
            !status) {
            return status;
        }
    }
    return {};
}

Result<std::int64_t> TelemetryWriter::seriesId(const SeriesKey& key) {
    if (auto known = seriesIds_.find(key); known != seriesIds_.end()) {
        return known->second;
    }
    auto& insert = statements_->insertSeries;
    {
        sqlite::Statement::Scope scope(insert);
        insert.bind(1, key.source);
        insert.bind(2, key.destination);
        insert.bind(3, key.metric);
        if (insert.step() != SQLITE_DONE) {
            return sqlite::error(db_.get(), file_, "adding a series");
        }
    }
    auto& select = statements_->selectSeries;
    sqlite::Statement::Scope scope(select);
    select.bind(1, key.source);
    select.bind(2, key.destination);
    select.bind(3, key.metric);
    if (select.step() != SQLITE_ROW) {
        return sqlite::error(db_.get(), file_, "looking up a series");
    }
    const auto id = select.int64(0);
    seriesIds_.emplace(key, id);
    return id;
}

Status TelemetryWriter::upsert(sqlite::Statement& statement, std::int64_t series,
                               std::int64_t start, const Bucket& bucket) {
    sqlite::Statement::Scope scope(statement);
    statement.bind(1, series);
    statement.bind(2, start);
    statement.bind(3, bucket.min);
    statement.bind(4, bucket.max);
    statement.bind(5, bucket.sum);
    statement.bind(6, static_cast<std::int64_t>(bucket.count));
    statement.bind(7, bucket.last);
    statement.bind(8, bucket.lastTime);
    if (statement.step() != SQLITE_DONE) {
        return sqlite::error(db_.get(), file_, "writing metric samples");
    }
    return {};
}

Status TelemetryWriter::expire(std::int64_t nowMs) {
    std::vector<std::int64_t> ids;
    {
        auto& list = statements_->listSeriesIds;
        sqlite::Statement::Scope scope(list);
        int rc = SQLITE_ROW;
        while ((rc = list.step()) == SQLITE_ROW) {
            ids.push_back(list.int64(0));
        }
        if (rc != SQLITE_DONE) {
            return sqlite::error(db_.get(), file_, "listing series for retention");
        }
    }
    const std::int64_t secondsCut = nowMs - MetricHistory::kRawRetention.count();
    const std::int64_t minutesCut = nowMs - MetricHistory::kRollupRetention.count();
    bool seriesDeleted = false;
    for (const auto id : ids) {
        for (auto [statement, cut] : {std::pair{&statements_->expireSeconds, secondsCut},
                                      std::pair{&statements_->expireMinutes, minutesCut}}) {
            sqlite::Statement::Scope scope(*statement);
            statement->bind(1, id);
            statement->bind(2, cut);
            if (statement->step() != SQLITE_DONE) {
                return sqlite::error(db_.get(), file_, "deleting expired metric samples");
            }
        }
        auto& deleteEmpty = statements_->deleteEmptySeries;
        sqlite::Statement::Scope scope(deleteEmpty);
        deleteEmpty.bind(1, id);
        if (deleteEmpty.step() != SQLITE_DONE) {
            return sqlite::error(db_.get(), file_, "deleting an expired series");
        }
        seriesDeleted = seriesDeleted || sqlite3_changes(db_.get()) > 0;
    }
    if (seriesDeleted) {
        seriesIds_.clear();
    }
    return {};
}

}  // namespace sbx::observe
