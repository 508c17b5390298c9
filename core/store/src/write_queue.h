#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "sbx/common/result.h"
#include "write_op.h"

namespace sbx::store {

// The hand-off between producers (any thread) and the single writer thread, and the
// bookkeeping flush() waits on. Every push gets the next ticket; the writer finishes
// tickets in push order, so "everything before my call is committed" is one comparison.
class WriteQueue {
public:
    struct Limits {
        std::size_t maxBatchSize = 4096;
        std::chrono::microseconds maxDelay{2000};
    };

    explicit WriteQueue(Limits limits);

    void push(WriteOp op);

    // When the append of (queue, sequence) is still queued (the writer has not taken
    // it), turns it into a no-op and returns its completion (which may be empty): the
    // message came and went before it had to reach the disk, as RabbitMQ's message store
    // skips writing a message that is acknowledged first. nullopt: it is on its way or
    // done, so the caller must queue a removal.
    std::optional<Completion> cancelAppend(const std::string& queue, std::uint64_t sequence);

    // Writer side. Blocks until there is work, then moves up to maxBatchSize operations
    // into `batch` (which must be empty). Returns false once stopped and drained.
    bool takeBatch(std::vector<WriteOp>& batch);
    // Marks the batch taken last as done with `status`; wakes flush() callers.
    void finishBatch(std::size_t count, const Status& status);

    // Blocks until every operation pushed before the call is finished; returns the first
    // error finished since the previous flush, or ok.
    Status flush();

    // The writer drains what is queued, then takeBatch() returns false.
    void stop();

private:
    void waitForCompanions(std::unique_lock<std::mutex>& lock);
    void indexAppends(std::size_t from);

    const Limits limits_;

    std::mutex mutex_;
    std::condition_variable writerWake_;
    std::condition_variable finished_;
    std::vector<WriteOp> pending_;
    // Queued appends by sequence (a multimap: sequences repeat across queues), so that a
    // removal can cancel one in constant time.
    std::unordered_multimap<std::uint64_t, std::size_t> appendsBySequence_;
    std::uint64_t pushedCount_ = 0;
    std::uint64_t finishedCount_ = 0;
    // Producers wake the writer only when pending_ reaches this size; 0 while it works,
    // so a busy writer costs producers no notify syscalls.
    std::size_t wakeWriterAt_ = 0;
    std::size_t flushWaiters_ = 0;
    bool stopping_ = false;
    std::optional<Error> firstError_;
};

}  // namespace sbx::store
