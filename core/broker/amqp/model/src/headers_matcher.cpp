#include "sbx/broker/amqp/headers_matcher.h"

#include <type_traits>
#include <variant>

#include "erlang_text.h"

namespace sbx::broker::amqp {

namespace {

enum class MatchKind { All, Any, AllWithX, AnyWithX };

// rabbit_exchange_type_headers:parse_x_match: anything unrecognised means "all"
// (bindings made before validation existed).
MatchKind matchKind(const FieldTable& arguments) {
    const FieldValue* value = arguments.find("x-match");
    const std::string* text = value != nullptr ? value->asString() : nullptr;
    if (text == nullptr) {
        return MatchKind::All;
    }
    if (*text == "any") {
        return MatchKind::Any;
    }
    if (*text == "all-with-x") {
        return MatchKind::AllWithX;
    }
    if (*text == "any-with-x") {
        return MatchKind::AnyWithX;
    }
    return MatchKind::All;
}

std::optional<double> numberOf(const FieldValue& value) {
    if (erlang::isInteger(value)) {
        return static_cast<double>(erlang::integerOf(value));
    }
    if (const auto* f = std::get_if<float>(&value.value)) {
        return static_cast<double>(*f);
    }
    if (const auto* d = std::get_if<double>(&value.value)) {
        return *d;
    }
    return std::nullopt;
}

// Erlang's == : numbers compare by value whatever their width (1 == 1.0); everything
// else by type and value.
bool sameValue(const FieldValue& pattern, const FieldValue& data) {
    if (erlang::isInteger(pattern) && erlang::isInteger(data)) {
        return erlang::integerOf(pattern) == erlang::integerOf(data);
    }
    const auto p = numberOf(pattern);
    const auto d = numberOf(data);
    if (p && d) {
        return *p == *d;
    }
    return pattern == data;
}

bool takesPart(std::string_view key, MatchKind kind) {
    if (key == "x-match") {
        return false;
    }
    const bool withX = kind == MatchKind::AllWithX || kind == MatchKind::AnyWithX;
    return withX || !key.starts_with("x-");
}

}  // namespace

bool headersMatch(const FieldTable& bindingArguments, const FieldTable* headers) {
    const MatchKind kind = matchKind(bindingArguments);
    const bool wantAll = kind == MatchKind::All || kind == MatchKind::AllWithX;
    for (const auto& entry : bindingArguments.entries) {
        if (!takesPart(entry.name, kind)) {
            continue;
        }
        const FieldValue* data = headers != nullptr ? headers->find(entry.name) : nullptr;
        const bool presenceOnly = std::holds_alternative<sbx::amqp::Void>(entry.value.value);
        const bool matched = data != nullptr && (presenceOnly || sameValue(entry.value, *data));
        if (wantAll && !matched) {
            return false;
        }
        if (!wantAll && matched) {
            return true;
        }
    }
    return wantAll;
}

AmqpStatus validateHeadersBinding(const FieldTable& bindingArguments) {
    const FieldValue* value = bindingArguments.find("x-match");
    if (value == nullptr) {
        return {};
    }
    const std::string* text = value->asString();
    if (text == nullptr) {
        return AmqpError::make(ReplyCode::PreconditionFailed,
                               "Invalid x-match field type " +
                                   std::string(erlang::typeName(*value)) + " (value " +
                                   erlang::plainValue(*value) + "); expected longstr");
    }
    if (*text != "all" && *text != "any" && *text != "all-with-x" && *text != "any-with-x") {
        return AmqpError::make(ReplyCode::PreconditionFailed,
                               "Invalid x-match field value " + erlang::binary(*text) +
                                   "; expected all, any, all-with-x, or any-with-x");
    }
    return {};
}

}  // namespace sbx::broker::amqp
