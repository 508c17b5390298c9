#pragma once

#include <string>

#include "sbx/broker/amqp/amqp_message.h"

namespace sbx::broker::amqp {

enum class DestinationKind { Queue, Exchange };

// One binding: messages the source exchange routes with this key/arguments go to the
// destination queue or exchange. Equal fields = the same binding (binding twice is a no-op).
struct Binding {
    std::string source;
    DestinationKind destinationKind = DestinationKind::Queue;
    std::string destination;
    std::string routingKey;
    FieldTable arguments;

    bool operator==(const Binding&) const = default;
};

}  // namespace sbx::broker::amqp
