#pragma once

#include <cstddef>
#include <cstdint>

#include "sbx/broker/amqp/queue.h"

namespace sbx::broker::amqp {

// The VirtualHost's way into the parts of Queue that are not for the connection layer.
class QueueAccess {
public:
    using EnqueueResult = Queue::EnqueueResult;

    static EnqueueResult enqueue(Queue& queue, AmqpMessagePtr message, TimePoint now) {
        return queue.enqueue(std::move(message), now);
    }
    static void restore(Queue& queue, AmqpMessagePtr message, bool redelivered,
                        TimePoint enqueuedAt) {
        queue.restore(std::move(message), redelivered, enqueuedAt);
    }
    static void restoreAt(Queue& queue, AmqpMessagePtr message, std::int64_t streamOffset,
                          TimePoint enqueuedAt) {
        queue.restoreAt(std::move(message), streamOffset, enqueuedAt);
    }
    static std::size_t purge(Queue& queue) { return queue.purge(); }
    static std::size_t close(Queue& queue) { return queue.close(); }
    static void markUsed(Queue& queue, TimePoint now) { queue.markUsed(now); }
    static bool unusedExpired(const Queue& queue, TimePoint now) {
        return queue.unusedExpired(now);
    }
    static bool autoDeletable(const Queue& queue) { return queue.autoDeletable(); }
    static void detach(Queue& queue) { queue.detach(); }
};

}  // namespace sbx::broker::amqp
