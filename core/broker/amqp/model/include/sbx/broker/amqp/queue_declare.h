#pragma once

#include <cstdint>
#include <string>

#include "sbx/broker/amqp/amqp_message.h"
#include "sbx/broker/amqp/ids.h"

namespace sbx::broker::amqp {

// queue.declare as the model needs it.
struct QueueDeclare {
    std::string name;  // empty: the server names it "amq.gen-..."
    // `name` came from VirtualHost::newQueueName (so its "amq." prefix is allowed).
    bool serverNamed = false;
    bool passive = false;
    bool durable = false;
    bool exclusive = false;
    bool autoDelete = false;
    FieldTable arguments;
    ConnectionId connection = 0;  // owner when exclusive; checked against exclusive queues
};

// queue.declare-ok.
struct QueueDeclareOk {
    std::string name;
    std::uint32_t messageCount = 0;  // ready messages
    std::uint32_t consumerCount = 0;
};

}  // namespace sbx::broker::amqp
