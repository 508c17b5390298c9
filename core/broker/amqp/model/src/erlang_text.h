#pragma once

#include <string>
#include <string_view>

#include "sbx/broker/amqp/amqp_message.h"

// RabbitMQ builds its reply texts with Erlang's io_lib:format; these reproduce the
// pieces that reach clients, so error texts match what users see in production.
namespace sbx::broker::amqp::erlang {

// The field type atom RabbitMQ uses: "longstr", "signedint", "long", "bool", ...
[[nodiscard]] std::string_view typeName(const FieldValue& value);

// A value as ~tp prints it inside quotes (strings print raw, as ~ts).
[[nodiscard]] std::string plainValue(const FieldValue& value);

// rabbit_misc:val/1 for a table argument: "none" or "the value '1000' of type 'signedint'".
[[nodiscard]] std::string argumentValue(const FieldValue* value);

// A binary as ~p prints it: <<"foo">>.
[[nodiscard]] std::string binary(std::string_view bytes);

// rabbit_misc:rs/1: "queue 'q1' in vhost '/'".
[[nodiscard]] std::string resource(std::string_view kind, std::string_view name,
                                   std::string_view vhost);

// Numbers of any width as int64 (decimal, timestamp and floats excluded).
[[nodiscard]] bool isInteger(const FieldValue& value);
[[nodiscard]] std::int64_t integerOf(const FieldValue& value);

}  // namespace sbx::broker::amqp::erlang
