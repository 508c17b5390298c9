#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sbx::broker {

// MQTT topic rules (MQTT 5 §4.7): names carry no wildcards; filters use `+` for one
// whole level and `#` only as the whole last level. Both are non-empty and NUL-free.
[[nodiscard]] bool isValidTopicName(std::string_view name);
[[nodiscard]] bool isValidTopicFilter(std::string_view filter);

// Does `filter` match `name`? Filters starting with a wildcard do not match names that
// start with `$` (MQTT 5 §4.7.2).
[[nodiscard]] bool topicMatches(std::string_view filter, std::string_view name);

// `$share/{group}/{filter}` (MQTT 5 §4.8.2). nullopt when `text` is not a share;
// a share with an empty or wildcard group or an invalid filter gives `valid == false`.
struct SharedSubscriptionFilter {
    std::string group;
    std::string filter;
    bool valid = false;
};
[[nodiscard]] std::optional<SharedSubscriptionFilter> parseSharedFilter(std::string_view text);

}  // namespace sbx::broker
