#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "ack_barrier.h"
#include "sbx/broker/message.h"
#include "sbx/broker/subscription_tree.h"
#include "sbx/observe/hop_event.h"
#include "session_link.h"

namespace sbx::broker {

class BrokerContext;

// One message waiting for, or in flight to, a session's client.
struct OutboundMessage {
    MessagePtr message;
    std::uint8_t qos = 0;
    bool retainFlag = false;
    std::vector<std::uint32_t> subscriptionIds;
    std::uint64_t storeSequence = 0;  // 0: not persisted
};

struct SessionSubscription {
    std::string filter;
    std::string shareGroup;
    SubscriptionOptions options;
};

// An MQTT session (MQTT 5 §4.1): subscriptions, messages in flight and queued, and
// received QoS 2 ids. It outlives connections while its expiry allows. All state is
// guarded by the session's own mutex; there is no broker-wide lock on delivery.
class Session : public std::enable_shared_from_this<Session> {
public:
    using Clock = std::chrono::steady_clock;

    Session(BrokerContext& context, std::string clientId, SubscriberId id);
    ~Session();

    [[nodiscard]] const std::string& clientId() const { return clientId_; }
    [[nodiscard]] SubscriberId id() const { return id_; }
    [[nodiscard]] std::string storeQueueName() const { return "mqtt.session/" + clientId_; }

    // Persistent sessions (expiry > 0) keep queued QoS>0 messages on disk.
    void setExpiryInterval(std::uint32_t seconds);
    [[nodiscard]] std::uint32_t expiryInterval() const;
    [[nodiscard]] bool persistent() const;

    // Connects a client: resends what was in flight (DUP) and drains the queue.
    void attach(std::shared_ptr<SessionLink> link);
    // Forgets the link if it is still the current one; the session stays.
    void detach(const SessionLink* link);
    // Restart: the session exists but no client is connected since `when`.
    void markDisconnected(Clock::time_point when);
    [[nodiscard]] bool online() const;
    [[nodiscard]] std::optional<Clock::time_point> disconnectedAt() const;
    // Tells the current client to go (takeover); does not wait.
    void kick(std::uint8_t reason);

    // Any thread: delivers or queues one message for this session. Returns true when the
    // client is online but its queue is past the high-water mark: the publisher should
    // stop reading until whenDrained() calls back (flow control; offline sessions just
    // queue up to max_queued).
    bool deliver(const MessagePtr& message, const MatchedSubscriber& match, bool retainFlag,
                 const AckBarrierPtr& barrier);
    // Runs `resume` once the queue is below the low-water mark or the client has gone.
    // `resume` runs under the session's lock, so it must only post work elsewhere.
    void whenDrained(std::function<void()> resume);

    static constexpr std::size_t kQueueHighWater = 256;
    // A client that acknowledged nothing for this long is stuck, not slow: publishers
    // are not held back for it (its queue fills to max_queued and then drops).
    static constexpr std::chrono::milliseconds kStuckAfter{1000};
    static constexpr std::size_t kQueueLowWater = 64;

    // Acknowledgements from the client. Return false for unknown packet ids.
    bool onPuback(std::uint16_t packetId);
    bool onPubrec(std::uint16_t packetId, bool accepted);
    bool onPubcomp(std::uint16_t packetId);

    // QoS 2 received from the client, waiting for its PUBREL (MQTT 5 §4.3.3).
    bool rememberIncomingQos2(std::uint16_t packetId);  // false if already there
    bool releaseIncomingQos2(std::uint16_t packetId);   // false if unknown

    // Subscriptions as the session remembers them (for persistence and restart).
    void putSubscription(const SessionSubscription& subscription);
    void removeSubscription(const std::string& filter, const std::string& shareGroup);
    [[nodiscard]] std::vector<SessionSubscription> subscriptions() const;

    // Restart: put back a persisted message (no new write).
    void restoreQueued(OutboundMessage message);
    void setNextStoreSequence(std::uint64_t next);
    // Drops queued messages and their persisted copies (session discarded or expired).
    void discard();
    [[nodiscard]] std::size_t queuedCount() const;
    [[nodiscard]] std::size_t inflightCount() const;

    // Will held after an abnormal disconnect until its delay passes.
    void setPendingWill(MessagePtr will, Clock::time_point due);
    MessagePtr takeDueWill(Clock::time_point now, bool force);

private:
    struct Inflight {
        OutboundMessage entry;
        std::uint16_t packetId = 0;
        bool awaitingPubcomp = false;  // PUBREC received, PUBREL sent
    };

    void persist(OutboundMessage& entry, const AckBarrierPtr& barrier);
    void forget(const OutboundMessage& entry);
    void recordAcked(const Message& message);
    // A Dropped / Expired hop (a limit or the expiry discarded it here), when watched.
    void recordDiscarded(observe::HopKind kind, const Message& message, const char* why);
    void pumpLocked();
    bool sendLocked(Inflight& inflight, bool dup);
    std::uint16_t nextPacketIdLocked();
    bool enqueueLocked(OutboundMessage entry);
    void releaseDrainWaitersLocked();

    BrokerContext& context_;
    const std::string clientId_;
    const SubscriberId id_;

    mutable std::mutex mutex_;
    std::shared_ptr<SessionLink> link_;
    std::uint32_t expiryInterval_ = 0;
    std::optional<Clock::time_point> disconnectedAt_;
    std::deque<OutboundMessage> queue_;
    std::deque<Inflight> inflight_;
    std::unordered_set<std::uint16_t> incomingQos2_;
    std::vector<SessionSubscription> subscriptions_;
    std::uint16_t lastPacketId_ = 0;
    std::uint64_t nextStoreSequence_ = 1;
    std::vector<std::function<void()>> drainWaiters_;
    Clock::time_point lastProgress_{};
    MessagePtr pendingWill_;
    Clock::time_point willDue_{};
};

}  // namespace sbx::broker
