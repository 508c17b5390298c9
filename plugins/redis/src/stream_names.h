#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "sbx/common/result.h"

namespace sbx::redis {

// Destination ids of this plugin:
//   "stream:<key>"               a stream
//   "group:<key>/<group>"        a consumer group of it (the last '/' separates)
//   "deadletters:<key>/<group>"  its entries pending longer than idle_ms
struct DestinationRef {
    enum class Kind { Stream, Group, DeadLetters };
    Kind kind = Kind::Stream;
    std::string key;
    std::string group;
};

[[nodiscard]] std::string streamDestinationId(std::string_view key);
[[nodiscard]] std::string groupDestinationId(std::string_view key, std::string_view group);
[[nodiscard]] std::string deadLettersDestinationId(std::string_view key, std::string_view group);
Result<DestinationRef> parseDestinationId(std::string_view id);

// Where a peek starts, as an XRANGE start: "-" for "first" (or empty), an entry id as it
// is ("1700000000000-0"), a time in epoch milliseconds or ISO 8601 as the id of that
// millisecond (ids are times). "last" and "next" are resolved by the caller.
Result<std::string> streamStartFromOffset(std::string_view offset);

// The millisecond part of an entry id: when Redis added it (for ids it generated).
[[nodiscard]] std::uint64_t entryIdMillis(std::string_view id);

}  // namespace sbx::redis
