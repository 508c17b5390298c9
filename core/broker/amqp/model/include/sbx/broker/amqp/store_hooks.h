#pragma once

#include <string_view>

#include "sbx/broker/amqp/amqp_message.h"

namespace sbx::broker::amqp {

// Where durability plugs in later. A VirtualHost given hooks calls them for persistent
// messages (delivery-mode 2) in durable queues only:
//   - messageStored when such a message enters the queue (publish, dead-letter arrival);
//   - messageRemoved when it leaves for good (ack, no-ack delivery, reject without
//     requeue, expiry, drop-head, purge, queue deletion), not on requeue.
// Called with the queue's lock held, on the thread of the operation: enqueue the write
// and return; never call back into the model. Confirms for persistent messages should
// wait for the store (as the MQTT side's AckBarrier does); that is the store's business.
class QueueStoreHooks {
public:
    virtual ~QueueStoreHooks() = default;
    virtual void messageStored(std::string_view queue, const AmqpMessage& message) = 0;
    virtual void messageRemoved(std::string_view queue, const AmqpMessage& message) = 0;
};

}  // namespace sbx::broker::amqp
