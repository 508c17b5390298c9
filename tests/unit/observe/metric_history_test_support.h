#pragma once

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "sbx/observe/metric_history.h"

namespace sbx::observe::test {

using std::chrono::hours;
using std::chrono::milliseconds;
using std::chrono::minutes;
using std::chrono::seconds;

// 2026-01-01T00:00:00Z: a round minute, so bucket boundaries in tests are easy to read.
inline const MetricTime kT0{milliseconds(1'767'225'600'000)};

// "Now" as the test says: retention and tier choice never depend on the real time.
class FakeClock {
public:
    explicit FakeClock(MetricTime now) : now_(now.time_since_epoch().count()) {}
    [[nodiscard]] MetricTime now() const { return MetricTime(milliseconds(now_.load())); }
    void set(MetricTime now) { now_.store(now.time_since_epoch().count()); }
    [[nodiscard]] MetricHistory::Clock clock() const {
        return [this] { return now(); };
    }

private:
    std::atomic<std::int64_t> now_;
};

// The writer never commits on its own timer in tests: only flush() and close commit.
inline MetricHistory::Options testOptions(const FakeClock& clock) {
    MetricHistory::Options options;
    options.commitInterval = hours(1);
    options.clock = clock.clock();
    return options;
}

inline std::unique_ptr<MetricHistory> openHistory(const std::filesystem::path& file,
                                                  MetricHistory::Options options) {
    auto history = MetricHistory::open(file, std::move(options));
    if (!history) {
        ADD_FAILURE() << "open " << file << ": " << history.error().describe();
        return nullptr;
    }
    return std::move(history).value();
}

inline SeriesPoints queryOrFail(MetricHistory& history, const SeriesKey& series, MetricTime from,
                                MetricTime to, std::size_t maxPoints) {
    auto points = history.query(series, from, to, maxPoints);
    if (!points) {
        ADD_FAILURE() << "query: " << points.error().describe();
        return {};
    }
    return std::move(points).value();
}

// A connection of the test's own, to look at the file behind the history's back.
class RawDatabase {
public:
    explicit RawDatabase(const std::filesystem::path& file,
                         int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) {
        if (sqlite3_open_v2(file.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
            ADD_FAILURE() << "cannot open " << file << ": " << sqlite3_errmsg(db_);
        }
        sqlite3_busy_timeout(db_, 5000);
    }
    ~RawDatabase() { sqlite3_close_v2(db_); }
    RawDatabase(const RawDatabase&) = delete;
    RawDatabase& operator=(const RawDatabase&) = delete;

    void execute(const std::string& sql) {
        char* message = nullptr;
        if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
            ADD_FAILURE() << sql << ": " << (message != nullptr ? message : "?");
        }
        sqlite3_free(message);
    }

    std::int64_t queryInt(const std::string& sql) {
        sqlite3_stmt* statement = nullptr;
        std::int64_t value = -1;
        if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
            ADD_FAILURE() << sql << ": " << sqlite3_errmsg(db_);
        } else if (sqlite3_step(statement) == SQLITE_ROW) {
            value = sqlite3_column_int64(statement, 0);
        }
        sqlite3_finalize(statement);
        return value;
    }

private:
    sqlite3* db_ = nullptr;
};

}  // namespace sbx::observe::test
