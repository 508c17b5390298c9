#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sbx::broker {

// Who subscribed: the broker's handle for a session (MQTT) or a queue (AMQP bridge).
using SubscriberId = std::uint64_t;

struct SubscriptionOptions {
    std::uint8_t maxQos = 0;
    bool noLocal = false;
    bool retainAsPublished = false;
    std::uint8_t retainHandling = 0;  // 0 send, 1 send if new, 2 never
    std::optional<std::uint32_t> subscriptionId;
};

// One subscriber a published topic reaches. When several of one subscriber's filters
// match, they are merged (MQTT 5 §3.3.4): the highest QoS and every subscription id.
struct MatchedSubscriber {
    SubscriberId subscriber = 0;
    std::uint8_t maxQos = 0;
    bool noLocal = false;
    bool retainAsPublished = false;
    bool shared = false;  // chosen from a shared-subscription group
    std::vector<std::uint32_t> subscriptionIds;
};

// A trie over topic levels: matching walks only the branches the topic can reach
// (exact level, `+`, `#`), so 100k subscriptions are not scanned one by one.
// Not thread-safe: the broker guards it (readers share, writers exclude).
class SubscriptionTree {
public:
    SubscriptionTree();
    ~SubscriptionTree();
    SubscriptionTree(const SubscriptionTree&) = delete;
    SubscriptionTree& operator=(const SubscriptionTree&) = delete;

    // Adds or replaces the subscriber's subscription to `filter` (in `shareGroup` when
    // not empty). Returns true when it is new, false when it replaced an existing one.
    bool subscribe(SubscriberId subscriber, std::string_view filter,
                   const SubscriptionOptions& options, std::string_view shareGroup = {});
    // Returns true when a subscription was removed.
    bool unsubscribe(SubscriberId subscriber, std::string_view filter,
                     std::string_view shareGroup = {});
    // Removes every subscription of `subscriber`; returns how many.
    std::size_t unsubscribeAll(SubscriberId subscriber);

    // Appends to `out` one entry per non-shared subscriber whose filters match `topic`,
    // and one subscriber per matching share group (round robin across its members).
    // `out` is not cleared, so callers can reuse its capacity.
    void match(std::string_view topic, std::vector<MatchedSubscriber>& out) const;

    [[nodiscard]] std::size_t subscriptionCount() const;

    // Every subscription, for the observe model and for persistence.
    struct Entry {
        SubscriberId subscriber;
        std::string filter;
        std::string shareGroup;
        SubscriptionOptions options;
    };
    [[nodiscard]] std::vector<Entry> entries() const;
    [[nodiscard]] std::vector<Entry> entriesOf(SubscriberId subscriber) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace sbx::broker
