#include "sbx/broker/amqp/exchange.h"

namespace sbx::broker::amqp {

std::string_view toString(ExchangeType type) {
    switch (type) {
        case ExchangeType::Direct:
            return "direct";
        case ExchangeType::Fanout:
            return "fanout";
        case ExchangeType::Topic:
            return "topic";
        case ExchangeType::Headers:
            return "headers";
    }
    return "direct";
}

std::optional<ExchangeType> parseExchangeType(std::string_view text) {
    for (auto type :
         {ExchangeType::Direct, ExchangeType::Fanout, ExchangeType::Topic, ExchangeType::Headers}) {
        if (text == toString(type)) {
            return type;
        }
    }
    return std::nullopt;
}

}  // namespace sbx::broker::amqp
