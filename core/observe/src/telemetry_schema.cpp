#include "telemetry_schema.h"

#include <array>
#include <string>

namespace sbx::observe {

namespace {

// kUpgradeSteps[n] takes a file from version n to n + 1. Append steps; never edit one
// that has shipped, because workspaces in the field are already past it.
constexpr std::array<const char*, kTelemetrySchemaVersion> kUpgradeSteps = {
    // 0 -> 1: series and two resolutions of buckets. Both bucket tables are keyed by
    // (series, bucket) WITHOUT ROWID, so a chart's range and a series' retention cut
    // are each one b-tree range, and upserting a bucket touches one row.
    "CREATE TABLE series ("
    "  id INTEGER PRIMARY KEY, source TEXT NOT NULL, destination TEXT NOT NULL,"
    "  metric TEXT NOT NULL, UNIQUE (source, destination, metric));"
    "CREATE TABLE samples_1s ("
    "  series INTEGER NOT NULL, bucket INTEGER NOT NULL, min_value REAL NOT NULL,"
    "  max_value REAL NOT NULL, sum_value REAL NOT NULL, sample_count INTEGER NOT NULL,"
    "  last_value REAL NOT NULL, last_time INTEGER NOT NULL,"
    "  PRIMARY KEY (series, bucket)) WITHOUT ROWID;"
    "CREATE TABLE samples_1m ("
    "  series INTEGER NOT NULL, bucket INTEGER NOT NULL, min_value REAL NOT NULL,"
    "  max_value REAL NOT NULL, sum_value REAL NOT NULL, sample_count INTEGER NOT NULL,"
    "  last_value REAL NOT NULL, last_time INTEGER NOT NULL,"
    "  PRIMARY KEY (series, bucket)) WITHOUT ROWID;",
};

constexpr const char* kCreateVersionInfo =
    "CREATE TABLE IF NOT EXISTS version_info ("
    "  id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL)";

Result<int> readVersion(sqlite3* db, const std::filesystem::path& file) {
    auto select =
        sqlite::Statement::prepare(db, file, "SELECT version FROM version_info WHERE id = 1");
    if (!select) {
        return select.error();
    }
    switch (select->step()) {
        case SQLITE_ROW:
            return static_cast<int>(select->int64(0));
        case SQLITE_DONE:
            return 0;  // a new file
        default:
            return sqlite::error(db, file, "reading the schema version");
    }
}

Status writeVersion(sqlite3* db, const std::filesystem::path& file, int version) {
    auto upsert =
        sqlite::Statement::prepare(db, file,
                                   "INSERT INTO version_info (id, version) VALUES (1, ?) "
                                   "ON CONFLICT (id) DO UPDATE SET version = excluded.version");
    if (!upsert) {
        return upsert.error();
    }
    upsert->bind(1, std::int64_t{version});
    if (upsert->step() != SQLITE_DONE) {
        return sqlite::error(db, file, "writing the schema version");
    }
    return {};
}

// One step inside one transaction: either the file moves a whole version or not at all.
Status runStep(sqlite3* db, const std::filesystem::path& file, int from) {
    if (auto status = sqlite::execute(db, file, "BEGIN IMMEDIATE"); !status) {
        return status;
    }
    auto status = sqlite::execute(db, file, kUpgradeSteps.at(static_cast<std::size_t>(from)));
    if (status) {
        status = writeVersion(db, file, from + 1);
    }
    if (status) {
        status = sqlite::execute(db, file, "COMMIT");
    }
    if (!status) {
        (void)sqlite::execute(db, file, "ROLLBACK");
        return Error{status.error().code, "upgrading the telemetry database to schema " +
                                              std::to_string(from + 1) + ": " +
                                              status.error().message};
    }
    return {};
}

// Also the first read of the file, so this is where "not a database" shows up.
Result<std::string> journalMode(sqlite3* db, const std::filesystem::path& file) {
    auto mode = sqlite::Statement::prepare(db, file, "PRAGMA journal_mode = WAL");
    if (!mode) {
        return mode.error();
    }
    if (mode->step() != SQLITE_ROW) {
        return sqlite::error(db, file, "switching to WAL mode");
    }
    return mode->text(0);
}

}  // namespace

Status configureTelemetryConnection(sqlite3* db, const std::filesystem::path& file,
                                    std::chrono::milliseconds busyTimeout) {
    sqlite3_busy_timeout(db, static_cast<int>(busyTimeout.count()));
    if (auto mode = journalMode(db, file); !mode) {
        return mode.error();
    } else if (*mode != "wal") {
        return Error{ErrorCode::Unsupported,
                     "cannot switch " + file.string() + " to WAL mode (got " + *mode + ")"};
    }
    // Telemetry, not messages: losing the last second of chart samples to a power cut
    // costs nothing, so commits skip the fsync (NORMAL fsyncs the WAL only at
    // checkpoints). A crash of the studio itself still loses no committed sample, and
    // the database stays consistent either way.
    return sqlite::execute(db, file, "PRAGMA synchronous = NORMAL");
}

Status upgradeTelemetrySchema(sqlite3* db, const std::filesystem::path& file) {
    if (auto status = sqlite::execute(db, file, kCreateVersionInfo); !status) {
        return status;
    }
    auto version = readVersion(db, file);
    if (!version) {
        return version.error();
    }
    if (*version < 0 || *version > kTelemetrySchemaVersion) {
        return Error{ErrorCode::Unsupported, "the telemetry database " + file.string() +
                                                 " has schema " + std::to_string(*version) +
                                                 "; this Signalbox reads up to schema " +
                                                 std::to_string(kTelemetrySchemaVersion) +
                                                 " (written by a newer Signalbox?)"};
    }
    for (int from = *version; from < kTelemetrySchemaVersion; ++from) {
        if (auto status = runStep(db, file, from); !status) {
            return status;
        }
    }
    return {};
}

}  // namespace sbx::observe
