#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "sbx/broker/amqp/amqp_message.h"

namespace sbx::broker::amqp {

enum class ExchangeType { Direct, Fanout, Topic, Headers };

[[nodiscard]] std::string_view toString(ExchangeType type);
[[nodiscard]] std::optional<ExchangeType> parseExchangeType(std::string_view text);

// An exchange as the virtual host holds it.
struct Exchange {
    std::string name;
    ExchangeType type = ExchangeType::Direct;
    bool durable = false;
    bool autoDelete = false;
    bool internal = false;
    FieldTable arguments;
    std::optional<std::string> alternateExchange;  // arguments["alternate-exchange"]
    bool predeclared = false;                      // "" and amq.*: cannot be deleted
};

}  // namespace sbx::broker::amqp
