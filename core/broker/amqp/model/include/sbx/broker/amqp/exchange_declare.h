#pragma once

#include <string>

#include "sbx/broker/amqp/amqp_message.h"

namespace sbx::broker::amqp {

// exchange.declare as the model needs it. `type` stays text so an unknown type can be
// refused with RabbitMQ's 503.
struct ExchangeDeclare {
    std::string name;
    std::string type = "direct";
    bool passive = false;
    bool durable = false;
    bool autoDelete = false;
    bool internal = false;
    FieldTable arguments;
};

}  // namespace sbx::broker::amqp
