#include "sbx/broker/topic.h"

#include <cstddef>

#include "topic_levels.h"

namespace sbx::broker {

namespace {

using detail::kMultiLevelWildcard;
using detail::kSingleLevelWildcard;
using detail::LevelCursor;

// Topic strings are UTF-8 strings with a two-byte length prefix (MQTT 5 §1.5.4); the
// codec checks that they are well-formed UTF-8, these rules check the topic grammar.
constexpr std::size_t kMaxTopicLength = 65535;
constexpr std::string_view kWildcards = "+#";
constexpr std::string_view kSharePrefix = "$share/";

bool hasValidLength(std::string_view text) {
    return !text.empty() && text.size() <= kMaxTopicLength;
}

bool containsNul(std::string_view text) {
    return text.find('\0') != std::string_view::npos;
}

bool containsWildcard(std::string_view text) {
    return text.find_first_of(kWildcards) != std::string_view::npos;
}

bool startsWithWildcard(std::string_view filter) {
    return !filter.empty() && kWildcards.find(filter.front()) != std::string_view::npos;
}

// A wildcard must be a whole level, and `#` only the last one (MQTT-4.7.1-2, -3).
bool hasValidWildcards(std::string_view filter) {
    LevelCursor levels(filter);
    while (!levels.atEnd()) {
        const auto level = levels.next();
        if (level == kMultiLevelWildcard && !levels.atEnd()) {
            return false;
        }
        if (level.size() > 1 && containsWildcard(level)) {
            return false;
        }
    }
    return true;
}

// MQTT-4.8.2-1 and -2: at least one character, none of `/`, `+`, `#`.
bool isValidShareName(std::string_view group) {
    return !group.empty() && !containsWildcard(group) && !containsNul(group) &&
           group.find('/') == std::string_view::npos;
}

}  // namespace

bool isValidTopicName(std::string_view name) {
    return hasValidLength(name) && !containsNul(name) && !containsWildcard(name);
}

bool isValidTopicFilter(std::string_view filter) {
    return hasValidLength(filter) && !containsNul(filter) && hasValidWildcards(filter);
}

bool topicMatches(std::string_view filter, std::string_view name) {
    if (detail::isServerTopic(name) && startsWithWildcard(filter)) {
        return false;
    }
    LevelCursor wanted(filter);
    LevelCursor actual(name);
    while (!wanted.atEnd()) {
        const auto level = wanted.next();
        if (level == kMultiLevelWildcard) {
            // `#` also matches the parent level ("sport/#" matches "sport"); a `#` that is
            // not last makes the filter invalid, and an invalid filter matches nothing.
            return wanted.atEnd();
        }
        if (actual.atEnd()) {
            return false;
        }
        const auto actualLevel = actual.next();
        if (level != kSingleLevelWildcard && level != actualLevel) {
            return false;
        }
    }
    return actual.atEnd();
}

std::optional<SharedSubscriptionFilter> parseSharedFilter(std::string_view text) {
    if (!text.starts_with(kSharePrefix)) {
        return std::nullopt;
    }
    const auto rest = text.substr(kSharePrefix.size());
    const auto slash = rest.find('/');
    SharedSubscriptionFilter shared;
    shared.group = std::string(rest.substr(0, slash));
    if (slash == std::string_view::npos) {
        return shared;  // "$share/group" names no filter
    }
    shared.filter = std::string(rest.substr(slash + 1));
    shared.valid = isValidShareName(shared.group) && isValidTopicFilter(shared.filter);
    return shared;
}

}  // namespace sbx::broker
