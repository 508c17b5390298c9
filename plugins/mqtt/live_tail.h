#pragma once

#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "sbx/observe/broker_source.h"

namespace sbx::mqtt_connector {

// The live tails of one source: each watch has a topic filter and a bounded buffer of the
// matching messages, which a thread of its own hands to the listener every 50 ms as one
// batch. After remove() returns, the listener is not called again. Thread-safe.
class LiveTail {
public:
    using ListenerId = observe::BrokerSource::ListenerId;

    struct Watch {
        std::string filter;
        // The subscription made for this watch when the discovery subscription does not
        // cover its filter (MQTT 5 subscription identifier; 0 in MQTT 3.1.1).
        std::optional<std::uint32_t> ownSubscription;
        observe::BrokerSource::MessageListener listener;
    };

    LiveTail() = default;
    ~LiveTail();
    LiveTail(const LiveTail&) = delete;
    LiveTail& operator=(const LiveTail&) = delete;

    void add(ListenerId id, Watch watch);
    // The watch's own subscription, if it had one, so the caller can end it.
    std::optional<Watch> remove(ListenerId id);
    // One received message. `subscriptionIds` are those the broker sent with it (MQTT 5),
    // `fromDiscovery` whether it came through the discovery subscription.
    void offer(const observe::ObservedMessage& message,
               const std::vector<std::uint32_t>& subscriptionIds, bool fromDiscovery);
    [[nodiscard]] std::vector<std::string> filtersWithOwnSubscription() const;

    static constexpr std::size_t kMaxPending = 10000;

private:
    struct Entry {
        Watch watch;
        observe::MessageBatch pending;
    };
    void deliverLoop();

    mutable std::mutex mutex_;
    std::condition_variable stop_;
    bool stopping_ = false;
    std::map<ListenerId, Entry> entries_;
    std::recursive_mutex delivering_;  // held while listeners run; a listener may remove
    std::thread deliverer_;
};

}  // namespace sbx::mqtt_connector
