#pragma once

#include <cstdint>
#include <optional>

#include "sbx/broker/amqp/amqp_message.h"
#include "sbx/broker/amqp/amqp_result.h"

namespace sbx::broker::amqp {

// The per-message TTL from the expiration property: a decimal count of milliseconds
// (0 .. 2^32-1). nullopt when absent; 406 "PRECONDITION_FAILED - invalid expiration
// 'abc': no_integer" (RabbitMQ's rabbit_basic:parse_expiration reasons) when not.
[[nodiscard]] AmqpResult<std::optional<std::int64_t>> parseExpiration(
    const BasicProperties& properties);

}  // namespace sbx::broker::amqp
