#include "equivalence.h"

#include <string>
#include <variant>

#include "erlang_text.h"

namespace sbx::broker::amqp {

namespace {

AmqpError inequivalent(std::string_view key, std::string_view resource, const std::string& received,
                       const std::string& current) {
    return AmqpError::make(ReplyCode::PreconditionFailed, "inequivalent arg '" + std::string(key) +
                                                              "' for " + std::string(resource) +
                                                              ": received " + received +
                                                              " but current is " + current);
}

std::string_view typeClass(const FieldValue& value) {
    if (erlang::isInteger(value)) {
        return "int";
    }
    if (std::holds_alternative<float>(value.value) || std::holds_alternative<double>(value.value)) {
        return "float";
    }
    return erlang::typeName(value);
}

bool equivalentValues(const FieldValue& a, const FieldValue& b) {
    if (typeClass(a) != typeClass(b)) {
        return false;
    }
    if (erlang::isInteger(a)) {
        return erlang::integerOf(a) == erlang::integerOf(b);
    }
    if (typeClass(a) == "float") {
        const auto asDouble = [](const FieldValue& v) {
            const float* f = std::get_if<float>(&v.value);
            return f != nullptr ? static_cast<double>(*f) : std::get<double>(v.value);
        };
        return asDouble(a) == asDouble(b);
    }
    return a == b;
}

}  // namespace

std::optional<AmqpError> fieldEquivalence(std::string_view field, std::string_view resource,
                                          std::string_view received, std::string_view current) {
    if (received == current) {
        return std::nullopt;
    }
    return inequivalent(field, resource, "'" + std::string(received) + "'",
                        "'" + std::string(current) + "'");
}

std::optional<AmqpError> flagEquivalence(std::string_view field, std::string_view resource,
                                         bool received, bool current) {
    return fieldEquivalence(field, resource, received ? "true" : "false",
                            current ? "true" : "false");
}

std::optional<AmqpError> argumentEquivalence(std::string_view key, std::string_view resource,
                                             const FieldTable& current, const FieldTable& received,
                                             const FieldValue* absentAs) {
    const FieldValue* now = current.find(key);
    const FieldValue* asked = received.find(key);
    now = now != nullptr ? now : absentAs;
    asked = asked != nullptr ? asked : absentAs;
    if (now == nullptr && asked == nullptr) {
        return std::nullopt;
    }
    if (now != nullptr && asked != nullptr && equivalentValues(*now, *asked)) {
        return std::nullopt;
    }
    return inequivalent(key, resource, erlang::argumentValue(asked), erlang::argumentValue(now));
}

}  // namespace sbx::broker::amqp
