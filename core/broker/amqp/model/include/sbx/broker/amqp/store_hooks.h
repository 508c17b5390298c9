#pragma once

#include <cstdint>
#include <string_view>

#include "sbx/broker/amqp/amqp_message.h"
#include "sbx/broker/amqp/binding.h"
#include "sbx/broker/amqp/exchange.h"

namespace sbx::broker::amqp {

struct QueueSettings;

// Where durability plugs in. A VirtualHost given hooks calls them for what RabbitMQ
// keeps across a restart, and for nothing else.
//
// Messages: persistent ones (delivery-mode 2) in durable queues only:
//   - messageStored when such a message enters the queue (publish, dead-letter arrival);
//   - messageDelivered the first time it goes out to a consumer or basic.get that must
//     acknowledge it (so a restart can mark it redelivered);
//   - messageRemoved when it leaves for good (ack, no-ack delivery, reject without
//     requeue, expiry, drop-head, purge, queue deletion), not on requeue.
// Called with the queue's lock held, on the thread of the operation: enqueue the write
// and return; never call back into the model. Confirms for persistent messages should
// wait for the store (as the MQTT side's AckBarrier does); that is the store's business.
//
// Topology: durable exchanges (not the predeclared ones), durable non-exclusive queues
// and bindings whose source and destination are both durable, when they are created;
// their removal (explicit or automatic: auto-delete, x-expires, a deleted endpoint).
// bindingRemoved is called for every removed binding out of a durable exchange (the
// destination may be gone already); ignore the ones never stored. Called with the
// virtual host's lock held.
class QueueStoreHooks {
public:
    virtual ~QueueStoreHooks() = default;
    virtual void messageStored(std::string_view queue, const AmqpMessage& message) = 0;
    virtual void messageRemoved(std::string_view queue, const AmqpMessage& message) = 0;
    virtual void messageDelivered(std::string_view /*queue*/, const AmqpMessage& /*message*/) {}
    // A stream's messageStored: `offset` is the message's place in the log, which a
    // restart must give back (VirtualHost::restoreMessage) so that offsets stay stable.
    virtual void streamMessageStored(std::string_view queue, const AmqpMessage& message,
                                     std::int64_t /*offset*/) {
        messageStored(queue, message);
    }

    virtual void exchangeStored(const Exchange& /*exchange*/) {}
    virtual void exchangeRemoved(std::string_view /*exchange*/) {}
    virtual void queueStored(const QueueSettings& /*queue*/) {}
    virtual void queueRemoved(std::string_view /*queue*/) {}
    virtual void bindingStored(const Binding& /*binding*/) {}
    virtual void bindingRemoved(const Binding& /*binding*/) {}
};

}  // namespace sbx::broker::amqp
