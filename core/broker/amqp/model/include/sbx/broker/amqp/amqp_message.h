#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "sbx/amqp/basic_properties.h"
#include "sbx/amqp/field_table.h"

namespace sbx::broker::amqp {

// The codec's value types, spelled without the sbx::amqp prefix inside this namespace
// (where a bare `amqp::` would find sbx::broker::amqp first).
using sbx::amqp::BasicProperties;
using sbx::amqp::FieldArray;
using sbx::amqp::FieldTable;
using sbx::amqp::FieldValue;

// Wall clock: x-death times and stream timestamps are wall-clock values clients read.
// The model never reads a clock; every call that depends on time takes `now`.
using Clock = std::chrono::system_clock;
using TimePoint = Clock::time_point;
using Milliseconds = std::chrono::milliseconds;

// One published message as the exchange received it. Immutable once routed: every
// queue it reaches shares it. What differs per queue (redelivered, delivery count,
// expiry, stream offset) lives in the queue's entry and is reported in `Delivery`.
struct AmqpMessage {
    std::string exchange;
    std::string routingKey;
    BasicProperties properties;
    std::string body;

    // Broker bookkeeping.
    std::uint64_t id = 0;  // vhost-unique, for traces and the store hooks
    TimePoint publishedAt{};

    // Size as RabbitMQ counts it for x-max-length-bytes: the body only.
    [[nodiscard]] std::size_t size() const { return body.size(); }
};

using AmqpMessagePtr = std::shared_ptr<const AmqpMessage>;

}  // namespace sbx::broker::amqp
