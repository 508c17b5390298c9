#include "live_tail.h"

#include <algorithm>
#include <chrono>

#include "topic_filter.h"

namespace sbx::mqtt_connector {

namespace {
constexpr auto kBatchInterval = std::chrono::milliseconds(50);
}

LiveTail::~LiveTail() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    stop_.notify_all();
    if (deliverer_.joinable()) {
        deliverer_.join();
    }
}

void LiveTail::add(ListenerId id, Watch watch) {
    std::lock_guard lock(mutex_);
    entries_[id] = Entry{std::move(watch), {}};
    if (!deliverer_.joinable()) {
        deliverer_ = std::thread([this] { deliverLoop(); });
    }
}

std::optional<LiveTail::Watch> LiveTail::remove(ListenerId id) {
    std::optional<Watch> removed;
    {
        std::lock_guard lock(mutex_);
        auto it = entries_.find(id);
        if (it == entries_.end()) {
            return std::nullopt;
        }
        removed = std::move(it->second.watch);
        entries_.erase(it);
    }
    // Wait for a batch being delivered right now (unless this is its listener calling).
    std::lock_guard delivering(delivering_);
    return removed;
}

void LiveTail::offer(const observe::ObservedMessage& message,
                     const std::vector<std::uint32_t>& subscriptionIds, bool fromDiscovery) {
    std::lock_guard lock(mutex_);
    for (auto& [id, entry] : entries_) {
        const auto& watch = entry.watch;
        if (!matches(watch.filter, message.routingKey)) {
            continue;
        }
        // The broker may send one copy per matching subscription: take the copy of the
        // subscription this watch relies on, so no message comes twice. Without MQTT 5
        // subscription identifiers there is no telling the copies apart.
        bool ours = fromDiscovery;
        if (watch.ownSubscription) {
            ours = subscriptionIds.empty() ||
                   std::find(subscriptionIds.begin(), subscriptionIds.end(),
                             *watch.ownSubscription) != subscriptionIds.end();
        }
        if (!ours) {
            continue;
        }
        if (entry.pending.messages.size() >= kMaxPending) {
            ++entry.pending.lost;
            continue;
        }
        entry.pending.messages.push_back(message);
    }
}

std::vector<std::string> LiveTail::filtersWithOwnSubscription() const {
    std::lock_guard lock(mutex_);
    std::vector<std::string> out;
    for (const auto& [id, entry] : entries_) {
        if (entry.watch.ownSubscription) {
            out.push_back(entry.watch.filter);
        }
    }
    return out;
}

void LiveTail::deliverLoop() {
    std::unique_lock lock(mutex_);
    while (!stop_.wait_for(lock, kBatchInterval, [this] { return stopping_; })) {
        std::vector<std::pair<ListenerId, observe::MessageBatch>> batches;
        for (auto& [id, entry] : entries_) {
            if (!entry.pending.messages.empty() || entry.pending.lost > 0) {
                batches.emplace_back(id, std::exchange(entry.pending, {}));
            }
        }
        if (batches.empty()) {
            continue;
        }
        lock.unlock();
        {
            std::lock_guard delivering(delivering_);
            for (const auto& [id, batch] : batches) {
                observe::BrokerSource::MessageListener listener;
                {
                    std::lock_guard again(mutex_);
                    auto it = entries_.find(id);
                    if (it == entries_.end()) {
                        continue;  // removed meanwhile
                    }
                    listener = it->second.watch.listener;
                }
                listener(batch);
            }
        }
        lock.lock();
    }
}

}  // namespace sbx::mqtt_connector
