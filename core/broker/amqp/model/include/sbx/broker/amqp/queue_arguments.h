#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sbx/broker/amqp/amqp_message.h"
#include "sbx/broker/amqp/amqp_result.h"

namespace sbx::broker::amqp {

enum class QueueType { Classic, Stream };
enum class Overflow { DropHead, RejectPublish, RejectPublishDlx };

[[nodiscard]] std::string_view toString(QueueType type);
[[nodiscard]] std::string_view toString(Overflow overflow);

// The x-arguments of queue.declare the model acts on, validated.
struct QueueArguments {
    QueueType type = QueueType::Classic;
    std::optional<std::int64_t> messageTtlMs;         // x-message-ttl
    std::optional<std::int64_t> expiresMs;            // x-expires
    std::optional<std::int64_t> maxLength;            // x-max-length
    std::optional<std::int64_t> maxLengthBytes;       // x-max-length-bytes (streams: retention)
    Overflow overflow = Overflow::DropHead;           // x-overflow
    std::optional<std::string> deadLetterExchange;    // x-dead-letter-exchange
    std::optional<std::string> deadLetterRoutingKey;  // x-dead-letter-routing-key
    bool singleActiveConsumer = false;                // x-single-active-consumer
    std::optional<std::uint8_t> maxPriority;          // x-max-priority
    std::optional<std::int64_t> maxAgeMs;             // x-max-age (streams)
};

// Validates `arguments` the way RabbitMQ's rabbit_amqqueue:check_arguments does, in its
// order, with its 406 texts ("invalid arg 'x-max-length' for queue 'q' in vhost '/':
// {unacceptable_type,longstr}"). `resource` is "queue 'q' in vhost '/'".
[[nodiscard]] AmqpResult<QueueArguments> parseQueueArguments(const FieldTable& arguments,
                                                             std::string_view resource);

// RabbitMQ's duration syntax for x-max-age and stream offsets: a positive number and
// one unit of Y (365 days), M (30 days), D, h, m, s. nullopt when malformed.
[[nodiscard]] std::optional<std::int64_t> parseMaxAgeMs(std::string_view text);

}  // namespace sbx::broker::amqp
