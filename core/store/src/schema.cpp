#include "schema.h"

#include <array>
#include <string>

#include "sqlite_handle.h"

namespace sbx::store {

namespace {

// kUpgradeSteps[n] takes a file from version n to n + 1. Append steps; never edit one
// that has shipped, because files in the field are already past it.
constexpr std::array<const char*, kSchemaVersion> kUpgradeSteps = {
    // 0 -> 1: records and message queues. WITHOUT ROWID keeps each row inside its
    // primary-key b-tree, so a queue reads back in sequence order with no extra index.
    "CREATE TABLE records ("
    "  ns TEXT NOT NULL, key TEXT NOT NULL, value BLOB NOT NULL,"
    "  PRIMARY KEY (ns, key)) WITHOUT ROWID;"
    "CREATE TABLE messages ("
    "  queue TEXT NOT NULL, seq INTEGER NOT NULL, blob BLOB NOT NULL,"
    "  PRIMARY KEY (queue, seq)) WITHOUT ROWID;",
};

constexpr const char* kCreateVersionInfo =
    "CREATE TABLE IF NOT EXISTS version_info ("
    "  id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL)";

Result<int> readVersion(sqlite3* db) {
    auto select = Statement::prepare(db, "SELECT version FROM version_info WHERE id = 1");
    if (!select) {
        return select.error();
    }
    switch (select->step()) {
        case SQLITE_ROW:
            return static_cast<int>(select->columnInt64(0));
        case SQLITE_DONE:
            return 0;  // a new file
        default:
            return sqliteError(db, "cannot read the schema version");
    }
}

Status writeVersion(sqlite3* db, int version) {
    auto upsert = Statement::prepare(db,
                                     "INSERT INTO version_info (id, version) VALUES (1, ?) "
                                     "ON CONFLICT (id) DO UPDATE SET version = excluded.version");
    if (!upsert) {
        return upsert.error();
    }
    upsert->bindInt64(1, version);
    if (upsert->step() != SQLITE_DONE) {
        return sqliteError(db, "cannot write the schema version");
    }
    return {};
}

// One step inside one transaction: either the file moves a whole version or not at all.
Status runStep(sqlite3* db, int from) {
    if (auto status = execute(db, "BEGIN IMMEDIATE"); !status) {
        return status;
    }
    auto status = execute(db, kUpgradeSteps.at(static_cast<std::size_t>(from)));
    if (status) {
        status = writeVersion(db, from + 1);
    }
    if (status) {
        status = execute(db, "COMMIT");
    }
    if (!status) {
        (void)execute(db, "ROLLBACK");
        return Error{status.error().code, "upgrading the store to schema " +
                                              std::to_string(from + 1) + ": " +
                                              status.error().message};
    }
    return {};
}

}  // namespace

Status upgradeSchema(sqlite3* db) {
    if (auto status = execute(db, kCreateVersionInfo); !status) {
        return status;
    }
    auto version = readVersion(db);
    if (!version) {
        return version.error();
    }
    if (*version < 0) {
        return Error{ErrorCode::ParseError,
                     "the broker store has an invalid schema version " + std::to_string(*version)};
    }
    if (*version > kSchemaVersion) {
        return Error{ErrorCode::Unsupported,
                     "the broker store has schema " + std::to_string(*version) +
                         ", written by a newer Signalbox; this version reads up to schema " +
                         std::to_string(kSchemaVersion)};
    }
    for (int from = *version; from < kSchemaVersion; ++from) {
        if (auto status = runStep(db, from); !status) {
            return status;
        }
    }
    return {};
}

}  // namespace sbx::store
