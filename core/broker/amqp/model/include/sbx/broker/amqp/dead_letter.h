#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "sbx/broker/amqp/amqp_message.h"

namespace sbx::broker::amqp {

enum class DeadLetterReason { Rejected, Expired, MaxLen };

// "rejected", "expired", "maxlen": the reason strings RabbitMQ writes.
[[nodiscard]] std::string_view toString(DeadLetterReason reason);

// The message a dead-letter exchange receives, with headers exactly as RabbitMQ 3.8+
// (rabbit_dead_letter) writes them:
//  - x-death: array of tables, newest first. A new event is the table
//    {count:long 1, reason, queue, time:timestamp, exchange, routing-keys:array
//    [, original-expiration]}; the very first one keeps that order, later ones are
//    sorted by key (sort_field_table). An event for a queue+reason already present
//    moves that entry to the front with count+1 (its other fields stay).
//  - x-first-death-{reason,queue,exchange} on the first death only,
//    x-last-death-{reason,queue,exchange} on every death.
//  - the header table sorted by key (rabbit_misc:set_table_value sorts).
// The expiration property is cleared (kept in original-expiration). With a dead-letter
// routing key the message is re-published with it and the CC header is dropped;
// otherwise with its original routing key. `exchange` becomes the dead-letter exchange.
[[nodiscard]] AmqpMessage makeDeadLetter(const AmqpMessage& original, DeadLetterReason reason,
                                         std::string_view queue,
                                         std::string_view deadLetterExchange,
                                         const std::optional<std::string>& deadLetterRoutingKey,
                                         TimePoint now);

// RabbitMQ's loop guard (rabbit_dead_letter:detect_cycles): delivering `deadLetter` to
// `targetQueue` is a cycle when the message already died in that queue and no death
// since then (that one included) was a rejection. Rejections never count as cycles.
[[nodiscard]] bool isDeadLetterCycle(const AmqpMessage& deadLetter, DeadLetterReason reason,
                                     std::string_view targetQueue);

}  // namespace sbx::broker::amqp
