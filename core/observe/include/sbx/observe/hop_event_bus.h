#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "sbx/observe/hop_event.h"

namespace sbx::observe {

// Collects hop events from broker threads and hands them to listeners in batches
// (every `interval`), never one call per message. While nobody listens, record() costs
// one relaxed atomic load, so the hot path pays nothing for an unwatched broker.
// The pending buffer is bounded; beyond it events are counted as lost, not stored.
class HopEventBus {
public:
    using Listener = std::function<void(const std::vector<HopEvent>&)>;
    using ListenerId = std::uint64_t;

    explicit HopEventBus(std::chrono::milliseconds interval = std::chrono::milliseconds(100),
                         std::size_t maxPending = 100000);
    ~HopEventBus();
    HopEventBus(const HopEventBus&) = delete;
    HopEventBus& operator=(const HopEventBus&) = delete;

    ListenerId listen(Listener listener);
    void unlisten(ListenerId id);

    [[nodiscard]] bool active() const { return active_.load(std::memory_order_relaxed); }
    void record(HopEvent event);

    // Delivers what is pending now (the flusher thread does this every interval).
    void flush();
    [[nodiscard]] std::uint64_t lostCount() const { return lost_.load(); }

private:
    void run();

    std::chrono::milliseconds interval_;
    std::size_t maxPending_;
    std::atomic<bool> active_{false};
    std::atomic<std::uint64_t> lost_{0};

    std::mutex pendingMutex_;
    std::vector<HopEvent> pending_;

    std::mutex listenersMutex_;  // also serialises deliveries, so batches stay in order
    std::vector<std::pair<ListenerId, Listener>> listeners_;
    ListenerId nextId_ = 1;

    std::mutex stopMutex_;
    std::condition_variable stopCondition_;
    bool stopping_ = false;
    std::thread flusher_;
};

}  // namespace sbx::observe
