#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <vector>

#include "queue_owner.h"
#include "sbx/broker/amqp/queue.h"

namespace sbx::broker::amqp {

// RabbitMQ's classic queue: ready messages in publish order (one sub-queue per priority
// up to x-max-priority), unacked deliveries, consumers served round robin within their
// prefetch (or only the first, with single-active-consumer), TTL from the head, length
// limits, dead-lettering.
class ClassicQueue final : public Queue {
public:
    ClassicQueue(QueueSettings settings, QueueOwner* owner, std::shared_ptr<QueueStoreHooks> hooks,
                 TimePoint now);

    using Queue::ack;
    using Queue::reject;

    AmqpResult<ConsumerId> consume(ConsumeRequest request, TimePoint now) override;
    bool cancel(ConsumerId consumer, TimePoint now) override;
    void resume(ConsumerId consumer, TimePoint now) override;
    AmqpResult<std::optional<Delivery>> get(ChannelId channel, bool noAck, TimePoint now) override;
    std::size_t ack(std::span<const DeliveryId> ids, TimePoint now) override;
    std::size_t reject(std::span<const DeliveryId> ids, bool requeue, TimePoint now) override;
    void channelClosed(ChannelId channel, TimePoint now) override;
    void tick(TimePoint now) override;
    [[nodiscard]] QueueStats stats() const override;
    [[nodiscard]] std::vector<PeekedMessage> peek(std::size_t maxCount) const override;

protected:
    EnqueueResult enqueue(AmqpMessagePtr message, TimePoint now) override;
    void restore(AmqpMessagePtr message, bool redelivered, TimePoint enqueuedAt) override;
    std::size_t purge() override;
    std::size_t close() override;
    void markUsed(TimePoint now) override;
    [[nodiscard]] bool unusedExpired(TimePoint now) const override;
    [[nodiscard]] bool autoDeletable() const override;

private:
    struct Entry {
        AmqpMessagePtr message;
        std::uint64_t seq = 0;  // publish order; requeued messages go back to their place
        std::optional<TimePoint> expiresAt;
        bool redelivered = false;
        std::uint32_t deliveryCount = 0;
        std::uint8_t priority = 0;
    };
    struct Unacked {
        Entry entry;
        ChannelId channel = 0;
        ConsumerId consumer = 0;  // 0: basic.get
    };
    struct Consumer {
        ConsumerId id = 0;
        std::string tag;
        ChannelId channel = 0;
        bool noAck = false;
        bool exclusive = false;
        std::uint16_t prefetch = 0;
        std::size_t unacked = 0;
        bool blocked = false;
        std::shared_ptr<ConsumerSink> sink;
    };
    // Work found under the lock and finished after it is released.
    struct Aftermath {
        std::vector<DeadLetter> deadLetters;
        bool lastConsumerGone = false;
    };

    void finish(Aftermath& after, TimePoint now);

    // The rest requires mutex_.
    [[nodiscard]] bool hasReady() const { return readyCount_ > 0; }
    std::map<std::uint64_t, Entry>* headLevel();
    void pushReady(Entry entry);
    Entry popHead();
    Entry makeEntry(AmqpMessagePtr message, TimePoint now);
    void dispatch(TimePoint now, Aftermath& after);
    Consumer* pickConsumer();
    bool deliver(Consumer& consumer, Entry entry);
    void markDelivered(const Entry& entry) const;
    void expireHeads(TimePoint now, Aftermath& after);
    void enforceMaxLength(Aftermath& after);
    [[nodiscard]] bool wouldOverflow(const AmqpMessage& message) const;
    void discard(const Entry& entry, DeadLetterReason reason, Aftermath& after);
    Consumer* findConsumer(ConsumerId id);
    void removeConsumer(std::vector<Consumer>::iterator it, TimePoint now, Aftermath& after);
    void settle(Unacked& unacked);

    mutable std::mutex mutex_;
    std::vector<std::map<std::uint64_t, Entry>> ready_;  // index = priority
    std::size_t readyCount_ = 0;
    std::size_t readyBytes_ = 0;
    std::unordered_map<DeliveryId, Unacked> unacked_;
    std::size_t unackedBytes_ = 0;
    std::vector<Consumer> consumers_;  // in registration order (SAC: the first is active)
    std::size_t roundRobin_ = 0;
    std::uint64_t nextSeq_ = 1;
    DeliveryId nextDelivery_ = 1;
    ConsumerId nextConsumer_ = 1;
    QueueStats counters_;
    TimePoint lastUsed_;
    bool hadConsumer_ = false;
    bool closed_ = false;
};

}  // namespace sbx::broker::amqp
