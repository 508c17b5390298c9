#pragma once

#include <cstdint>

namespace sbx::broker::amqp {

// Handles the connection layer passes in; the model only compares them.
// 0 means "none" (for example, a queue without an exclusive owner).
using ConnectionId = std::uint64_t;
// Unique across the broker (the connection layer may combine connection and channel
// number); acks and requeue-on-close are per channel.
using ChannelId = std::uint64_t;

// Handles the model hands out, unique within one queue. Delivery tags are per channel
// in AMQP, so the connection layer maps its tags onto DeliveryIds (ChannelDeliveryTags).
using ConsumerId = std::uint64_t;
using DeliveryId = std::uint64_t;

}  // namespace sbx::broker::amqp
