#pragma once

#include <optional>
#include <string_view>

namespace sbx {

enum class LogLevel { Trace = 0, Debug = 1, Info = 2, Warning = 3, Error = 4 };

[[nodiscard]] std::string_view toString(LogLevel level);
[[nodiscard]] std::optional<LogLevel> parseLogLevel(std::string_view text);

}  // namespace sbx
