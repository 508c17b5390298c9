#include "session.h"

#include <algorithm>

#include "broker_context.h"
#include "message_blob.h"

namespace sbx::broker {

Session::Session(BrokerContext& context, std::string clientId, SubscriberId id)
    : context_(context), clientId_(std::move(clientId)), id_(id) {}

Session::~Session() = default;

void Session::setExpiryInterval(std::uint32_t seconds) {
    std::lock_guard lock(mutex_);
    expiryInterval_ = seconds;
}

std::uint32_t Session::expiryInterval() const {
    std::lock_guard lock(mutex_);
    return expiryInterval_;
}

bool Session::persistent() const {
    return expiryInterval() > 0 && context_.store != nullptr;
}

void Session::attach(std::shared_ptr<SessionLink> link) {
    std::lock_guard lock(mutex_);
    link_ = std::move(link);
    disconnectedAt_.reset();
    lastProgress_ = Clock::now();
    pendingWill_.reset();  // reconnecting within the will delay cancels the will
    // Resend what the client had not acknowledged, in order (MQTT 5 §4.4).
    for (auto& inflight : inflight_) {
        if (inflight.awaitingPubcomp) {
            link_->sendPubrel(inflight.packetId);
        } else {
            sendLocked(inflight, true);
        }
    }
    std::erase_if(inflight_, [](const Inflight& f) { return f.entry.message == nullptr; });
    pumpLocked();
}

void Session::detach(const SessionLink* link) {
    std::lock_guard lock(mutex_);
    if (link_.get() != link) {
        return;
    }
    link_.reset();
    disconnectedAt_ = Clock::now();
    releaseDrainWaitersLocked();  // publishers must not wait for a client that left
}

void Session::markDisconnected(Clock::time_point when) {
    std::lock_guard lock(mutex_);
    if (!link_) {
        disconnectedAt_ = when;
    }
}

bool Session::online() const {
    std::lock_guard lock(mutex_);
    return link_ != nullptr;
}

std::optional<Session::Clock::time_point> Session::disconnectedAt() const {
    std::lock_guard lock(mutex_);
    return disconnectedAt_;
}

void Session::kick(std::uint8_t reason) {
    std::shared_ptr<SessionLink> link;
    {
        std::lock_guard lock(mutex_);
        link = link_;
    }
    if (link) {
        link->disconnect(reason);
    }
}

bool Session::deliver(const MessagePtr& message, const MatchedSubscriber& match, bool retainFlag,
                      const AckBarrierPtr& barrier) {
    if (message->expired(std::chrono::system_clock::now())) {
        BrokerCounters::add(context_.counters.messagesExpired);
        recordDiscarded(observe::HopKind::Expired, *message, "message expiry interval");
        return false;
    }
    OutboundMessage entry{message, std::min(message->qos, match.maxQos), retainFlag,
                          match.subscriptionIds, 0};
    std::lock_guard lock(mutex_);
    if (entry.qos == 0) {
        // QoS 0 is not queued for offline sessions, and is the first to go when a
        // client reads too slowly.
        if (!link_) {
            return false;
        }
        PublishParams params{0, entry.retainFlag, false, 0, &entry.subscriptionIds};
        if (link_->sendPublish(*message, params, true) != SendResult::Sent) {
            BrokerCounters::add(context_.counters.messagesDropped);
            recordDiscarded(observe::HopKind::Dropped, *message,
                            "QoS 0 to a client that reads too slowly");
        }
        return false;
    }
    if (queue_.size() + inflight_.size() >= context_.config.limits.maxQueued) {
        BrokerCounters::add(context_.counters.messagesDropped);
        recordDiscarded(observe::HopKind::Dropped, *message,
                        "MQTT session queue full (max_queued_messages)");
        return link_ != nullptr;
    }
    if (expiryInterval_ > 0 && context_.store != nullptr) {
        persist(entry, barrier);
    }
    enqueueLocked(std::move(entry));
    pumpLocked();
    return link_ != nullptr && queue_.size() >= kQueueHighWater &&
           Clock::now() - lastProgress_ < kStuckAfter;
}

void Session::whenDrained(std::function<void()> resume) {
    std::lock_guard lock(mutex_);
    if (!link_ || queue_.size() < kQueueLowWater) {
        resume();
        return;
    }
    drainWaiters_.push_back(std::move(resume));
}

void Session::releaseDrainWaitersLocked() {
    for (auto& resume : drainWaiters_) {
        resume();
    }
    drainWaiters_.clear();
}

void Session::persist(OutboundMessage& entry, const AckBarrierPtr& barrier) {
    entry.storeSequence = nextStoreSequence_++;
    BrokerCounters::add(context_.counters.storedMessages);
    if (barrier) {
        barrier->hold();
        context_.store->appendMessage(
            storeQueueName(), entry.storeSequence, encodeQueuedBlob(entry),
            [barrier](const Status& status) { barrier->release(status.ok()); });
    } else {
        context_.store->appendMessage(storeQueueName(), entry.storeSequence,
                                      encodeQueuedBlob(entry));
    }
}

void Session::recordDiscarded(observe::HopKind kind, const Message& message, const char* why) {
    if (context_.hops.active()) {
        context_.hops.record({.time = std::chrono::system_clock::now(),
                              .kind = kind,
                              .messageId = message.id,
                              .protocol = "mqtt",
                              .clientId = clientId_,
                              .destination = message.topic,
                              .count = 0,
                              .detail = why});
    }
}

void Session::recordAcked(const Message& message) {
    if (context_.hops.active()) {
        context_.hops.record({.time = std::chrono::system_clock::now(),
                              .kind = observe::HopKind::Acked,
                              .messageId = message.id,
                              .protocol = "mqtt",
                              .clientId = clientId_,
                              .destination = message.topic,
                              .count = 0});
    }
}

void Session::forget(const OutboundMessage& entry) {
    if (entry.storeSequence != 0 && context_.store != nullptr) {
        context_.counters.storedMessages.fetch_sub(1, std::memory_order_relaxed);
        context_.store->removeMessage(storeQueueName(), entry.storeSequence);
    }
}

bool Session::enqueueLocked(OutboundMessage entry) {
    queue_.push_back(std::move(entry));
    return true;
}

void Session::pumpLocked() {
    if (!link_) {
        return;
    }
    const auto window = link_->sendWindow();
    const auto now = std::chrono::system_clock::now();
    while (!queue_.empty() && inflight_.size() < window) {
        auto entry = std::move(queue_.front());
        queue_.pop_front();
        if (entry.message->expired(now)) {
            BrokerCounters::add(context_.counters.messagesExpired);
            recordDiscarded(observe::HopKind::Expired, *entry.message, "message expiry interval");
            forget(entry);
            continue;
        }
        inflight_.push_back(Inflight{std::move(entry), nextPacketIdLocked(), false});
        if (!sendLocked(inflight_.back(), false)) {
            inflight_.pop_back();
        }
    }
    if (!drainWaiters_.empty() && queue_.size() < kQueueLowWater) {
        releaseDrainWaitersLocked();
    }
}

// Returns false when the message could not be sent and was discarded.
bool Session::sendLocked(Inflight& inflight, bool dup) {
    PublishParams params{inflight.entry.qos, inflight.entry.retainFlag, dup, inflight.packetId,
                         &inflight.entry.subscriptionIds};
    const auto result = link_->sendPublish(*inflight.entry.message, params, false);
    if (result == SendResult::TooLarge) {
        // MQTT 5 §3.1.2.11.4: discarded as if it had been delivered.
        BrokerCounters::add(context_.counters.messagesDropped);
        recordDiscarded(observe::HopKind::Dropped, *inflight.entry.message,
                        "larger than the client's maximum packet size");
        forget(inflight.entry);
        inflight.entry.message = nullptr;
        return false;
    }
    return true;
}

std::uint16_t Session::nextPacketIdLocked() {
    for (;;) {
        lastPacketId_ = static_cast<std::uint16_t>(lastPacketId_ == 65535 ? 1 : lastPacketId_ + 1);
        const auto inUse =
            std::any_of(inflight_.begin(), inflight_.end(),
                        [this](const Inflight& f) { return f.packetId == lastPacketId_; });
        if (!inUse) {
            return lastPacketId_;
        }
    }
}

bool Session::onPuback(std::uint16_t packetId) {
    std::lock_guard lock(mutex_);
    auto it = std::find_if(inflight_.begin(), inflight_.end(), [packetId](const Inflight& f) {
        return f.packetId == packetId && f.entry.qos == 1;
    });
    if (it == inflight_.end()) {
        return false;
    }
    lastProgress_ = Clock::now();
    recordAcked(*it->entry.message);
    forget(it->entry);
    inflight_.erase(it);
    pumpLocked();
    return true;
}

bool Session::onPubrec(std::uint16_t packetId, bool accepted) {
    std::lock_guard lock(mutex_);
    auto it = std::find_if(inflight_.begin(), inflight_.end(), [packetId](const Inflight& f) {
        return f.packetId == packetId && f.entry.qos == 2;
    });
    if (it == inflight_.end()) {
        return false;
    }
    if (!accepted) {
        forget(it->entry);
        inflight_.erase(it);
        pumpLocked();
        return true;
    }
    it->awaitingPubcomp = true;
    lastProgress_ = Clock::now();
    if (link_) {
        link_->sendPubrel(packetId);
    }
    return true;
}

bool Session::onPubcomp(std::uint16_t packetId) {
    std::lock_guard lock(mutex_);
    auto it = std::find_if(inflight_.begin(), inflight_.end(), [packetId](const Inflight& f) {
        return f.packetId == packetId && f.awaitingPubcomp;
    });
    if (it == inflight_.end()) {
        return false;
    }
    lastProgress_ = Clock::now();
    recordAcked(*it->entry.message);
    forget(it->entry);
    inflight_.erase(it);
    pumpLocked();
    return true;
}

bool Session::rememberIncomingQos2(std::uint16_t packetId) {
    std::lock_guard lock(mutex_);
    return incomingQos2_.insert(packetId).second;
}

bool Session::releaseIncomingQos2(std::uint16_t packetId) {
    std::lock_guard lock(mutex_);
    return incomingQos2_.erase(packetId) > 0;
}

void Session::putSubscription(const SessionSubscription& subscription) {
    std::lock_guard lock(mutex_);
    for (auto& existing : subscriptions_) {
        if (existing.filter == subscription.filter &&
            existing.shareGroup == subscription.shareGroup) {
            existing = subscription;
            return;
        }
    }
    subscriptions_.push_back(subscription);
}

void Session::removeSubscription(const std::string& filter, const std::string& shareGroup) {
    std::lock_guard lock(mutex_);
    std::erase_if(subscriptions_, [&](const SessionSubscription& s) {
        return s.filter == filter && s.shareGroup == shareGroup;
    });
}

std::vector<SessionSubscription> Session::subscriptions() const {
    std::lock_guard lock(mutex_);
    return subscriptions_;
}

void Session::restoreQueued(OutboundMessage message) {
    std::lock_guard lock(mutex_);
    nextStoreSequence_ = std::max(nextStoreSequence_, message.storeSequence + 1);
    BrokerCounters::add(context_.counters.storedMessages);
    queue_.push_back(std::move(message));
}

void Session::setNextStoreSequence(std::uint64_t next) {
    std::lock_guard lock(mutex_);
    nextStoreSequence_ = std::max(nextStoreSequence_, next);
}

void Session::discard() {
    std::lock_guard lock(mutex_);
    for (const auto& entry : queue_) {
        if (entry.storeSequence != 0) {
            context_.counters.storedMessages.fetch_sub(1, std::memory_order_relaxed);
        }
    }
    for (const auto& inflight : inflight_) {
        if (inflight.entry.storeSequence != 0) {
            context_.counters.storedMessages.fetch_sub(1, std::memory_order_relaxed);
        }
    }
    queue_.clear();
    inflight_.clear();
    releaseDrainWaitersLocked();
    incomingQos2_.clear();
    subscriptions_.clear();
    if (context_.store != nullptr) {
        context_.store->dropQueue(storeQueueName());
    }
}

std::size_t Session::queuedCount() const {
    std::lock_guard lock(mutex_);
    return queue_.size();
}

std::size_t Session::inflightCount() const {
    std::lock_guard lock(mutex_);
    return inflight_.size();
}

void Session::setPendingWill(MessagePtr will, Clock::time_point due) {
    std::lock_guard lock(mutex_);
    pendingWill_ = std::move(will);
    willDue_ = due;
}

MessagePtr Session::takeDueWill(Clock::time_point now, bool force) {
    std::lock_guard lock(mutex_);
    if (!pendingWill_ || (!force && now < willDue_)) {
        return nullptr;
    }
    return std::exchange(pendingWill_, nullptr);
}

}  // namespace sbx::broker
