#pragma once

#include <string_view>

namespace sbx::mqtt_connector {

// MQTT topic filters (MQTT 5 §4.7): '+' one level, '#' this level and all below, and
// wildcards in the first level never match topics starting with '$' ($SYS/...).
[[nodiscard]] bool isValidFilter(std::string_view filter);
[[nodiscard]] bool matches(std::string_view filter, std::string_view topic);
// Whether every topic `inner` matches is also matched by `outer`, so a subscription to
// `outer` already brings what a watch of `inner` needs.
[[nodiscard]] bool covers(std::string_view outer, std::string_view inner);

}  // namespace sbx::mqtt_connector
