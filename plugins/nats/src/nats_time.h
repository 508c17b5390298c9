#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sbx::nats {

using TimePoint = std::chrono::system_clock::time_point;

// RFC 3339 as nats-server writes it ("2024-05-01T12:34:56.123456789Z", or with an
// offset); nullopt for anything else.
[[nodiscard]] std::optional<TimePoint> parseRfc3339(std::string_view text);
// UTC with nanoseconds, as JetStream's opt_start_time wants it.
[[nodiscard]] std::string formatRfc3339(TimePoint time);
// Go's uptime in /varz: "1y2d3h4m5s" -> seconds.
[[nodiscard]] std::uint64_t parseUptime(std::string_view text);

}  // namespace sbx::nats
