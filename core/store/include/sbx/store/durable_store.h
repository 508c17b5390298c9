#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "sbx/common/result.h"

namespace sbx::store {

// When a write counts as durable.
enum class Durability {
    // Writes are batched and committed; the OS decides when they reach the disk. A
    // process crash loses nothing committed, a power cut may lose the last batches.
    Relaxed,
    // Each batch is committed with fsync before its completions run (group commit).
    // A completion that ran means the write survives kill -9 and a power cut.
    Synced,
};

// Called once a write is committed (or failed), on the store's writer thread. Keep it
// short: post the follow-up (e.g. a PUBACK) to the connection's own executor. The one
// exception: removeMessage() of a message whose append the writer has not taken yet
// cancels both, and runs both completions (with ok) on its own thread before returning.
using Completion = std::function<void(const Status&)>;

struct Record {
    std::string key;
    std::string value;
};

struct StoredMessage {
    std::string queue;
    std::uint64_t sequence = 0;
    std::string blob;
};

// The broker's crash-safe persistence, one SQLite database (WAL) in the data dir.
// Two kinds of data, protocol-neutral so MQTT and AMQP share it:
//  - records: namespace + key -> value (sessions, retained messages, exchanges, ...);
//  - message queues: queue name + sequence -> blob, read back in sequence order.
// Writes are queued and applied by one writer thread in batched transactions (group
// commit); completions run after the batch commits. Reads are for start-up only.
class DurableStore {
public:
    struct Options {
        Durability durability = Durability::Synced;
        // How long the writer collects writes before it commits them as one batch (less
        // when maxBatchSize are queued or someone flushes). The window is also the time
        // a message has to be removed again before it is written at all.
        std::uint32_t maxBatchDelayMicros = 2000;
        std::size_t maxBatchSize = 4096;
    };

    static Result<std::unique_ptr<DurableStore>> open(const std::filesystem::path& dataDir,
                                                      const Options& options);
    static Result<std::unique_ptr<DurableStore>> open(const std::filesystem::path& dataDir) {
        return open(dataDir, Options{});
    }
    virtual ~DurableStore() = default;

    virtual void putRecord(std::string ns, std::string key, std::string value,
                           Completion done = {}) = 0;
    virtual void eraseRecord(std::string ns, std::string key, Completion done = {}) = 0;

    virtual void appendMessage(std::string queue, std::uint64_t sequence, std::string blob,
                               Completion done = {}) = 0;
    // Removes a stored message. When its appendMessage is still queued, neither is
    // written: a message that comes and goes within one batch window never costs a disk
    // write (see Completion for where the completions run then).
    virtual void removeMessage(std::string queue, std::uint64_t sequence, Completion done = {}) = 0;
    // Removes a queue's messages (a deleted queue or an expired session).
    virtual void dropQueue(std::string queue, Completion done = {}) = 0;

    // Blocks until everything queued so far is committed.
    virtual Status flush() = 0;

    // Start-up reads (call before writing, or after flush()).
    [[nodiscard]] virtual Result<std::vector<Record>> loadRecords(const std::string& ns) = 0;
    [[nodiscard]] virtual Result<std::vector<StoredMessage>> loadMessages(
        const std::string& queue) = 0;
    [[nodiscard]] virtual Result<std::vector<std::string>> listQueues() = 0;

    [[nodiscard]] virtual Durability durability() const = 0;

    // What the writer has done so far, for tests, benchmarks and the broker view. Not
    // pure, so test doubles of DurableStore need not implement it.
    struct Stats {
        std::uint64_t committedBatches = 0;  // transactions that committed
        std::uint64_t committedWrites = 0;   // operations inside those transactions
        std::uint64_t failedBatches = 0;     // transactions rolled back on an error
        std::uint64_t cancelledAppends = 0;  // appends removed before they were written
    };
    [[nodiscard]] virtual Stats stats() const { return {}; }
};

}  // namespace sbx::store
