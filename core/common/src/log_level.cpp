#include "sbx/common/log_level.h"

#include <array>
#include <utility>

namespace sbx {

namespace {
constexpr std::array<std::pair<LogLevel, std::string_view>, 5> kNames{{
    {LogLevel::Trace, "trace"},
    {LogLevel::Debug, "debug"},
    {LogLevel::Info, "info"},
    {LogLevel::Warning, "warning"},
    {LogLevel::Error, "error"},
}};
}  // namespace

std::string_view toString(LogLevel level) {
    for (const auto& [value, name] : kNames) {
        if (value == level) {
            return name;
        }
    }
    return "unknown";
}

std::optional<LogLevel> parseLogLevel(std::string_view text) {
    for (const auto& [value, name] : kNames) {
        if (name == text) {
            return value;
        }
    }
    if (text == "warn") {
        return LogLevel::Warning;
    }
    return std::nullopt;
}

}  // namespace sbx
