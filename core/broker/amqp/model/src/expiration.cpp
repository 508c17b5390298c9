#include "sbx/broker/amqp/expiration.h"

#include <charconv>
#include <string>

namespace sbx::broker::amqp {

namespace {

constexpr std::int64_t kMaxExpiryMs = 4294967295;

AmqpError invalid(const std::string& expiration, const std::string& reason) {
    return AmqpError::make(ReplyCode::PreconditionFailed,
                           "invalid expiration '" + expiration + "': " + reason);
}

}  // namespace

AmqpResult<std::optional<std::int64_t>> parseExpiration(const BasicProperties& properties) {
    if (!properties.expiration) {
        return std::optional<std::int64_t>{};
    }
    const std::string& text = *properties.expiration;
    // Erlang's string:to_integer accepts a leading sign; from_chars only '-'.
    const std::size_t start = text.starts_with('+') ? 1 : 0;
    std::int64_t ms = 0;
    const char* end = text.data() + text.size();
    auto [stop, ec] = std::from_chars(text.data() + start, end, ms);
    if (ec != std::errc{}) {
        return invalid(text, "no_integer");
    }
    if (stop != end) {
        return invalid(text, "{leftover_string,\"" + std::string(stop, end) + "\"}");
    }
    if (ms < 0) {
        return invalid(text, "{value_negative," + std::to_string(ms) + "}");
    }
    if (ms > kMaxExpiryMs) {
        return invalid(text, "{value_too_large," + std::to_string(ms) + "}");
    }
    return std::optional<std::int64_t>{ms};
}

}  // namespace sbx::broker::amqp
