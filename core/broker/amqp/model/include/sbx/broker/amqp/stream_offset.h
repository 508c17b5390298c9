#pragma once

#include <cstdint>

#include "sbx/broker/amqp/amqp_message.h"
#include "sbx/broker/amqp/amqp_result.h"

namespace sbx::broker::amqp {

// Where a stream consumer starts (basic.consume argument x-stream-offset).
struct OffsetSpec {
    enum class Kind {
        First,      // the oldest retained message
        Last,       // the last chunk; here every message is its own chunk: the newest message
        Next,       // only messages published from now on (the default)
        Offset,     // this offset, clamped to what is retained
        Timestamp,  // the first message stored at or after `timestamp`
    };
    Kind kind = Kind::Next;
    std::int64_t offset = 0;
    TimePoint timestamp{};
};

// RabbitMQ's forms: "first", "last", "next", an integer of any width, a timestamp ('T',
// seconds), or an interval string in x-max-age syntax ("30s", "1h", "7D") meaning that
// long before `now`. nullptr: Next. Anything else: 406.
[[nodiscard]] AmqpResult<OffsetSpec> parseOffsetSpec(const FieldValue* argument, TimePoint now);

}  // namespace sbx::broker::amqp
