#pragma once

#include <thread>

#include "batch_stats.h"
#include "data_dir_lock.h"
#include "sbx/store/durable_store.h"
#include "store_reader.h"
#include "write_batch.h"
#include "write_queue.h"

namespace sbx::store {

// DurableStore on SQLite: producers push into a WriteQueue, one writer thread commits
// batches through a BatchWriter and then runs their completions; a StoreReader serves
// the start-up reads. Made by DurableStore::open().
class SqliteDurableStore final : public DurableStore {
public:
    SqliteDurableStore(DataDirLock lock, BatchWriter writer, StoreReader reader,
                       const Options& options);
    ~SqliteDurableStore() override;
    SqliteDurableStore(const SqliteDurableStore&) = delete;
    SqliteDurableStore& operator=(const SqliteDurableStore&) = delete;

    void putRecord(std::string ns, std::string key, std::string value, Completion done) override;
    void eraseRecord(std::string ns, std::string key, Completion done) override;
    void appendMessage(std::string queue, std::uint64_t sequence, std::string blob,
                       Completion done) override;
    void removeMessage(std::string queue, std::uint64_t sequence, Completion done) override;
    void dropQueue(std::string queue, Completion done) override;

    Status flush() override;

    Result<std::vector<Record>> loadRecords(const std::string& ns) override;
    Result<std::vector<StoredMessage>> loadMessages(const std::string& queue) override;
    Result<std::vector<std::string>> listQueues() override;

    [[nodiscard]] Durability durability() const override { return durability_; }
    [[nodiscard]] Stats stats() const override { return stats_.snapshot(); }

private:
    void runWriter();

    // Declaration order is destruction order: the lock outlives both connections.
    DataDirLock lock_;
    BatchWriter writer_;
    StoreReader reader_;
    const Durability durability_;
    WriteQueue queue_;
    BatchStats stats_;
    std::thread writerThread_;
};

}  // namespace sbx::store
