#include "resp_value.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace sbx::redis {

std::string RespValue::asText() const {
    switch (type) {
        case Type::SimpleString:
        case Type::Error:
        case Type::Bulk:
            return text;
        case Type::Integer:
            return std::to_string(integer);
        case Type::Array:
        case Type::Null:
            break;
    }
    return {};
}

std::optional<std::int64_t> RespValue::asInteger() const {
    if (type == Type::Integer) {
        return integer;
    }
    if (type == Type::Bulk || type == Type::SimpleString) {
        std::int64_t parsed = 0;
        const auto* end = text.data() + text.size();
        auto [ptr, ec] = std::from_chars(text.data(), end, parsed);
        if (ec == std::errc{} && ptr == end) {
            return parsed;
        }
    }
    return std::nullopt;
}

const RespValue* RespValue::field(std::string_view key) const {
    if (type != Type::Array) {
        return nullptr;
    }
    for (std::size_t i = 0; i + 1 < elements.size(); i += 2) {
        const RespValue& name = elements[i];
        if ((name.type == Type::Bulk || name.type == Type::SimpleString) && name.text == key) {
            return &elements[i + 1];
        }
    }
    return nullptr;
}

void appendCommand(std::string& out, const RespCommand& command) {
    out += '*';
    out += std::to_string(command.size());
    out += "\r\n";
    for (const std::string& argument : command) {
        out += '$';
        out += std::to_string(argument.size());
        out += "\r\n";
        out += argument;
        out += "\r\n";
    }
}

std::string commandName(const RespCommand& command) {
    auto upper = [](std::string word) {
        std::transform(word.begin(), word.end(), word.begin(),
                       [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        return word;
    };
    if (command.empty()) {
        return {};
    }
    std::string name = upper(command[0]);
    static const char* const kContainers[] = {"XINFO", "XGROUP", "CLIENT", "CONFIG", "ACL"};
    const bool container = std::any_of(std::begin(kContainers), std::end(kContainers),
                                       [&](const char* c) { return name == c; });
    if (container && command.size() > 1) {
        name += ' ' + upper(command[1]);
    }
    return name;
}

}  // namespace sbx::redis
