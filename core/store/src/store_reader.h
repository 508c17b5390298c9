#pragma once

#include <mutex>
#include <string>
#include <vector>

#include "sbx/store/durable_store.h"
#include "sqlite_handle.h"

namespace sbx::store {

// The start-up reads, on a connection of their own: in WAL mode it sees every committed
// batch and never blocks the writer. Thread-safe (one read at a time).
class StoreReader {
public:
    [[nodiscard]] static Result<StoreReader> open(const std::filesystem::path& file);

    [[nodiscard]] Result<std::vector<Record>> records(const std::string& ns);
    [[nodiscard]] Result<std::vector<StoredMessage>> messages(const std::string& queue);
    [[nodiscard]] Result<std::vector<std::string>> queues();

private:
    struct Statements {
        Statement records;
        Statement messages;
        Statement queues;
    };

    StoreReader(DatabaseHandle db, Statements statements)
        : db_(std::move(db)), statements_(std::move(statements)) {}

    // A unique_ptr so the reader stays movable (Result needs that).
    std::unique_ptr<std::mutex> mutex_ = std::make_unique<std::mutex>();
    DatabaseHandle db_;
    Statements statements_;
};

}  // namespace sbx::store
