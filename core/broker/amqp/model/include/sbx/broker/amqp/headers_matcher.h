#pragma once

#include "sbx/broker/amqp/amqp_message.h"
#include "sbx/broker/amqp/amqp_result.h"

namespace sbx::broker::amqp {

// Headers exchange matching (rabbit_exchange_type_headers). The binding's x-match is
// "all" (default), "any", "all-with-x" or "any-with-x". Binding keys starting with "x-"
// are ignored except in the -with-x modes (x-match itself never takes part). A binding
// value of type void matches presence alone; other values compare as numbers when both
// are numeric, otherwise by type and value. "all" with no keys matches every message,
// "any" with no keys none. `headers` may be null (a message without headers).
[[nodiscard]] bool headersMatch(const FieldTable& bindingArguments, const FieldTable* headers);

// The check RabbitMQ makes when binding to a headers exchange: 406 for a bad x-match.
[[nodiscard]] AmqpStatus validateHeadersBinding(const FieldTable& bindingArguments);

}  // namespace sbx::broker::amqp
