#include "classic_queue.h"

#include <algorithm>

#include "sbx/broker/amqp/expiration.h"

namespace sbx::broker::amqp {

ClassicQueue::ClassicQueue(QueueSettings settings, QueueOwner* owner,
                           std::shared_ptr<QueueStoreHooks> hooks, TimePoint now)
    : Queue(std::move(settings), owner, std::move(hooks)), lastUsed_(now) {
    ready_.resize(std::size_t{this->settings().parsed.maxPriority.value_or(0)} + 1);
}

void ClassicQueue::finish(Aftermath& after, TimePoint now) {
    QueueOwner* host = owner();
    if (host == nullptr) {
        return;
    }
    if (!after.deadLetters.empty()) {
        host->deadLetter(*this, std::move(after.deadLetters), now);
    }
    if (after.lastConsumerGone) {
        host->lastConsumerGone(*this);
    }
}

// --- ready messages

std::map<std::uint64_t, ClassicQueue::Entry>* ClassicQueue::headLevel() {
    for (auto level = ready_.rbegin(); level != ready_.rend(); ++level) {
        if (!level->empty()) {
            return &*level;
        }
    }
    return nullptr;
}

void ClassicQueue::pushReady(Entry entry) {
    ++readyCount_;
    readyBytes_ += entry.message->size();
    const std::uint64_t seq = entry.seq;
    ready_[entry.priority].emplace(seq, std::move(entry));
}

ClassicQueue::Entry ClassicQueue::popHead() {
    auto* level = headLevel();
    auto node = level->extract(level->begin());
    --readyCount_;
    readyBytes_ -= node.mapped().message->size();
    return std::move(node.mapped());
}

ClassicQueue::Entry ClassicQueue::makeEntry(AmqpMessagePtr message, TimePoint now) {
    Entry entry;
    const auto& parsed = settings().parsed;
    std::optional<std::int64_t> ttl = parsed.messageTtlMs;
    // Refused at publish when malformed, so an error here cannot happen; ignore it.
    if (auto perMessage = parseExpiration(message->properties); perMessage.ok() && *perMessage) {
        ttl = ttl ? std::min(*ttl, **perMessage) : **perMessage;
    }
    if (ttl) {
        entry.expiresAt = now + Milliseconds(*ttl);
    }
    if (parsed.maxPriority) {
        entry.priority = std::min(message->properties.priority.value_or(0), *parsed.maxPriority);
    }
    entry.seq = nextSeq_++;
    entry.message = std::move(message);
    return entry;
}

// --- delivery

ClassicQueue::Consumer* ClassicQueue::pickConsumer() {
    const auto canTake = [](const Consumer& c) {
        return !c.blocked && (c.noAck || c.prefetch == 0 || c.unacked < c.prefetch);
    };
    if (consumers_.empty()) {
        return nullptr;
    }
    if (settings().parsed.singleActiveConsumer) {
        return canTake(consumers_.front()) ? &consumers_.front() : nullptr;
    }
    for (std::size_t i = 0; i < consumers_.size(); ++i) {
        const std::size_t index = (roundRobin_ + i) % consumers_.size();
        if (canTake(consumers_[index])) {
            roundRobin_ = index + 1;
            return &consumers_[index];
        }
    }
    return nullptr;
}

bool ClassicQueue::deliver(Consumer& consumer, Entry entry) {
    Delivery delivery;
    delivery.message = entry.message;
    delivery.queue = name();
    delivery.channel = consumer.channel;
    delivery.consumer = consumer.id;
    delivery.consumerTag = consumer.tag;
    delivery.id = consumer.noAck ? 0 : nextDelivery_;
    delivery.redelivered = entry.redelivered;
    delivery.deliveryCount = entry.deliveryCount;
    if (!consumer.sink->deliver(delivery)) {
        consumer.blocked = true;
        pushReady(std::move(entry));
        return false;
    }
    ++counters_.delivered;
    counters_.redelivered += entry.redelivered ? 1 : 0;
    if (consumer.noAck) {
        ++counters_.acked;
        removed(*entry.message);
        return true;
    }
    markDelivered(entry);
    ++nextDelivery_;
    ++consumer.unacked;
    unackedBytes_ += entry.message->size();
    unacked_.emplace(delivery.id, Unacked{std::move(entry), consumer.channel, consumer.id});
    return true;
}

void ClassicQueue::dispatch(TimePoint now, Aftermath& after) {
    while (auto* level = headLevel()) {
        const Entry& head = level->begin()->second;
        if (head.expiresAt && now >= *head.expiresAt) {
            Entry expired = popHead();
            ++counters_.expired;
            discard(expired, DeadLetterReason::Expired, after);
            continue;
        }
        Consumer* consumer = pickConsumer();
        if (consumer == nullptr) {
            return;
        }
        deliver(*consumer, popHead());
    }
}

// The store learns of a message's first delivery only: a redelivered one was told already
// (or came back from the store marked so).
void ClassicQueue::markDelivered(const Entry& entry) const {
    if (!entry.redelivered) {
        delivered(*entry.message);
    }
}

// --- limits and dead letters

void ClassicQueue::expireHeads(TimePoint now, Aftermath& after) {
    for (auto& level : ready_) {
        while (!level.empty() && level.begin()->second.expiresAt &&
               now >= *level.begin()->second.expiresAt) {
            auto node = level.extract(level.begin());
            --readyCount_;
            readyBytes_ -= node.mapped().message->size();
            ++counters_.expired;
            discard(node.mapped(), DeadLetterReason::Expired, after);
        }
    }
}

bool ClassicQueue::wouldOverflow(const AmqpMessage& message) const {
    const auto& parsed = settings().parsed;
    const bool tooMany =
        parsed.maxLength && static_cast<std::int64_t>(readyCount_) + 1 > *parsed.maxLength;
    const bool tooBig =
        parsed.maxLengthBytes &&
        static_cast<std::int64_t>(readyBytes_ + message.size()) > *parsed.maxLengthBytes;
    return tooMany || tooBig;
}

void ClassicQueue::enforceMaxLength(Aftermath& after) {
    const auto& parsed = settings().parsed;
    const auto overLimit = [&] {
        return (parsed.maxLength && static_cast<std::int64_t>(readyCount_) > *parsed.maxLength) ||
               (parsed.maxLengthBytes &&
                static_cast<std::int64_t>(readyBytes_) > *parsed.maxLengthBytes);
    };
    while (hasReady() && overLimit()) {
        Entry dropped = popHead();
        ++counters_.dropped;
        discard(dropped, DeadLetterReason::MaxLen, after);
    }
}

void ClassicQueue::discard(const Entry& entry, DeadLetterReason reason, Aftermath& after) {
    removed(*entry.message);
    if (QueueOwner* host = owner()) {
        host->discarded(*this, *entry.message,
                        reason == DeadLetterReason::Expired  ? DiscardKind::Expired
                        : reason == DeadLetterReason::MaxLen ? DiscardKind::MaxLenDropHead
                                                             : DiscardKind::Rejected);
    }
    if (settings().parsed.deadLetterExchange) {
        ++counters_.deadLettered;
        after.deadLetters.push_back({entry.message, reason});
    }
}

// --- publish side

Queue::EnqueueResult ClassicQueue::enqueue(AmqpMessagePtr message, TimePoint now) {
    Aftermath after;
    EnqueueResult result = EnqueueResult::Accepted;
    {
        std::lock_guard lock(mutex_);
        if (closed_) {
            return EnqueueResult::Closed;
        }
        const Overflow overflow = settings().parsed.overflow;
        if (overflow != Overflow::DropHead && wouldOverflow(*message)) {
            ++counters_.rejectedPublishes;
            if (QueueOwner* host = owner()) {
                host->discarded(*this, *message, DiscardKind::RejectPublish);
            }
            if (overflow == Overflow::RejectPublishDlx && settings().parsed.deadLetterExchange) {
                ++counters_.deadLettered;
                after.deadLetters.push_back({std::move(message), DeadLetterReason::MaxLen});
            }
            result = EnqueueResult::Rejected;
        } else {
            ++counters_.published;
            stored(*message);
            Entry entry = makeEntry(std::move(message), now);
            // Straight to a waiting consumer, before any TTL check: RabbitMQ hands even
            // a TTL-0 message to a consumer that can take it at once.
            Consumer* consumer = hasReady() ? nullptr : pickConsumer();
            if (consumer == nullptr) {
                pushReady(std::move(entry));
                enforceMaxLength(after);
            } else if (!deliver(*consumer, std::move(entry))) {
                enforceMaxLength(after);  // deliver() put it back
            }
            dispatch(now, after);
        }
    }
    finish(after, now);
    return result;
}

void ClassicQueue::restore(AmqpMessagePtr message, bool redelivered, TimePoint enqueuedAt) {
    std::lock_guard lock(mutex_);
    Entry entry = makeEntry(std::move(message), enqueuedAt);
    entry.redelivered = redelivered;
    entry.deliveryCount = redelivered ? 1 : 0;
    pushReady(std::move(entry));
}

// --- consumers

AmqpResult<ConsumerId> ClassicQueue::consume(ConsumeRequest request, TimePoint now) {
    Aftermath after;
    ConsumerId id = 0;
    {
        std::lock_guard lock(mutex_);
        const bool exclusiveInUse = std::any_of(consumers_.begin(), consumers_.end(),
                                                [](const Consumer& c) { return c.exclusive; });
        if (exclusiveInUse || (request.exclusive && !consumers_.empty())) {
            return AmqpError::make(ReplyCode::AccessRefused, resource() + " in exclusive use");
        }
        id = nextConsumer_++;
        consumers_.push_back(Consumer{id, std::move(request.consumerTag), request.channel,
                                      request.noAck, request.exclusive, request.prefetch, 0, false,
                                      std::move(request.sink)});
        hadConsumer_ = true;
        lastUsed_ = now;
        dispatch(now, after);
    }
    finish(after, now);
    return id;
}

ClassicQueue::Consumer* ClassicQueue::findConsumer(ConsumerId id) {
    auto it = std::find_if(consumers_.begin(), consumers_.end(),
                           [id](const Consumer& c) { return c.id == id; });
    return it == consumers_.end() ? nullptr : &*it;
}

void ClassicQueue::removeConsumer(std::vector<Consumer>::iterator it, TimePoint now,
                                  Aftermath& after) {
    const auto index = static_cast<std::size_t>(it - consumers_.begin());
    consumers_.erase(it);
    if (roundRobin_ > index) {
        --roundRobin_;
    }
    lastUsed_ = now;
    if (consumers_.empty() && settings().autoDelete) {
        after.lastConsumerGone = true;
    }
}

bool ClassicQueue::cancel(ConsumerId consumer, TimePoint now) {
    Aftermath after;
    {
        std::lock_guard lock(mutex_);
        auto it = std::find_if(consumers_.begin(), consumers_.end(),
                               [consumer](const Consumer& c) { return c.id == consumer; });
        if (it == consumers_.end()) {
            return false;
        }
        removeConsumer(it, now, after);
        dispatch(now, after);  // single-active-consumer: the next one takes over
    }
    finish(after, now);
    return true;
}

void ClassicQueue::resume(ConsumerId consumer, TimePoint now) {
    Aftermath after;
    {
        std::lock_guard lock(mutex_);
        if (Consumer* c = findConsumer(consumer)) {
            c->blocked = false;
            dispatch(now, after);
        }
    }
    finish(after, now);
}

AmqpResult<std::optional<Delivery>> ClassicQueue::get(ChannelId channel, bool noAck,
                                                      TimePoint now) {
    Aftermath after;
    std::optional<Delivery> delivery;
    {
        std::lock_guard lock(mutex_);
        lastUsed_ = now;
        dispatch(now, after);  // drops expired heads; consumers would have taken the rest
        if (hasReady()) {
            Entry entry = popHead();
            delivery.emplace();
            delivery->message = entry.message;
            delivery->queue = name();
            delivery->channel = channel;
            delivery->id = noAck ? 0 : nextDelivery_++;
            delivery->redelivered = entry.redelivered;
            delivery->deliveryCount = entry.deliveryCount;
            delivery->messageCount = static_cast<std::uint32_t>(readyCount_);
            ++counters_.delivered;
            counters_.redelivered += entry.redelivered ? 1 : 0;
            if (noAck) {
                ++counters_.acked;
                removed(*entry.message);
            } else {
                markDelivered(entry);
                unackedBytes_ += entry.message->size();
                unacked_.emplace(delivery->id, Unacked{std::move(entry), channel, 0});
            }
        }
    }
    finish(after, now);
    return delivery;
}

// --- acknowledgements

void ClassicQueue::settle(Unacked& unacked) {
    unackedBytes_ -= unacked.entry.message->size();
    if (Consumer* consumer = findConsumer(unacked.consumer)) {
        --consumer->unacked;
    }
}

std::size_t ClassicQueue::ack(std::span<const DeliveryId> ids, TimePoint now) {
    Aftermath after;
    std::size_t found = 0;
    {
        std::lock_guard lock(mutex_);
        for (const DeliveryId id : ids) {
            auto node = unacked_.extract(id);
            if (node.empty()) {
                continue;
            }
            ++found;
            settle(node.mapped());
            ++counters_.acked;
            removed(*node.mapped().entry.message);
        }
        dispatch(now, after);
    }
    finish(after, now);
    return found;
}

std::size_t ClassicQueue::reject(std::span<const DeliveryId> ids, bool requeue, TimePoint now) {
    Aftermath after;
    std::size_t found = 0;
    {
        std::lock_guard lock(mutex_);
        for (const DeliveryId id : ids) {
            auto node = unacked_.extract(id);
            if (node.empty()) {
                continue;
            }
            ++found;
            Unacked& unacked = node.mapped();
            settle(unacked);
            if (requeue) {
                unacked.entry.redelivered = true;
                ++unacked.entry.deliveryCount;
                pushReady(std::move(unacked.entry));
            } else {
                ++counters_.rejected;
                discard(unacked.entry, DeadLetterReason::Rejected, after);
            }
        }
        if (requeue) {
            enforceMaxLength(after);
        }
        dispatch(now, after);
    }
    finish(after, now);
    return found;
}

void ClassicQueue::channelClosed(ChannelId channel, TimePoint now) {
    Aftermath after;
    {
        std::lock_guard lock(mutex_);
        for (auto it = unacked_.begin(); it != unacked_.end();) {
            if (it->second.channel != channel) {
                ++it;
                continue;
            }
            Unacked& unacked = it->second;
            unackedBytes_ -= unacked.entry.message->size();
            unacked.entry.redelivered = true;
            ++unacked.entry.deliveryCount;
            pushReady(std::move(unacked.entry));
            it = unacked_.erase(it);
        }
        const bool hadAny = !consumers_.empty();
        for (auto it = consumers_.begin(); it != consumers_.end();) {
            if (it->channel == channel) {
                const auto index = static_cast<std::size_t>(it - consumers_.begin());
                it = consumers_.erase(it);
                roundRobin_ -= roundRobin_ > index ? 1 : 0;
                lastUsed_ = now;
            } else {
                ++it;
            }
        }
        if (hadAny && consumers_.empty() && settings().autoDelete) {
            after.lastConsumerGone = true;
        }
        enforceMaxLength(after);
        dispatch(now, after);
    }
    finish(after, now);
}

// --- housekeeping

void ClassicQueue::tick(TimePoint now) {
    Aftermath after;
    {
        std::lock_guard lock(mutex_);
        expireHeads(now, after);
        dispatch(now, after);
    }
    finish(after, now);
}

std::size_t ClassicQueue::purge() {
    std::lock_guard lock(mutex_);
    const std::size_t count = readyCount_;
    for (auto& level : ready_) {
        for (auto& [seq, entry] : level) {
            removed(*entry.message);
        }
        level.clear();
    }
    readyCount_ = 0;
    readyBytes_ = 0;
    return count;
}

std::size_t ClassicQueue::close() {
    std::vector<Consumer> cancelled;
    std::size_t count = 0;
    {
        std::lock_guard lock(mutex_);
        closed_ = true;
        cancelled.swap(consumers_);
        for (auto& [id, unacked] : unacked_) {
            removed(*unacked.entry.message);
        }
        unacked_.clear();
        unackedBytes_ = 0;
    }
    count = purge();
    for (const auto& consumer : cancelled) {
        consumer.sink->cancelledByBroker(consumer.tag);
    }
    return count;
}

void ClassicQueue::markUsed(TimePoint now) {
    std::lock_guard lock(mutex_);
    lastUsed_ = now;
}

bool ClassicQueue::unusedExpired(TimePoint now) const {
    std::lock_guard lock(mutex_);
    const auto& expires = settings().parsed.expiresMs;
    return expires && consumers_.empty() && now >= lastUsed_ + Milliseconds(*expires);
}

bool ClassicQueue::autoDeletable() const {
    std::lock_guard lock(mutex_);
    return settings().autoDelete && hadConsumer_ && consumers_.empty();
}

std::vector<PeekedMessage> ClassicQueue::peek(std::size_t maxCount) const {
    std::lock_guard lock(mutex_);
    std::vector<PeekedMessage> out;
    out.reserve(std::min(maxCount, readyCount_));
    // The order deliveries take: highest priority first, publish order within one.
    for (auto level = ready_.rbegin(); level != ready_.rend() && out.size() < maxCount; ++level) {
        for (const auto& [seq, entry] : *level) {
            if (out.size() == maxCount) {
                break;
            }
            out.push_back(PeekedMessage{entry.message, entry.redelivered});
        }
    }
    return out;
}

QueueStats ClassicQueue::stats() const {
    std::lock_guard lock(mutex_);
    QueueStats stats = counters_;
    stats.ready = readyCount_;
    stats.readyBytes = readyBytes_;
    stats.unacked = unacked_.size();
    stats.unackedBytes = unackedBytes_;
    stats.consumers = consumers_.size();
    return stats;
}

}  // namespace sbx::broker::amqp
