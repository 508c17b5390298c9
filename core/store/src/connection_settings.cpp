#include "connection_settings.h"

#include <string>

#include "sqlite_handle.h"

namespace sbx::store {

namespace {

// Another process (the sqlite3 shell, a backup tool) may hold a lock briefly; wait
// rather than failing a batch at once.
constexpr int kBusyTimeoutMillis = 5000;

// Fixed so the file's layout does not depend on the SQLite build; 4 KiB matches the
// page size of the file systems we run on. It only takes effect when the file is new.
constexpr const char* kPageSizePragma = "PRAGMA page_size = 4096";

Result<std::string> queryText(sqlite3* db, const char* sql) {
    auto statement = Statement::prepare(db, sql);
    if (!statement) {
        return statement.error();
    }
    const int rc = statement->step();
    if (rc != SQLITE_ROW) {
        return sqliteError(db, sql);
    }
    return statement->columnBytes(0);
}

Error notADatabase(const std::filesystem::path& file) {
    return Error{ErrorCode::ParseError, file.string() +
                                            " is not a Signalbox broker store (file is not a "
                                            "database); move it away or choose another data dir"};
}

const char* synchronousPragma(Durability durability) {
    // In WAL mode a commit appends to the WAL file and, with synchronous=FULL, fsyncs it
    // before COMMIT returns: a commit that returned survives a power cut, which is what
    // lets the broker send PUBACK/confirms from a completion. With NORMAL the WAL is
    // only fsynced at checkpoints: a commit that returned is in the OS page cache, so it
    // survives the broker process crashing (even kill -9) but not a power cut.
    return durability == Durability::Synced ? "PRAGMA synchronous = FULL"
                                            : "PRAGMA synchronous = NORMAL";
}

}  // namespace

Status configureWriteConnection(sqlite3* db, Durability durability,
                                const std::filesystem::path& file) {
    sqlite3_busy_timeout(db, kBusyTimeoutMillis);
    // Whichever statement first reads the file is where SQLite notices it is not one.
    const auto explain = [&](const Error& error) {
        return (sqlite3_errcode(db) & 0xff) == SQLITE_NOTADB ? notADatabase(file) : error;
    };
    if (auto status = execute(db, kPageSizePragma); !status) {
        return explain(status.error());
    }
    auto mode = queryText(db, "PRAGMA journal_mode = WAL");
    if (!mode) {
        return explain(mode.error());
    }
    if (*mode != "wal") {
        return Error{ErrorCode::Unsupported,
                     "cannot switch " + file.string() + " to WAL mode (got " + *mode + ")"};
    }
    if (auto status = execute(db, synchronousPragma(durability)); !status) {
        return explain(status.error());
    }
    return {};
}

Status configureReadConnection(sqlite3* db) {
    sqlite3_busy_timeout(db, kBusyTimeoutMillis);
    return {};
}

}  // namespace sbx::store
