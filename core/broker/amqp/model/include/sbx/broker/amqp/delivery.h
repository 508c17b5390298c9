#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "sbx/broker/amqp/amqp_message.h"
#include "sbx/broker/amqp/ids.h"

namespace sbx::broker::amqp {

// One message handed to a consumer or returned by basic.get: what basic.deliver /
// basic.get-ok need, minus the channel's delivery tag.
struct Delivery {
    // Shared, never copied per delivery. A stream's consumers get the logged message:
    // whoever sends it on adds streamOffset as the x-stream-offset header, as RabbitMQ
    // tells stream consumers each message's offset.
    AmqpMessagePtr message;
    std::string queue;
    ChannelId channel = 0;
    ConsumerId consumer = 0;  // 0 for basic.get
    std::string consumerTag;  // empty for basic.get
    DeliveryId id = 0;        // 0 when no acknowledgement is expected (no-ack)
    bool redelivered = false;
    std::uint32_t deliveryCount = 0;           // earlier deliveries of this message from this queue
    std::optional<std::int64_t> streamOffset;  // stream queues only
    std::uint32_t messageCount = 0;            // basic.get-ok: ready messages left
};

}  // namespace sbx::broker::amqp
