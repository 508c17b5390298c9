#include "erlang_text.h"

#include <charconv>
#include <cstdint>
#include <type_traits>
#include <variant>

namespace sbx::broker::amqp::erlang {

namespace {

template <typename T>
constexpr bool kIsIntegerAlternative = std::is_integral_v<T> && !std::is_same_v<T, bool>;

std::string floatText(double value) {
    char buffer[64];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    std::string text(buffer, ec == std::errc{} ? end : buffer);
    // Erlang always prints a fraction: 1.0, not 1.
    if (text.find_first_of(".e") == std::string::npos) {
        text += ".0";
    }
    return text;
}

}  // namespace

std::string_view typeName(const FieldValue& value) {
    static constexpr std::string_view kNames[] = {
        "bool",        "byte",  "unsignedbyte", "short",  "unsignedshort", "signedint",
        "unsignedint", "long",  "float",        "double", "decimal",       "longstr",
        "binary",      "array", "timestamp",    "table",  "void"};
    static_assert(std::size(kNames) == std::variant_size_v<FieldValue::Variant>);
    return kNames[value.value.index()];
}

bool isInteger(const FieldValue& value) {
    return std::visit(
        [](const auto& v) { return kIsIntegerAlternative<std::decay_t<decltype(v)>>; },
        value.value);
}

std::int64_t integerOf(const FieldValue& value) {
    return std::visit(
        [](const auto& v) -> std::int64_t {
            if constexpr (kIsIntegerAlternative<std::decay_t<decltype(v)>>) {
                return static_cast<std::int64_t>(v);
            } else {
                return 0;
            }
        },
        value.value);
}

std::string plainValue(const FieldValue& value) {
    return std::visit(
        [](const auto& v) -> std::string {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, bool>) {
                return v ? "true" : "false";
            } else if constexpr (kIsIntegerAlternative<T>) {
                return std::to_string(static_cast<std::int64_t>(v));
            } else if constexpr (std::is_floating_point_v<T>) {
                return floatText(static_cast<double>(v));
            } else if constexpr (std::is_same_v<T, std::string>) {
                return v;
            } else if constexpr (std::is_same_v<T, sbx::amqp::ByteArray>) {
                return v.bytes;
            } else if constexpr (std::is_same_v<T, sbx::amqp::Timestamp>) {
                return std::to_string(v.seconds);
            } else if constexpr (std::is_same_v<T, sbx::amqp::Decimal>) {
                return "{" + std::to_string(v.scale) + "," + std::to_string(v.value) + "}";
            } else if constexpr (std::is_same_v<T, sbx::amqp::Void>) {
                return "undefined";
            } else {
                return "[...]";  // tables and arrays never appear in argument texts
            }
        },
        value.value);
}

std::string argumentValue(const FieldValue* value) {
    if (value == nullptr) {
        return "none";
    }
    return "the value '" + plainValue(*value) + "' of type '" + std::string(typeName(*value)) + "'";
}

std::string binary(std::string_view bytes) {
    std::string text = "<<\"";
    text += bytes;
    text += "\">>";
    return text;
}

std::string resource(std::string_view kind, std::string_view name, std::string_view vhost) {
    std::string text(kind);
    text += " '";
    text += name;
    text += "' in vhost '";
    text += vhost;
    text += "'";
    return text;
}

}  // namespace sbx::broker::amqp::erlang
