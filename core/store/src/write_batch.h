#pragma once

#include <sqlite3.h>

#include <vector>

#include "sbx/common/result.h"
#include "sqlite_handle.h"
#include "write_op.h"

namespace sbx::store {

// Owns the write connection and its statements (prepared once) and applies a batch of
// operations as one transaction. Used only by the writer thread.
class BatchWriter {
public:
    [[nodiscard]] static Result<BatchWriter> create(DatabaseHandle db);

    // BEGIN IMMEDIATE, every operation, COMMIT; on any error the whole batch is rolled
    // back and the error returned, leaving the connection ready for the next batch.
    [[nodiscard]] Status apply(const std::vector<WriteOp>& batch);

private:
    struct Statements {
        Statement begin;
        Statement commit;
        Statement rollback;
        Statement putRecord;
        Statement eraseRecord;
        Statement appendMessage;
        Statement removeMessage;
        Statement dropQueue;
    };

    BatchWriter(DatabaseHandle db, Statements statements)
        : db_(std::move(db)), statements_(std::move(statements)) {}

    Status applyOne(const WriteOp& op);
    Status run(Statement& statement, const char* doing);
    void rollback();

    // Statements are declared after the connection so they are finalized before it
    // closes.
    DatabaseHandle db_;
    Statements statements_;
};

}  // namespace sbx::store
