#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "sbx/common/result.h"

namespace sbx::store {

struct DatabaseCloser {
    // close_v2 never fails on open statements; it closes once the last one is finalized.
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using DatabaseHandle = std::unique_ptr<sqlite3, DatabaseCloser>;

struct StatementFinalizer {
    void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};

// The connection's last error as an IoError, prefixed with what we were doing.
[[nodiscard]] Error sqliteError(sqlite3* db, std::string_view doing);

[[nodiscard]] Result<DatabaseHandle> openDatabase(const std::filesystem::path& file, int flags);

// Runs SQL that returns no rows we need (PRAGMAs that only set, DDL, one-off statements).
[[nodiscard]] Status execute(sqlite3* db, const char* sql);

// A statement prepared once and reused: bind, step, reset. Text and blobs are bound
// without copying, so a bound string must outlive the step; StatementReset makes sure
// a statement never keeps pointers into strings after use.
class Statement {
public:
    [[nodiscard]] static Result<Statement> prepare(sqlite3* db, std::string_view sql);

    void bindText(int index, std::string_view text);
    void bindBlob(int index, std::string_view bytes);
    void bindInt64(int index, std::int64_t value);

    // SQLITE_ROW, SQLITE_DONE or an error code (also the code of a bind that failed).
    int step();
    void reset();

    [[nodiscard]] std::int64_t columnInt64(int index) const;
    [[nodiscard]] std::string columnBytes(int index) const;

    [[nodiscard]] sqlite3* database() const { return sqlite3_db_handle(statement_.get()); }

private:
    explicit Statement(sqlite3_stmt* statement) : statement_(statement) {}
    void noteBind(int rc);

    std::unique_ptr<sqlite3_stmt, StatementFinalizer> statement_;
    int bindError_ = SQLITE_OK;
};

// Resets (and unbinds) a statement when a scope ends, whatever path leaves it.
class StatementReset {
public:
    explicit StatementReset(Statement& statement) : statement_(statement) {}
    ~StatementReset() { statement_.reset(); }
    StatementReset(const StatementReset&) = delete;
    StatementReset& operator=(const StatementReset&) = delete;

private:
    Statement& statement_;
};

// Prepares statements one after another and keeps the first failure, so code that needs
// several reads as the list of statements it needs, checked once at the end.
class StatementPreparer {
public:
    explicit StatementPreparer(sqlite3* db) : db_(db) {}

    std::optional<Statement> operator()(const char* sql);

    [[nodiscard]] const std::optional<Error>& failure() const { return failure_; }

private:
    sqlite3* db_;
    std::optional<Error> failure_;
};

}  // namespace sbx::store
