#include "sbx/broker/amqp/queue_arguments.h"

#include <charconv>
#include <functional>

#include "erlang_text.h"

namespace sbx::broker::amqp {

namespace {

// rabbit_misc:check_expiry: timers are 32-bit unsigned milliseconds.
constexpr std::int64_t kMaxExpiryMs = 4294967295;
constexpr std::int64_t kMaxPriority = 255;

// A validator returns the Erlang error term RabbitMQ would print, or nothing.
using Problem = std::optional<std::string>;

std::string unacceptableType(const FieldValue& value) {
    return "{unacceptable_type," + std::string(erlang::typeName(value)) + "}";
}

std::string withValue(std::string_view what, std::int64_t value) {
    return "{" + std::string(what) + "," + std::to_string(value) + "}";
}

Problem checkInteger(const FieldValue& value) {
    if (!erlang::isInteger(value)) {
        return unacceptableType(value);
    }
    return std::nullopt;
}

Problem checkExpiry(std::int64_t value) {
    if (value < 0) {
        return withValue("value_negative", value);
    }
    if (value > kMaxExpiryMs) {
        return withValue("value_too_large", value);
    }
    return std::nullopt;
}

Problem checkNonNegativeInteger(const FieldValue& value) {
    if (auto problem = checkInteger(value)) {
        return problem;
    }
    if (erlang::integerOf(value) < 0) {
        return withValue("value_negative", erlang::integerOf(value));
    }
    return std::nullopt;
}

Problem checkLongString(const FieldValue& value) {
    if (value.asString() == nullptr) {
        return unacceptableType(value);
    }
    return std::nullopt;
}

struct Validator {
    std::string_view key;
    std::function<Problem(const FieldValue&, const FieldTable&, QueueArguments&)> check;
};

Problem expires(const FieldValue& value, const FieldTable&, QueueArguments& out) {
    if (auto problem = checkInteger(value)) {
        return problem;
    }
    const auto ms = erlang::integerOf(value);
    if (ms == 0) {
        return withValue("value_zero", ms);
    }
    if (auto problem = checkExpiry(ms)) {
        return problem;
    }
    out.expiresMs = ms;
    return std::nullopt;
}

Problem messageTtl(const FieldValue& value, const FieldTable&, QueueArguments& out) {
    if (auto problem = checkInteger(value)) {
        return problem;
    }
    if (auto problem = checkExpiry(erlang::integerOf(value))) {
        return problem;
    }
    out.messageTtlMs = erlang::integerOf(value);
    return std::nullopt;
}

Problem deadLetterExchange(const FieldValue& value, const FieldTable&, QueueArguments& out) {
    if (auto problem = checkLongString(value)) {
        return problem;
    }
    out.deadLetterExchange = *value.asString();
    return std::nullopt;
}

Problem deadLetterRoutingKey(const FieldValue& value, const FieldTable& all, QueueArguments& out) {
    if (auto problem = checkLongString(value)) {
        return problem;
    }
    if (all.find("x-dead-letter-exchange") == nullptr) {
        return "routing_key_but_no_dlx_defined";
    }
    out.deadLetterRoutingKey = *value.asString();
    return std::nullopt;
}

Problem maxLength(const FieldValue& value, const FieldTable&, QueueArguments& out) {
    if (auto problem = checkNonNegativeInteger(value)) {
        return problem;
    }
    out.maxLength = erlang::integerOf(value);
    return std::nullopt;
}

Problem maxLengthBytes(const FieldValue& value, const FieldTable&, QueueArguments& out) {
    if (auto problem = checkNonNegativeInteger(value)) {
        return problem;
    }
    out.maxLengthBytes = erlang::integerOf(value);
    return std::nullopt;
}

Problem maxPriority(const FieldValue& value, const FieldTable&, QueueArguments& out) {
    if (auto problem = checkNonNegativeInteger(value)) {
        return problem;
    }
    const auto priority = erlang::integerOf(value);
    if (priority > kMaxPriority) {
        return withValue("max_value_exceeded", priority);
    }
    out.maxPriority = static_cast<std::uint8_t>(priority);
    return std::nullopt;
}

Problem overflow(const FieldValue& value, const FieldTable&, QueueArguments& out) {
    if (auto problem = checkLongString(value)) {
        return problem;
    }
    const std::string& text = *value.asString();
    if (text == "drop-head") {
        out.overflow = Overflow::DropHead;
    } else if (text == "reject-publish") {
        out.overflow = Overflow::RejectPublish;
    } else if (text == "reject-publish-dlx") {
        out.overflow = Overflow::RejectPublishDlx;
    } else {
        return "invalid_overflow";
    }
    return std::nullopt;
}

Problem singleActiveConsumer(const FieldValue& value, const FieldTable&, QueueArguments& out) {
    const bool* flag = std::get_if<bool>(&value.value);
    if (flag == nullptr) {
        return unacceptableType(value);
    }
    out.singleActiveConsumer = *flag;
    return std::nullopt;
}

Problem queueType(const FieldValue& value, const FieldTable&, QueueArguments& out) {
    if (auto problem = checkLongString(value)) {
        return problem;
    }
    const std::string& text = *value.asString();
    if (text == "classic") {
        out.type = QueueType::Classic;
    } else if (text == "stream") {
        out.type = QueueType::Stream;
    } else {
        // "quorum" is valid in RabbitMQ but this broker has no quorum queues; refusing beats
        // silently giving classic semantics to a queue the client thinks is replicated.
        return "invalid_queue_type";
    }
    return std::nullopt;
}

Problem maxAge(const FieldValue& value, const FieldTable&, QueueArguments& out) {
    if (auto problem = checkLongString(value)) {
        return problem;
    }
    auto ms = parseMaxAgeMs(*value.asString());
    if (!ms) {
        return "invalid_max_age";
    }
    out.maxAgeMs = *ms;
    return std::nullopt;
}

// Read by StreamQueue itself (it sizes its segments); checked here as RabbitMQ checks it,
// with check_non_neg_int_arg.
Problem streamMaxSegmentSizeBytes(const FieldValue& value, const FieldTable&, QueueArguments&) {
    return checkNonNegativeInteger(value);
}

// rabbit_amqqueue:declare_args/0, in its order (the first failure is reported).
const Validator kValidators[] = {
    {"x-expires", expires},
    {"x-message-ttl", messageTtl},
    {"x-dead-letter-exchange", deadLetterExchange},
    {"x-dead-letter-routing-key", deadLetterRoutingKey},
    {"x-max-length", maxLength},
    {"x-max-length-bytes", maxLengthBytes},
    {"x-max-priority", maxPriority},
    {"x-overflow", overflow},
    {"x-single-active-consumer", singleActiveConsumer},
    {"x-queue-type", queueType},
    {"x-max-age", maxAge},
    {"x-stream-max-segment-size-bytes", streamMaxSegmentSizeBytes},
};

}  // namespace

std::string_view toString(QueueType type) {
    return type == QueueType::Stream ? "stream" : "classic";
}

std::string_view toString(Overflow value) {
    switch (value) {
        case Overflow::DropHead:
            return "drop-head";
        case Overflow::RejectPublish:
            return "reject-publish";
        case Overflow::RejectPublishDlx:
            return "reject-publish-dlx";
    }
    return "drop-head";
}

AmqpResult<QueueArguments> parseQueueArguments(const FieldTable& arguments,
                                               std::string_view resource) {
    QueueArguments parsed;
    for (const auto& validator : kValidators) {
        const FieldValue* value = arguments.find(validator.key);
        if (value == nullptr) {
            continue;
        }
        if (auto problem = validator.check(*value, arguments, parsed)) {
            return AmqpError::make(ReplyCode::PreconditionFailed,
                                   "invalid arg '" + std::string(validator.key) + "' for " +
                                       std::string(resource) + ": " + *problem);
        }
    }
    return parsed;
}

std::optional<std::int64_t> parseMaxAgeMs(std::string_view text) {
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || value <= 0 || end == text.data() + text.size() ||
        end + 1 != text.data() + text.size()) {
        return std::nullopt;
    }
    constexpr std::int64_t kSecond = 1000;
    constexpr std::int64_t kDay = 24 * 3600 * kSecond;
    std::int64_t unit = 0;
    switch (*end) {
        case 'Y':
            unit = 365 * kDay;
            break;
        case 'M':
            unit = 30 * kDay;
            break;
        case 'D':
            unit = kDay;
            break;
        case 'h':
            unit = 3600 * kSecond;
            break;
        case 'm':
            unit = 60 * kSecond;
            break;
        case 's':
            unit = kSecond;
            break;
        default:
            return std::nullopt;
    }
    return value * unit;
}

}  // namespace sbx::broker::amqp
