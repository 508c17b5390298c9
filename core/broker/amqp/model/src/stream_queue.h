#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "queue_owner.h"
#include "sbx/broker/amqp/queue.h"
#include "sbx/broker/amqp/stream_offset.h"

namespace sbx::broker::amqp {

// A stream (x-queue-type stream): an append-only log. Every consumer reads the whole log
// from its own position (x-stream-offset), acknowledgements only return prefetch credit,
// nothing is removed on ack. The log is cut into segments as RabbitMQ's osiris does: a
// segment is closed once it holds x-stream-max-segment-size-bytes (default 500 MB) or
// segmentMessages messages, whichever comes first, so segments differ in length.
// Retention (x-max-length-bytes, x-max-age) drops whole segments from the old end, never
// the segment being written.
class StreamQueue final : public Queue {
public:
    static constexpr std::int64_t kDefaultSegmentBytes = 500'000'000;

    StreamQueue(QueueSettings settings, QueueOwner* owner, std::shared_ptr<QueueStoreHooks> hooks,
                std::size_t segmentMessages, TimePoint now);

    using Queue::ack;
    using Queue::reject;

    AmqpResult<ConsumerId> consume(ConsumeRequest request, TimePoint now) override;
    bool cancel(ConsumerId consumer, TimePoint now) override;
    void resume(ConsumerId consumer, TimePoint now) override;
    AmqpResult<std::optional<Delivery>> get(ChannelId channel, bool noAck, TimePoint now) override;
    std::size_t ack(std::span<const DeliveryId> ids, TimePoint now) override;
    // Streams cannot requeue or dead-letter: reject and nack only return credit.
    std::size_t reject(std::span<const DeliveryId> ids, bool requeue, TimePoint now) override;
    void channelClosed(ChannelId channel, TimePoint now) override;
    void tick(TimePoint now) override;
    [[nodiscard]] QueueStats stats() const override;
    [[nodiscard]] std::vector<StreamRecord> readStream(const OffsetSpec& from,
                                                       std::size_t maxCount) const override;

protected:
    EnqueueResult enqueue(AmqpMessagePtr message, TimePoint now) override;
    void restore(AmqpMessagePtr message, bool redelivered, TimePoint enqueuedAt) override;
    void restoreAt(AmqpMessagePtr message, std::int64_t streamOffset,
                   TimePoint enqueuedAt) override;
    std::size_t purge() override;
    std::size_t close() override;
    void markUsed(TimePoint now) override;
    [[nodiscard]] bool unusedExpired(TimePoint now) const override;
    [[nodiscard]] bool autoDeletable() const override { return false; }

private:
    struct Record {
        AmqpMessagePtr message;
        TimePoint storedAt;
    };
    struct Segment {
        std::int64_t firstOffset = 0;
        std::vector<Record> records;
        std::size_t bytes = 0;
    };
    struct Consumer {
        ConsumerId id = 0;
        std::string tag;
        ChannelId channel = 0;
        std::uint16_t prefetch = 0;
        std::int64_t position = 0;  // next offset to deliver
        std::size_t unacked = 0;
        bool blocked = false;
        std::shared_ptr<ConsumerSink> sink;
    };

    // Require mutex_.
    [[nodiscard]] std::int64_t firstOffset() const;
    [[nodiscard]] bool activeSegmentFull() const;
    [[nodiscard]] const Record& recordAt(std::int64_t offset) const;
    [[nodiscard]] std::int64_t firstStoredAtOrAfter(TimePoint timestamp) const;
    [[nodiscard]] std::int64_t startOffset(const OffsetSpec& spec) const;
    void applyRetention(TimePoint now);
    // Appends at nextOffset_, opening a segment when the active one is full.
    void append(AmqpMessagePtr message, TimePoint storedAt);
    void dispatch();
    void dispatchTo(Consumer& consumer);
    void release(std::span<const DeliveryId> ids, std::size_t& found);

    mutable std::mutex mutex_;
    const std::size_t segmentMessages_;
    const std::size_t segmentBytes_;
    std::deque<Segment> segments_;
    std::int64_t nextOffset_ = 0;
    std::size_t messages_ = 0;
    std::size_t bytes_ = 0;
    std::vector<Consumer> consumers_;
    std::unordered_map<DeliveryId, ConsumerId> unacked_;
    DeliveryId nextDelivery_ = 1;
    ConsumerId nextConsumer_ = 1;
    QueueStats counters_;
    TimePoint lastUsed_;
    bool closed_ = false;
};

}  // namespace sbx::broker::amqp
