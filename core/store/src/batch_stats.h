#pragma once

#include <atomic>
#include <cstddef>

#include "sbx/store/durable_store.h"

namespace sbx::store {

// Counters the writer thread bumps and any thread reads.
class BatchStats {
public:
    void recordBatch(std::size_t writes, bool committed) {
        if (committed) {
            committedBatches_.fetch_add(1, std::memory_order_relaxed);
            committedWrites_.fetch_add(writes, std::memory_order_relaxed);
        } else {
            failedBatches_.fetch_add(1, std::memory_order_relaxed);
        }
    }

    void recordCancelledAppend() { cancelledAppends_.fetch_add(1, std::memory_order_relaxed); }

    [[nodiscard]] DurableStore::Stats snapshot() const {
        return {committedBatches_.load(std::memory_order_relaxed),
                committedWrites_.load(std::memory_order_relaxed),
                failedBatches_.load(std::memory_order_relaxed),
                cancelledAppends_.load(std::memory_order_relaxed)};
    }

private:
    std::atomic<std::uint64_t> committedBatches_{0};
    std::atomic<std::uint64_t> committedWrites_{0};
    std::atomic<std::uint64_t> failedBatches_{0};
    std::atomic<std::uint64_t> cancelledAppends_{0};
};

}  // namespace sbx::store
