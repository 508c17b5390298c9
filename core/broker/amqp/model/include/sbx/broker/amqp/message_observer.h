#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <vector>

#include "sbx/broker/amqp/amqp_message.h"
#include "sbx/broker/amqp/dead_letter.h"

namespace sbx::broker::amqp {

class Queue;

// Why a message left a queue without being consumed. `Rejected` is a consumer's
// reject/nack without requeue (the connection layer sees those itself).
enum class DiscardKind { Expired, MaxLenDropHead, RejectPublish, Rejected };

// Where observability plugs into the model (hop events of the embedded broker): told of
// the fates the connection layer cannot see. Optional (VirtualHostOptions); a vhost
// without one pays nothing.
//
// messageDiscarded is called with the queue's lock held, on the thread of the operation
// (publish, tick, reject): record and return, never call back into the model.
// messageDeadLettered is called with no lock held, once the dead letter was routed.
class MessageObserver {
public:
    virtual ~MessageObserver() = default;

    // Live message tap: while routesWatched(), the vhost reports every routed message
    // (publishes and dead letters) with the queues it reached, after enqueueing, with no
    // lock held. Off, the hot path pays one relaxed load.
    [[nodiscard]] bool routesWatched() const {
        return routesWatched_.load(std::memory_order_relaxed);
    }
    void watchRoutes(bool on) { routesWatched_.store(on, std::memory_order_relaxed); }
    virtual void messageRouted(const AmqpMessagePtr& /*message*/,
                               const std::vector<std::shared_ptr<Queue>>& /*queues*/) {}

    virtual void messageDiscarded(const Queue& queue, const AmqpMessage& message,
                                  DiscardKind kind) = 0;
    // `deadLetter` is the re-published copy (its own broker id, x-death added, the
    // original's properties kept); `queues` is how many queues it reached (0 when the
    // dead-letter exchange is missing or routes nowhere).
    virtual void messageDeadLettered(const Queue& from, const AmqpMessage& original,
                                     const AmqpMessage& deadLetter, DeadLetterReason reason,
                                     std::size_t queues) = 0;

private:
    std::atomic<bool> routesWatched_{false};
};

}  // namespace sbx::broker::amqp
