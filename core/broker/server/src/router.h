#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>

#include "ack_barrier.h"
#include "sbx/broker/message.h"
#include "sbx/broker/retained_store.h"
#include "sbx/broker/subscription_tree.h"

namespace sbx::broker {

class BrokerContext;
class Session;
struct SessionSubscription;

// The routing core: topic tree, retained messages, and fan-out to sessions. Matching
// holds the tree's lock shared, so publishers on all io threads route in parallel;
// only (un)subscribing takes it exclusively.
class Router {
public:
    explicit Router(BrokerContext& context);

    // Routes one published message; durable writes it causes hold `barrier` (may be
    // null). Returns how many subscribers it reached.
    // `congested`, when given, receives a subscriber session whose queue is past its
    // high-water mark, so the publisher can pause (flow control).
    std::size_t route(const MessagePtr& message, const AckBarrierPtr& barrier,
                      std::shared_ptr<Session>* congested = nullptr);

    // Returns true when the subscription is new (for retain handling 1).
    bool subscribe(Session& session, const SessionSubscription& subscription);
    bool unsubscribe(Session& session, const std::string& filter, const std::string& shareGroup);
    void unsubscribeAll(SubscriberId subscriber);
    // Sends the retained messages matching a new subscription (MQTT 5 §3.3.1.3).
    void deliverRetained(Session& session, const SessionSubscription& subscription);

    // Restart: put back a retained message without writing it again.
    void restoreRetained(MessagePtr message);

    // The retained message of one topic name (no wildcards), if any.
    [[nodiscard]] MessagePtr retained(std::string_view topic) const;

    [[nodiscard]] std::size_t subscriptionCount() const;
    [[nodiscard]] std::size_t retainedCount() const;

private:
    void storeRetained(const MessagePtr& message, const AckBarrierPtr& barrier);

    BrokerContext& context_;
    mutable std::shared_mutex treeMutex_;
    SubscriptionTree tree_;
    mutable std::mutex retainedMutex_;
    RetainedStore retained_;
};

}  // namespace sbx::broker
