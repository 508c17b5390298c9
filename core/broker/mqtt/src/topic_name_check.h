#pragma once

#include <string_view>

#include "field_reader.h"

namespace sbx::mqtt {

// A topic name (PUBLISH, will topic) must not hold the wildcards '+' or '#' (MQTT 5
// §4.7.1); the full topic rules live in the broker, this is only what is free here.
[[nodiscard]] inline Failure checkNoWildcards(std::string_view topic, std::string_view what) {
    if (topic.find_first_of("+#") != std::string_view::npos) {
        return DecodeError{ReasonCode::TopicNameInvalid,
                           std::string(what) + " contains a wildcard ('+' or '#')"};
    }
    return std::nullopt;
}

}  // namespace sbx::mqtt
