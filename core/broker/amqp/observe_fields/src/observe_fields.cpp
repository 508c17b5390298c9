#include "sbx/amqp/observe_fields.h"

#include <charconv>
#include <cstdio>
#include <ctime>
#include <type_traits>

namespace sbx::amqp_fields {

namespace {

template <typename T>
std::string number(T value) {
    return std::to_string(value);
}

std::optional<std::int64_t> parseInteger(std::string_view text) {
    std::int64_t value = 0;
    const auto* end = text.data() + text.size();
    auto [ptr, error] = std::from_chars(text.data(), end, value);
    if (text.empty() || error != std::errc{} || ptr != end) {
        return std::nullopt;
    }
    return value;
}

std::string joinFields(const amqp::FieldTable& table) {
    std::string out = "{";
    for (const auto& entry : table.entries) {
        if (out.size() > 1) {
            out += ", ";
        }
        out += entry.name + ": " + fieldValue(entry.value);
    }
    return out + "}";
}

std::string joinArray(const amqp::FieldArray& array) {
    std::string out = "[";
    for (const auto& value : array) {
        if (out.size() > 1) {
            out += ", ";
        }
        out += fieldValue(value);
    }
    return out + "]";
}

std::string decimalText(const amqp::Decimal& decimal) {
    std::string digits = std::to_string(
        decimal.value < 0 ? -static_cast<std::int64_t>(decimal.value) : decimal.value);
    if (decimal.scale > 0) {
        if (digits.size() <= decimal.scale) {
            digits.insert(0, decimal.scale - digits.size() + 1, '0');
        }
        digits.insert(digits.size() - decimal.scale, 1, '.');
    }
    return (decimal.value < 0 ? "-" : "") + digits;
}

void add(std::vector<observe::Field>& out, std::string name, const std::optional<std::string>& v) {
    if (v) {
        out.push_back({std::move(name), *v});
    }
}

}  // namespace

std::string printableOrHex(std::string_view bytes) {
    bool printable = true;
    for (const unsigned char c : bytes) {
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
            printable = false;
            break;
        }
    }
    if (printable) {
        return std::string(bytes);
    }
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(bytes.size() * 2);
    for (const unsigned char c : bytes) {
        hex += kDigits[c >> 4];
        hex += kDigits[c & 0x0f];
    }
    return hex;
}

std::string fieldValue(const amqp::FieldValue& value) {
    return std::visit(
        [](const auto& v) -> std::string {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, bool>) {
                return v ? "true" : "false";
            } else if constexpr (std::is_same_v<T, std::int8_t> ||
                                 std::is_same_v<T, std::uint8_t>) {
                return number(static_cast<int>(v));
            } else if constexpr (std::is_arithmetic_v<T>) {
                return number(v);
            } else if constexpr (std::is_same_v<T, amqp::Decimal>) {
                return decimalText(v);
            } else if constexpr (std::is_same_v<T, std::string>) {
                return v;
            } else if constexpr (std::is_same_v<T, amqp::ByteArray>) {
                return printableOrHex(v.bytes);
            } else if constexpr (std::is_same_v<T, amqp::FieldArray>) {
                return joinArray(v);
            } else if constexpr (std::is_same_v<T, amqp::Timestamp>) {
                return isoTime(std::chrono::system_clock::time_point(
                    std::chrono::seconds(static_cast<std::int64_t>(v.seconds))));
            } else if constexpr (std::is_same_v<T, amqp::FieldTable>) {
                return joinFields(v);
            } else {
                return {};  // void
            }
        },
        value.value);
}

std::string fieldText(const amqp::FieldValue* value) {
    if (value == nullptr) {
        return {};
    }
    if (const auto* s = value->asString()) {
        return *s;
    }
    return fieldValue(*value);
}

std::vector<observe::Field> fieldTable(const amqp::FieldTable& table) {
    std::vector<observe::Field> out;
    out.reserve(table.entries.size());
    for (const auto& entry : table.entries) {
        out.push_back({entry.name, fieldValue(entry.value)});
    }
    return out;
}

amqp::FieldTable argumentTable(const std::vector<observe::Field>& fields) {
    amqp::FieldTable table;
    for (const auto& field : fields) {
        if (auto integer = parseInteger(field.value)) {
            table.set(field.name, amqp::FieldValue(*integer));
        } else if (field.value == "true" || field.value == "false") {
            table.set(field.name, amqp::FieldValue(field.value == "true"));
        } else {
            table.set(field.name, amqp::FieldValue(field.value));
        }
    }
    return table;
}

amqp::FieldTable headerTable(const std::vector<observe::Field>& fields) {
    amqp::FieldTable table;
    for (const auto& field : fields) {
        table.set(field.name, amqp::FieldValue(field.value));
    }
    return table;
}

std::string isoTime(std::chrono::system_clock::time_point time) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    char buffer[32];
    const auto length = std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return std::string(buffer, length);
}

std::optional<std::uint64_t> parseTimeSeconds(std::string_view text) {
    if (auto integer = parseInteger(text); integer && *integer >= 0) {
        return static_cast<std::uint64_t>(*integer);
    }
    std::tm parts{};
    const std::string copy(text);
    const char* end = strptime(copy.c_str(), "%Y-%m-%dT%H:%M:%S", &parts);
    if (end == nullptr || (*end != '\0' && std::string_view(end) != "Z")) {
        return std::nullopt;
    }
    const std::time_t seconds = timegm(&parts);
    if (seconds < 0) {
        return std::nullopt;
    }
    return static_cast<std::uint64_t>(seconds);
}

std::vector<observe::Field> amqpProperties(const amqp::BasicProperties& p) {
    std::vector<observe::Field> out;
    add(out, "content-type", p.contentType);
    add(out, "content-encoding", p.contentEncoding);
    if (p.deliveryMode) {
        out.push_back({"delivery-mode", number(static_cast<int>(*p.deliveryMode))});
    }
    if (p.priority) {
        out.push_back({"priority", number(static_cast<int>(*p.priority))});
    }
    add(out, "correlation-id", p.correlationId);
    add(out, "reply-to", p.replyTo);
    add(out, "expiration", p.expiration);
    add(out, "message-id", p.messageId);
    if (p.timestamp) {
        out.push_back(
            {"timestamp", isoTime(std::chrono::system_clock::time_point(
                              std::chrono::seconds(static_cast<std::int64_t>(*p.timestamp))))});
    }
    add(out, "type", p.type);
    add(out, "user-id", p.userId);
    add(out, "app-id", p.appId);
    add(out, "cluster-id", p.clusterId);
    return out;
}

Result<amqp::BasicProperties> parseAmqpProperties(const std::vector<observe::Field>& properties,
                                                  const std::vector<observe::Field>& headers) {
    amqp::BasicProperties p;
    const auto small = [](const observe::Field& f, std::int64_t max) -> Result<std::uint8_t> {
        auto value = parseInteger(f.value);
        if (!value || *value < 0 || *value > max) {
            return Error{ErrorCode::InvalidArgument,
                         f.name + " must be a number from 0 to " + std::to_string(max)};
        }
        return static_cast<std::uint8_t>(*value);
    };
    for (const auto& f : properties) {
        if (f.name == "content-type") {
            p.contentType = f.value;
        } else if (f.name == "content-encoding") {
            p.contentEncoding = f.value;
        } else if (f.name == "delivery-mode") {
            auto mode = f.value == "persistent"  ? Result<std::uint8_t>(std::uint8_t{2})
                        : f.value == "transient" ? Result<std::uint8_t>(std::uint8_t{1})
                                                 : small(f, 2);
            if (!mode) {
                return mode.error();
            }
            p.deliveryMode = *mode;
        } else if (f.name == "priority") {
            auto priority = small(f, 255);
            if (!priority) {
                return priority.error();
            }
            p.priority = *priority;
        } else if (f.name == "correlation-id") {
            p.correlationId = f.value;
        } else if (f.name == "reply-to") {
            p.replyTo = f.value;
        } else if (f.name == "expiration") {
            if (auto ms = parseInteger(f.value); !ms || *ms < 0) {
                return Error{ErrorCode::InvalidArgument,
                             "expiration must be a number of milliseconds"};
            }
            p.expiration = f.value;
        } else if (f.name == "message-id") {
            p.messageId = f.value;
        } else if (f.name == "timestamp") {
            auto seconds = parseTimeSeconds(f.value);
            if (!seconds) {
                return Error{ErrorCode::InvalidArgument,
                             "timestamp must be seconds since the epoch or ISO 8601 UTC"};
            }
            p.timestamp = *seconds;
        } else if (f.name == "type") {
            p.type = f.value;
        } else if (f.name == "user-id") {
            p.userId = f.value;
        } else if (f.name == "app-id") {
            p.appId = f.value;
        } else if (f.name == "cluster-id") {
            p.clusterId = f.value;
        } else {
            return Error{ErrorCode::InvalidArgument, "unknown AMQP property '" + f.name + "'"};
        }
    }
    if (!headers.empty()) {
        p.headers = headerTable(headers);
    }
    return p;
}

std::vector<observe::DeathRecord> deaths(const amqp::FieldTable& headers) {
    std::vector<observe::DeathRecord> out;
    const auto* xDeath = headers.find("x-death");
    const auto* array = xDeath == nullptr ? nullptr : xDeath->asArray();
    if (array == nullptr) {
        return out;
    }
    for (const auto& item : *array) {
        const auto* table = item.asTable();
        if (table == nullptr) {
            continue;
        }
        observe::DeathRecord death;
        death.queue = fieldText(table->find("queue"));
        death.reason = fieldText(table->find("reason"));
        death.exchange = fieldText(table->find("exchange"));
        if (const auto* count = table->find("count")) {
            death.count = static_cast<std::uint64_t>(count->asInteger().value_or(0));
        }
        if (const auto* time = table->find("time")) {
            if (const auto* ts = std::get_if<amqp::Timestamp>(&time->value)) {
                death.time = std::chrono::system_clock::time_point(
                    std::chrono::seconds(static_cast<std::int64_t>(ts->seconds)));
            }
        }
        if (const auto* keys = table->find("routing-keys"); keys && keys->asArray()) {
            for (const auto& key : *keys->asArray()) {
                death.routingKeys.push_back(fieldText(&key));
            }
        }
        out.push_back(std::move(death));
    }
    return out;
}

}  // namespace sbx::amqp_fields
