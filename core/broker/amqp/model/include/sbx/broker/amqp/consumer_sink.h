#pragma once

#include <string>

#include "sbx/broker/amqp/delivery.h"

namespace sbx::broker::amqp {

// Where a queue pushes messages for one consumer; the AMQP connection layer implements
// it (assigns the channel's delivery tag and writes basic.deliver).
//
// Both calls are made with the queue's lock held, so they must not call back into the
// same queue; they should only append to the channel's output (as MQTT sessions do).
class ConsumerSink {
public:
    virtual ~ConsumerSink() = default;

    // false: the channel cannot take it now (flow control, blocked output). The queue
    // keeps the message and stops offering to this consumer until Queue::resume().
    virtual bool deliver(const Delivery& delivery) = 0;

    // The broker ended the consumer (its queue was deleted): basic.cancel from the server
    // for clients that announced consumer_cancel_notify.
    virtual void cancelledByBroker(const std::string& consumerTag) = 0;
};

}  // namespace sbx::broker::amqp
