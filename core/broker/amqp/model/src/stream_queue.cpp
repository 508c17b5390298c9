#include "stream_queue.h"

#include <algorithm>

#include "erlang_text.h"

namespace sbx::broker::amqp {

namespace {

// queue.declare has validated the queue's arguments; a value it let through that is not
// a positive integer leaves RabbitMQ's default in place.
std::size_t segmentBytesOf(const FieldTable& arguments) {
    const FieldValue* value = arguments.find("x-stream-max-segment-size-bytes");
    if (value == nullptr || !erlang::isInteger(*value) || erlang::integerOf(*value) <= 0) {
        return static_cast<std::size_t>(StreamQueue::kDefaultSegmentBytes);
    }
    return static_cast<std::size_t>(erlang::integerOf(*value));
}

}  // namespace

StreamQueue::StreamQueue(QueueSettings settings, QueueOwner* owner,
                         std::shared_ptr<QueueStoreHooks> hooks, std::size_t segmentMessages,
                         TimePoint now)
    : Queue(std::move(settings), owner, std::move(hooks)),
      segmentMessages_(std::max<std::size_t>(segmentMessages, 1)),
      // The base class holds the settings by now: it is initialised before any member.
      segmentBytes_(segmentBytesOf(this->settings().arguments)),
      lastUsed_(now) {}

std::int64_t StreamQueue::firstOffset() const {
    return segments_.empty() ? nextOffset_ : segments_.front().firstOffset;
}

// As in osiris, a segment closes after the write that reaches its limit, so it may exceed
// x-stream-max-segment-size-bytes by that last message.
bool StreamQueue::activeSegmentFull() const {
    const Segment& active = segments_.back();
    return active.records.size() >= segmentMessages_ || active.bytes >= segmentBytes_;
}

const StreamQueue::Record& StreamQueue::recordAt(std::int64_t offset) const {
    // Segments differ in length: find the last one starting at or before the offset.
    auto after = std::partition_point(
        segments_.begin(), segments_.end(),
        [offset](const Segment& segment) { return segment.firstOffset <= offset; });
    const Segment& segment = *std::prev(after);
    return segment.records[static_cast<std::size_t>(offset - segment.firstOffset)];
}

// Records are appended with a non-decreasing `now`, so both searches can bisect.
std::int64_t StreamQueue::firstStoredAtOrAfter(TimePoint timestamp) const {
    auto segment = std::partition_point(
        segments_.begin(), segments_.end(),
        [timestamp](const Segment& s) { return s.records.back().storedAt < timestamp; });
    if (segment == segments_.end()) {
        return nextOffset_;
    }
    auto record =
        std::partition_point(segment->records.begin(), segment->records.end(),
                             [timestamp](const Record& r) { return r.storedAt < timestamp; });
    return segment->firstOffset + (record - segment->records.begin());
}

std::int64_t StreamQueue::startOffset(const OffsetSpec& spec) const {
    switch (spec.kind) {
        case OffsetSpec::Kind::First:
            return firstOffset();
        case OffsetSpec::Kind::Last:
            return nextOffset_ > firstOffset() ? nextOffset_ - 1 : nextOffset_;
        case OffsetSpec::Kind::Next:
            return nextOffset_;
        case OffsetSpec::Kind::Offset:
            return std::clamp(spec.offset, firstOffset(), nextOffset_);
        case OffsetSpec::Kind::Timestamp:
            return firstStoredAtOrAfter(spec.timestamp);
    }
    return nextOffset_;
}

void StreamQueue::applyRetention(TimePoint now) {
    const auto& parsed = settings().parsed;
    const auto dropOldest = [this] {
        for (const auto& record : segments_.front().records) {
            removed(*record.message);
        }
        messages_ -= segments_.front().records.size();
        bytes_ -= segments_.front().bytes;
        segments_.pop_front();
    };
    while (segments_.size() > 1 && parsed.maxLengthBytes &&
           static_cast<std::int64_t>(bytes_) > *parsed.maxLengthBytes) {
        dropOldest();
    }
    // A segment goes when even its newest message is older than x-max-age.
    while (segments_.size() > 1 && parsed.maxAgeMs &&
           segments_.front().records.back().storedAt + Milliseconds(*parsed.maxAgeMs) < now) {
        dropOldest();
    }
}

void StreamQueue::dispatchTo(Consumer& consumer) {
    while (!consumer.blocked && consumer.unacked < consumer.prefetch &&
           consumer.position < nextOffset_) {
        consumer.position = std::max(consumer.position, firstOffset());
        const Record& record = recordAt(consumer.position);
        Delivery delivery;
        // The logged message itself, shared by every consumer: the sink puts the offset
        // into the x-stream-offset header as it writes the message out.
        delivery.message = record.message;
        delivery.queue = name();
        delivery.channel = consumer.channel;
        delivery.consumer = consumer.id;
        delivery.consumerTag = consumer.tag;
        delivery.id = nextDelivery_;
        delivery.streamOffset = consumer.position;
        if (!consumer.sink->deliver(delivery)) {
            consumer.blocked = true;
            return;
        }
        ++nextDelivery_;
        ++consumer.position;
        ++consumer.unacked;
        ++counters_.delivered;
        unacked_.emplace(delivery.id, consumer.id);
    }
}

void StreamQueue::dispatch() {
    for (auto& consumer : consumers_) {
        dispatchTo(consumer);
    }
}

Queue::EnqueueResult StreamQueue::enqueue(AmqpMessagePtr message, TimePoint now) {
    std::lock_guard lock(mutex_);
    if (closed_) {
        return EnqueueResult::Closed;
    }
    streamStored(*message, nextOffset_);
    ++counters_.published;
    append(std::move(message), now);
    applyRetention(now);
    dispatch();
    return EnqueueResult::Accepted;
}

void StreamQueue::append(AmqpMessagePtr message, TimePoint storedAt) {
    if (segments_.empty() || activeSegmentFull()) {
        segments_.push_back(Segment{nextOffset_, {}, 0});
    }
    ++messages_;
    bytes_ += message->size();
    segments_.back().bytes += message->size();
    segments_.back().records.push_back(Record{std::move(message), storedAt});
    ++nextOffset_;
}

void StreamQueue::restore(AmqpMessagePtr message, bool /*redelivered*/, TimePoint enqueuedAt) {
    std::lock_guard lock(mutex_);
    append(std::move(message), enqueuedAt);
}

// The store returns a stream's messages in offset order; retention only ever cut the
// log's old end, so the first one sets where the log starts. A gap (a record the loader
// could not read) starts a new segment: offsets within a segment are contiguous.
void StreamQueue::restoreAt(AmqpMessagePtr message, std::int64_t streamOffset,
                            TimePoint enqueuedAt) {
    std::lock_guard lock(mutex_);
    if (streamOffset < nextOffset_) {
        return;  // not after what is restored already: the log cannot take it
    }
    if (streamOffset > nextOffset_) {
        nextOffset_ = streamOffset;
        segments_.push_back(Segment{nextOffset_, {}, 0});
    }
    append(std::move(message), enqueuedAt);
}

AmqpResult<ConsumerId> StreamQueue::consume(ConsumeRequest request, TimePoint now) {
    if (request.noAck) {
        return AmqpError::make(
            ReplyCode::NotImplemented,
            "automatic acknowledgement not supported by stream queues " + resource());
    }
    if (request.prefetch == 0) {
        return AmqpError::make(ReplyCode::PreconditionFailed,
                               "consumer prefetch count is not set for stream " + resource());
    }
    auto spec = parseOffsetSpec(request.arguments.find("x-stream-offset"), now);
    if (!spec) {
        return spec.error();
    }
    std::lock_guard lock(mutex_);
    const ConsumerId id = nextConsumer_++;
    consumers_.push_back(Consumer{id, std::move(request.consumerTag), request.channel,
                                  request.prefetch, startOffset(*spec), 0, false,
                                  std::move(request.sink)});
    lastUsed_ = now;
    dispatchTo(consumers_.back());
    return id;
}

bool StreamQueue::cancel(ConsumerId consumer, TimePoint now) {
    std::lock_guard lock(mutex_);
    auto it = std::find_if(consumers_.begin(), consumers_.end(),
                           [consumer](const Consumer& c) { return c.id == consumer; });
    if (it == consumers_.end()) {
        return false;
    }
    consumers_.erase(it);
    lastUsed_ = now;
    return true;
}

void StreamQueue::resume(ConsumerId consumer, TimePoint) {
    std::lock_guard lock(mutex_);
    for (auto& c : consumers_) {
        if (c.id == consumer) {
            c.blocked = false;
            dispatchTo(c);
        }
    }
}

AmqpResult<std::optional<Delivery>> StreamQueue::get(ChannelId, bool, TimePoint) {
    return AmqpError::make(ReplyCode::NotImplemented,
                           "basic.get not supported by stream queues " + resource());
}

void StreamQueue::release(std::span<const DeliveryId> ids, std::size_t& found) {
    for (const DeliveryId id : ids) {
        auto node = unacked_.extract(id);
        if (node.empty()) {
            continue;
        }
        ++found;
        ++counters_.acked;
        for (auto& consumer : consumers_) {
            if (consumer.id == node.mapped()) {
                --consumer.unacked;
            }
        }
    }
}

std::size_t StreamQueue::ack(std::span<const DeliveryId> ids, TimePoint) {
    std::lock_guard lock(mutex_);
    std::size_t found = 0;
    release(ids, found);
    dispatch();
    return found;
}

std::size_t StreamQueue::reject(std::span<const DeliveryId> ids, bool, TimePoint now) {
    return ack(ids, now);
}

void StreamQueue::channelClosed(ChannelId channel, TimePoint now) {
    std::lock_guard lock(mutex_);
    for (auto it = consumers_.begin(); it != consumers_.end();) {
        if (it->channel == channel) {
            const ConsumerId gone = it->id;
            std::erase_if(unacked_, [gone](const auto& entry) { return entry.second == gone; });
            it = consumers_.erase(it);
            lastUsed_ = now;
        } else {
            ++it;
        }
    }
}

void StreamQueue::tick(TimePoint now) {
    std::lock_guard lock(mutex_);
    applyRetention(now);
}

std::size_t StreamQueue::purge() {
    return 0;  // RabbitMQ streams ignore queue.purge; retention is the only way out
}

std::size_t StreamQueue::close() {
    std::vector<Consumer> cancelled;
    std::size_t count = 0;
    {
        std::lock_guard lock(mutex_);
        closed_ = true;
        cancelled.swap(consumers_);
        count = messages_;
        for (const auto& segment : segments_) {
            for (const auto& record : segment.records) {
                removed(*record.message);
            }
        }
        segments_.clear();
        unacked_.clear();
        messages_ = 0;
        bytes_ = 0;
    }
    for (const auto& consumer : cancelled) {
        consumer.sink->cancelledByBroker(consumer.tag);
    }
    return count;
}

void StreamQueue::markUsed(TimePoint now) {
    std::lock_guard lock(mutex_);
    lastUsed_ = now;
}

bool StreamQueue::unusedExpired(TimePoint now) const {
    std::lock_guard lock(mutex_);
    const auto& expires = settings().parsed.expiresMs;
    return expires && consumers_.empty() && now >= lastUsed_ + Milliseconds(*expires);
}

QueueStats StreamQueue::stats() const {
    std::lock_guard lock(mutex_);
    QueueStats stats = counters_;
    stats.ready = messages_;
    stats.readyBytes = bytes_;
    stats.unacked = unacked_.size();
    stats.consumers = consumers_.size();
    stats.stream = QueueStats::Stream{firstOffset(), nextOffset_, segments_.size()};
    return stats;
}

std::vector<StreamRecord> StreamQueue::readStream(const OffsetSpec& from,
                                                  std::size_t maxCount) const {
    std::lock_guard lock(mutex_);
    std::vector<StreamRecord> out;
    if (segments_.empty()) {
        return out;
    }
    const std::int64_t start = std::max(startOffset(from), firstOffset());
    const auto count =
        std::min<std::int64_t>(nextOffset_ - start, static_cast<std::int64_t>(maxCount));
    out.reserve(static_cast<std::size_t>(std::max<std::int64_t>(count, 0)));
    for (std::int64_t offset = start; offset < start + count; ++offset) {
        const Record& record = recordAt(offset);
        out.push_back({record.message, offset, record.storedAt});
    }
    return out;
}

}  // namespace sbx::broker::amqp
