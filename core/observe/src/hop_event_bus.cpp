#include "sbx/observe/hop_event_bus.h"

#include <algorithm>

namespace sbx::observe {

HopEventBus::HopEventBus(std::chrono::milliseconds interval, std::size_t maxPending)
    : interval_(interval), maxPending_(maxPending), flusher_([this] { run(); }) {}

HopEventBus::~HopEventBus() {
    {
        std::lock_guard lock(stopMutex_);
        stopping_ = true;
    }
    stopCondition_.notify_all();
    flusher_.join();
}

HopEventBus::ListenerId HopEventBus::listen(Listener listener) {
    std::lock_guard lock(listenersMutex_);
    const auto id = nextId_++;
    listeners_.emplace_back(id, std::move(listener));
    active_.store(true, std::memory_order_relaxed);
    return id;
}

void HopEventBus::unlisten(ListenerId id) {
    std::lock_guard lock(listenersMutex_);
    std::erase_if(listeners_, [id](const auto& entry) { return entry.first == id; });
    active_.store(!listeners_.empty(), std::memory_order_relaxed);
}

void HopEventBus::record(HopEvent event) {
    if (!active()) {
        return;
    }
    std::lock_guard lock(pendingMutex_);
    if (pending_.size() >= maxPending_) {
        lost_.fetch_add(1, std::memory_order_relaxed);
        return;
    }
    pending_.push_back(std::move(event));
}

void HopEventBus::flush() {
    std::vector<HopEvent> batch;
    {
        std::lock_guard lock(pendingMutex_);
        batch.swap(pending_);
    }
    if (batch.empty()) {
        return;
    }
    std::lock_guard lock(listenersMutex_);
    for (const auto& [id, listener] : listeners_) {
        listener(batch);
    }
}

void HopEventBus::run() {
    std::unique_lock lock(stopMutex_);
    while (!stopping_) {
        stopCondition_.wait_for(lock, interval_, [this] { return stopping_; });
        lock.unlock();
        flush();
        lock.lock();
    }
}

}  // namespace sbx::observe
