#include "write_batch.h"

#include <cstdint>

namespace sbx::store {

namespace {

// SQLite integers are signed 64-bit; the bit pattern round-trips, so sequences above
// 2^63 come back intact (but would sort before small ones; the broker never gets there).
std::int64_t toColumn(std::uint64_t sequence) {
    return static_cast<std::int64_t>(sequence);
}

}  // namespace

Result<BatchWriter> BatchWriter::create(DatabaseHandle db) {
    StatementPreparer prepare(db.get());
    auto begin = prepare("BEGIN IMMEDIATE");
    auto commit = prepare("COMMIT");
    auto rollback = prepare("ROLLBACK");
    auto putRecord = prepare(
        "INSERT INTO records (ns, key, value) VALUES (?1, ?2, ?3) "
        "ON CONFLICT (ns, key) DO UPDATE SET value = excluded.value");
    auto eraseRecord = prepare("DELETE FROM records WHERE ns = ?1 AND key = ?2");
    // A plain INSERT: appending a sequence twice is a broker bug and must not silently
    // replace the first message.
    auto appendMessage = prepare("INSERT INTO messages (queue, seq, blob) VALUES (?1, ?2, ?3)");
    auto removeMessage = prepare("DELETE FROM messages WHERE queue = ?1 AND seq = ?2");
    auto dropQueue = prepare("DELETE FROM messages WHERE queue = ?1");
    if (prepare.failure()) {
        return *prepare.failure();
    }
    Statements statements{std::move(*begin),         std::move(*commit),
                          std::move(*rollback),      std::move(*putRecord),
                          std::move(*eraseRecord),   std::move(*appendMessage),
                          std::move(*removeMessage), std::move(*dropQueue)};
    return BatchWriter(std::move(db), std::move(statements));
}

Status BatchWriter::apply(const std::vector<WriteOp>& batch) {
    if (auto status = run(statements_.begin, "cannot start a transaction"); !status) {
        return status;
    }
    for (const auto& op : batch) {
        if (op.kind == WriteKind::Cancelled) {
            continue;
        }
        if (auto status = applyOne(op); !status) {
            rollback();
            return status;
        }
    }
    if (auto status = run(statements_.commit, "cannot commit"); !status) {
        rollback();
        return status;
    }
    return {};
}

Status BatchWriter::applyOne(const WriteOp& op) {
    switch (op.kind) {
        case WriteKind::PutRecord:
            statements_.putRecord.bindText(1, op.scope);
            statements_.putRecord.bindText(2, op.key);
            statements_.putRecord.bindBlob(3, op.payload);
            return run(statements_.putRecord, "cannot store a record");
        case WriteKind::EraseRecord:
            statements_.eraseRecord.bindText(1, op.scope);
            statements_.eraseRecord.bindText(2, op.key);
            return run(statements_.eraseRecord, "cannot erase a record");
        case WriteKind::AppendMessage:
            statements_.appendMessage.bindText(1, op.scope);
            statements_.appendMessage.bindInt64(2, toColumn(op.sequence));
            statements_.appendMessage.bindBlob(3, op.payload);
            return run(statements_.appendMessage, "cannot append a message");
        case WriteKind::RemoveMessage:
            statements_.removeMessage.bindText(1, op.scope);
            statements_.removeMessage.bindInt64(2, toColumn(op.sequence));
            return run(statements_.removeMessage, "cannot remove a message");
        case WriteKind::DropQueue:
            statements_.dropQueue.bindText(1, op.scope);
            return run(statements_.dropQueue, "cannot drop a queue");
        case WriteKind::Cancelled:
            return {};
    }
    return Error{ErrorCode::Internal, "unknown write operation"};
}

Status BatchWriter::run(Statement& statement, const char* doing) {
    StatementReset resetAfterwards(statement);
    if (statement.step() != SQLITE_DONE) {
        return sqliteError(db_.get(), doing);
    }
    return {};
}

void BatchWriter::rollback() {
    // A failed COMMIT or statement may already have ended the transaction.
    if (sqlite3_get_autocommit(db_.get()) == 0) {
        StatementReset resetAfterwards(statements_.rollback);
        statements_.rollback.step();
    }
}

}  // namespace sbx::store
