#include "store_reader.h"

#include "connection_settings.h"

namespace sbx::store {

namespace {

// Reads every row of an already bound statement with `readRow`.
template <typename Row, typename ReadRow>
Result<std::vector<Row>> readAll(Statement& statement, const char* doing, ReadRow readRow) {
    StatementReset resetAfterwards(statement);
    std::vector<Row> rows;
    int rc = SQLITE_ROW;
    while ((rc = statement.step()) == SQLITE_ROW) {
        rows.push_back(readRow(statement));
    }
    if (rc != SQLITE_DONE) {
        return sqliteError(statement.database(), doing);
    }
    return rows;
}

}  // namespace

Result<StoreReader> StoreReader::open(const std::filesystem::path& file) {
    auto db = openDatabase(file, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX);
    if (!db) {
        return db.error();
    }
    if (auto status = configureReadConnection(db->get()); !status) {
        return status.error();
    }
    StatementPreparer prepare(db->get());
    auto records = prepare("SELECT key, value FROM records WHERE ns = ?1 ORDER BY key");
    auto messages = prepare("SELECT seq, blob FROM messages WHERE queue = ?1 ORDER BY seq");
    auto queues = prepare("SELECT DISTINCT queue FROM messages ORDER BY queue");
    if (prepare.failure()) {
        return *prepare.failure();
    }
    Statements statements{std::move(*records), std::move(*messages), std::move(*queues)};
    return StoreReader(std::move(db).value(), std::move(statements));
}

Result<std::vector<Record>> StoreReader::records(const std::string& ns) {
    std::lock_guard lock(*mutex_);
    statements_.records.bindText(1, ns);
    return readAll<Record>(statements_.records, "cannot read records", [](Statement& row) {
        return Record{row.columnBytes(0), row.columnBytes(1)};
    });
}

Result<std::vector<StoredMessage>> StoreReader::messages(const std::string& queue) {
    std::lock_guard lock(*mutex_);
    statements_.messages.bindText(1, queue);
    return readAll<StoredMessage>(
        statements_.messages, "cannot read messages", [&queue](Statement& row) {
            return StoredMessage{queue, static_cast<std::uint64_t>(row.columnInt64(0)),
                                 row.columnBytes(1)};
        });
}

Result<std::vector<std::string>> StoreReader::queues() {
    std::lock_guard lock(*mutex_);
    return readAll<std::string>(statements_.queues, "cannot list queues",
                                [](Statement& row) { return row.columnBytes(0); });
}

}  // namespace sbx::store
