#pragma once

#include <vector>

#include "sbx/broker/amqp/amqp_message.h"
#include "sbx/broker/amqp/dead_letter.h"
#include "sbx/broker/amqp/message_observer.h"

namespace sbx::broker::amqp {

class Queue;

// A message a queue let go of, for its dead-letter exchange.
struct DeadLetter {
    AmqpMessagePtr message;
    DeadLetterReason reason = DeadLetterReason::Rejected;
};

// What a queue asks of its virtual host. Called with no queue lock held.
class QueueOwner {
public:
    // Re-publishes `letters` through the queue's dead-letter exchange.
    virtual void deadLetter(const Queue& from, std::vector<DeadLetter> letters, TimePoint now) = 0;
    // The last consumer of an auto-delete queue went away.
    virtual void lastConsumerGone(const Queue& queue) = 0;
    // For the vhost's MessageObserver; unlike the rest, called with the queue's lock held.
    virtual void discarded(const Queue& /*from*/, const AmqpMessage& /*message*/,
                           DiscardKind /*kind*/) {}

protected:
    ~QueueOwner() = default;
};

}  // namespace sbx::broker::amqp
