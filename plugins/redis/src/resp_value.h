#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sbx::redis {

// One RESP reply. RESP2 types plus the RESP3 ones a server may send anyway; RESP3 maps
// and attributes are flattened into key, value, key, value ... arrays so that code
// reading XINFO does not care which protocol version answered.
struct RespValue {
    enum class Type : std::uint8_t { SimpleString, Error, Integer, Bulk, Array, Null };

    Type type = Type::Null;
    std::string text;  // simple string, error, bulk string (also doubles and big numbers)
    std::int64_t integer = 0;
    std::vector<RespValue> elements;

    [[nodiscard]] bool isNull() const { return type == Type::Null; }
    [[nodiscard]] bool isError() const { return type == Type::Error; }
    [[nodiscard]] bool isArray() const { return type == Type::Array; }
    // The value as text: strings as they are, integers in decimal, "" for null and arrays.
    [[nodiscard]] std::string asText() const;
    // Integers, or strings holding one; nullopt otherwise.
    [[nodiscard]] std::optional<std::int64_t> asInteger() const;

    // For flat key/value arrays (XINFO, HELLO): the value after `key`, or nullptr.
    [[nodiscard]] const RespValue* field(std::string_view key) const;
};

// A command as RESP2 sends it: an array of bulk strings.
using RespCommand = std::vector<std::string>;

void appendCommand(std::string& out, const RespCommand& command);

// "XINFO STREAM": the command's name, with the subcommand for container commands, for
// messages.
[[nodiscard]] std::string commandName(const RespCommand& command);

}  // namespace sbx::redis
