#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "sbx/broker/amqp/amqp_message.h"
#include "sbx/broker/amqp/amqp_result.h"
#include "sbx/broker/amqp/consume_request.h"
#include "sbx/broker/amqp/delivery.h"
#include "sbx/broker/amqp/ids.h"
#include "sbx/broker/amqp/queue_arguments.h"
#include "sbx/broker/amqp/queue_stats.h"
#include "sbx/broker/amqp/store_hooks.h"
#include "sbx/broker/amqp/stream_offset.h"

namespace sbx::broker::amqp {

// A queue as declared.
struct QueueSettings {
    std::string name;
    std::string vhost;
    bool durable = false;
    bool exclusive = false;
    bool autoDelete = false;
    ConnectionId owner = 0;  // the connection of an exclusive queue
    FieldTable arguments;    // as declared, for the equivalence check of a redeclare
    QueueArguments parsed;
};

class QueueOwner;
class QueueAccess;

// A ready message seen by Queue::peek.
struct PeekedMessage {
    AmqpMessagePtr message;
    bool redelivered = false;
};

// A stream message read at its offset by Queue::readStream.
struct StreamRecord {
    AmqpMessagePtr message;
    std::int64_t offset = 0;
    TimePoint storedAt{};
};

// A classic or stream queue. VirtualHost creates them (declareQueue) and hands out
// shared handles; the connection layer then consumes, gets, acks and rejects here.
// Checks that need the connection (exclusive queues) are made by VirtualHost::consume /
// get before a handle is used.
//
// Thread safety: every operation locks the queue's own mutex; no two queues' locks are
// ever held together. Dead letters produced under the lock are routed after it is
// released. ConsumerSink and QueueStoreHooks calls happen under the lock.
class Queue {
public:
    virtual ~Queue();
    Queue(const Queue&) = delete;
    Queue& operator=(const Queue&) = delete;

    [[nodiscard]] const QueueSettings& settings() const { return settings_; }
    [[nodiscard]] const std::string& name() const { return settings_.name; }
    [[nodiscard]] QueueType type() const { return settings_.parsed.type; }
    // "queue 'q1' in vhost '/'", as RabbitMQ names resources in reply texts.
    [[nodiscard]] std::string resource() const;

    // basic.consume. Delivers what is ready right away. 403 when an exclusive consumer
    // is in the way; streams: 540 for no-ack, 406 without prefetch or a bad offset.
    virtual AmqpResult<ConsumerId> consume(ConsumeRequest request, TimePoint now) = 0;
    // basic.cancel. Unacked deliveries stay with the channel. false: unknown consumer.
    virtual bool cancel(ConsumerId consumer, TimePoint now) = 0;
    // The consumer's channel can take messages again after its sink returned false.
    virtual void resume(ConsumerId consumer, TimePoint now) = 0;
    // basic.get: nullopt when nothing is ready (get-empty). Streams: 540.
    virtual AmqpResult<std::optional<Delivery>> get(ChannelId channel, bool noAck,
                                                    TimePoint now) = 0;

    // basic.ack; returns how many of `ids` were outstanding (the rest are ignored).
    virtual std::size_t ack(std::span<const DeliveryId> ids, TimePoint now) = 0;
    // basic.reject / basic.nack. requeue: back to their original place at the head,
    // marked redelivered; otherwise dead-lettered (reason "rejected") or dropped.
    virtual std::size_t reject(std::span<const DeliveryId> ids, bool requeue, TimePoint now) = 0;
    bool ack(DeliveryId id, TimePoint now) { return ack(std::span(&id, 1), now) == 1; }
    bool reject(DeliveryId id, bool requeue, TimePoint now) {
        return reject(std::span(&id, 1), requeue, now) == 1;
    }
    // The channel closed: its consumers go, its unacked deliveries are requeued.
    virtual void channelClosed(ChannelId channel, TimePoint now) = 0;

    // Expires messages (TTL) at the head. VirtualHost::tick calls it for every queue.
    virtual void tick(TimePoint now) = 0;

    [[nodiscard]] virtual QueueStats stats() const = 0;

    // Up to `maxCount` ready messages from the head, in delivery order, copied under the
    // queue's lock without consuming them (for browsing). Queues that cannot browse this
    // way (streams: read them from an offset instead) return none.
    [[nodiscard]] virtual std::vector<PeekedMessage> peek(std::size_t /*maxCount*/) const {
        return {};
    }
    // Streams: up to `maxCount` retained messages from `from` on, copied under the lock.
    // A read, not a consumer: no delivery is counted, no credit taken, nothing changes.
    // Other queues return none.
    [[nodiscard]] virtual std::vector<StreamRecord> readStream(const OffsetSpec& /*from*/,
                                                               std::size_t /*maxCount*/) const {
        return {};
    }

protected:
    Queue(QueueSettings settings, QueueOwner* owner, std::shared_ptr<QueueStoreHooks> hooks);

    [[nodiscard]] QueueOwner* owner() const { return owner_.load(); }
    // Persistent messages in durable queues only, every message of a stream (see
    // QueueStoreHooks).
    [[nodiscard]] bool kept(const AmqpMessage& message) const;
    void stored(const AmqpMessage& message) const;
    void streamStored(const AmqpMessage& message, std::int64_t offset) const;
    void removed(const AmqpMessage& message) const;
    void delivered(const AmqpMessage& message) const;

    // What VirtualHost needs beyond the public surface (called through QueueAccess).
    enum class EnqueueResult { Accepted, Rejected, Closed };
    virtual EnqueueResult enqueue(AmqpMessagePtr message, TimePoint now) = 0;
    // A message read back from the store at start-up: no store hook, no consumer yet.
    // `enqueuedAt` is when it first entered the queue (TTL counts from there). Queues
    // that cannot mark a message redelivered take it as a fresh enqueue.
    virtual void restore(AmqpMessagePtr message, bool /*redelivered*/, TimePoint enqueuedAt) {
        static_cast<void>(enqueue(std::move(message), enqueuedAt));
    }
    // A stream's message read back with the offset it had (see streamStored); other
    // queues take it as restore() without redelivered.
    virtual void restoreAt(AmqpMessagePtr message, std::int64_t /*streamOffset*/,
                           TimePoint enqueuedAt) {
        restore(std::move(message), false, enqueuedAt);
    }
    virtual std::size_t purge() = 0;
    virtual std::size_t close() = 0;           // deleted: cancels consumers, returns ready count
    virtual void markUsed(TimePoint now) = 0;  // redeclared
    [[nodiscard]] virtual bool unusedExpired(TimePoint now) const = 0;  // x-expires
    [[nodiscard]] virtual bool autoDeletable() const = 0;               // had consumers, has none

private:
    friend class QueueAccess;
    void detach() { owner_.store(nullptr); }

    QueueSettings settings_;
    std::atomic<QueueOwner*> owner_;
    std::shared_ptr<QueueStoreHooks> hooks_;
};

}  // namespace sbx::broker::amqp
