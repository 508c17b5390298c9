#pragma once

#include <optional>
#include <string_view>

#include "sbx/broker/amqp/amqp_message.h"
#include "sbx/broker/amqp/reply_code.h"

namespace sbx::broker::amqp {

// rabbit_misc:assert_field_equivalence for a declare's own fields (durable, type, ...):
// 406 "inequivalent arg 'durable' for queue 'q1' in vhost '/': received 'true' but
// current is 'false'".
[[nodiscard]] std::optional<AmqpError> fieldEquivalence(std::string_view field,
                                                        std::string_view resource,
                                                        std::string_view received,
                                                        std::string_view current);
[[nodiscard]] std::optional<AmqpError> flagEquivalence(std::string_view field,
                                                       std::string_view resource, bool received,
                                                       bool current);

// rabbit_misc:assert_args_equivalence for one argument: equal when both are absent, or
// of the same type class (any integer width is one class, float/double another) with
// equal values. `absentAs` stands in for a missing argument (x-queue-type: "classic").
[[nodiscard]] std::optional<AmqpError> argumentEquivalence(std::string_view key,
                                                           std::string_view resource,
                                                           const FieldTable& current,
                                                           const FieldTable& received,
                                                           const FieldValue* absentAs = nullptr);

}  // namespace sbx::broker::amqp
