#pragma once

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "sbx/store/durable_store.h"

namespace sbx::store::test {

// Opens a store or records a test failure and returns null (callers ASSERT on it).
inline std::unique_ptr<DurableStore> openStore(const std::filesystem::path& dataDir,
                                               const DurableStore::Options& options = {}) {
    auto store = DurableStore::open(dataDir, options);
    if (!store) {
        ADD_FAILURE() << "open " << dataDir << ": " << store.error().describe();
        return nullptr;
    }
    return std::move(store).value();
}

inline std::filesystem::path databaseFile(const std::filesystem::path& dataDir) {
    return dataDir / "broker.sqlite";
}

// A connection of the test's own, to look at the file behind the store's back.
class RawDatabase {
public:
    explicit RawDatabase(const std::filesystem::path& file, int flags = SQLITE_OPEN_READONLY) {
        if (sqlite3_open_v2(file.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
            ADD_FAILURE() << "cannot open " << file << ": " << sqlite3_errmsg(db_);
        }
        sqlite3_busy_timeout(db_, 5000);
    }
    ~RawDatabase() { sqlite3_close_v2(db_); }
    RawDatabase(const RawDatabase&) = delete;
    RawDatabase& operator=(const RawDatabase&) = delete;

    // The first column of the first row as text ("" when there is no row).
    std::string queryText(const std::string& sql) {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
            ADD_FAILURE() << sql << ": " << sqlite3_errmsg(db_);
            return {};
        }
        std::string text;
        if (sqlite3_step(statement) == SQLITE_ROW) {
            const auto* data = sqlite3_column_text(statement, 0);
            text = data != nullptr ? reinterpret_cast<const char*>(data) : "";
        }
        sqlite3_finalize(statement);
        return text;
    }

    void execute(const std::string& sql) {
        if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
            ADD_FAILURE() << sql << ": " << sqlite3_errmsg(db_);
        }
    }

private:
    sqlite3* db_ = nullptr;
};

// Counts completions and keeps every status, from whatever thread they run on.
class CompletionLog {
public:
    Completion track() {
        return [this](const Status& status) {
            std::lock_guard lock(mutex_);
            statuses_.push_back(status);
        };
    }

    [[nodiscard]] std::size_t count() const {
        std::lock_guard lock(mutex_);
        return statuses_.size();
    }

    [[nodiscard]] std::size_t okCount() const {
        std::lock_guard lock(mutex_);
        std::size_t ok = 0;
        for (const auto& status : statuses_) {
            ok += status.ok() ? 1 : 0;
        }
        return ok;
    }

    [[nodiscard]] std::vector<Status> statuses() const {
        std::lock_guard lock(mutex_);
        return statuses_;
    }

private:
    mutable std::mutex mutex_;
    std::vector<Status> statuses_;
};

// Names parameterized tests "Synced" / "Relaxed" instead of 0 / 1.
inline std::string durabilityName(const ::testing::TestParamInfo<Durability>& param) {
    return param.param == Durability::Synced ? "Synced" : "Relaxed";
}

inline std::vector<std::uint64_t> sequencesOf(const std::vector<StoredMessage>& messages) {
    std::vector<std::uint64_t> sequences;
    for (const auto& message : messages) {
        sequences.push_back(message.sequence);
    }
    return sequences;
}

}  // namespace sbx::store::test
