#include "stream_names.h"

#include <charconv>
#include <cstdio>
#include <optional>
#include <utility>

namespace sbx::redis {

namespace {

constexpr std::string_view kStream = "stream:";
constexpr std::string_view kGroup = "group:";
constexpr std::string_view kDeadLetters = "deadletters:";

bool isDigits(std::string_view text) {
    return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

bool isEntryId(std::string_view text) {
    const auto dash = text.find('-');
    if (dash == std::string_view::npos) {
        return isDigits(text);
    }
    return isDigits(text.substr(0, dash)) && isDigits(text.substr(dash + 1));
}

// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

// "2024-05-01T12:00:00Z", with optional fraction and "+02:00"-style offset.
std::optional<std::int64_t> parseIsoMillis(std::string_view text) {
    int year = 0;
    unsigned month = 0;
    unsigned day = 0;
    unsigned hour = 0;
    unsigned minute = 0;
    unsigned second = 0;
    int consumed = 0;
    const std::string copy(text);
    if (std::sscanf(copy.c_str(), "%4d-%2u-%2u%*1[T ]%2u:%2u:%2u%n", &year, &month, &day, &hour,
                    &minute, &second, &consumed) != 6 ||
        month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
        return std::nullopt;
    }
    std::int64_t millis =
        (daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second) * 1000;
    std::string_view rest = text.substr(static_cast<std::size_t>(consumed));
    if (!rest.empty() && rest[0] == '.') {
        std::size_t digits = 1;
        std::int64_t fraction = 0;
        int scale = 100;
        while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9') {
            fraction += (rest[digits] - '0') * scale;
            scale /= 10;
            ++digits;
        }
        millis += fraction;
        rest.remove_prefix(digits);
    }
    if (rest.empty() || rest == "Z" || rest == "z") {
        return millis;
    }
    unsigned offsetHours = 0;
    unsigned offsetMinutes = 0;
    const std::string offset(rest.substr(1));
    if ((rest[0] != '+' && rest[0] != '-') ||
        std::sscanf(offset.c_str(), "%2u:%2u", &offsetHours, &offsetMinutes) != 2) {
        return std::nullopt;
    }
    const std::int64_t shift = (offsetHours * 60 + offsetMinutes) * 60000;
    return rest[0] == '+' ? millis - shift : millis + shift;
}

Result<std::pair<std::string, std::string>> splitKeyAndGroup(std::string_view rest,
                                                             std::string_view id) {
    const auto slash = rest.rfind('/');
    if (slash == std::string_view::npos || slash == 0 || slash + 1 == rest.size()) {
        return Error{
            ErrorCode::InvalidArgument,
            "'" + std::string(id) + "' does not name a stream and a group (<key>/<group>)"};
    }
    return std::pair{std::string(rest.substr(0, slash)), std::string(rest.substr(slash + 1))};
}

}  // namespace

std::string streamDestinationId(std::string_view key) {
    return std::string(kStream) + std::string(key);
}

std::string groupDestinationId(std::string_view key, std::string_view group) {
    return std::string(kGroup) + std::string(key) + "/" + std::string(group);
}

std::string deadLettersDestinationId(std::string_view key, std::string_view group) {
    return std::string(kDeadLetters) + std::string(key) + "/" + std::string(group);
}

Result<DestinationRef> parseDestinationId(std::string_view id) {
    DestinationRef ref;
    if (id.substr(0, kStream.size()) == kStream && id.size() > kStream.size()) {
        ref.kind = DestinationRef::Kind::Stream;
        ref.key = id.substr(kStream.size());
        return ref;
    }
    const bool group = id.substr(0, kGroup.size()) == kGroup;
    const bool dead = id.substr(0, kDeadLetters.size()) == kDeadLetters;
    if (group || dead) {
        auto parts = splitKeyAndGroup(id.substr(group ? kGroup.size() : kDeadLetters.size()), id);
        if (!parts) {
            return parts.error();
        }
        ref.kind = group ? DestinationRef::Kind::Group : DestinationRef::Kind::DeadLetters;
        ref.key = std::move(parts->first);
        ref.group = std::move(parts->second);
        return ref;
    }
    return Error{ErrorCode::NotFound,
                 "'" + std::string(id) +
                     "' is not a Redis destination (stream:<key>, group:<key>/<group> or "
                     "deadletters:<key>/<group>)"};
}

Result<std::string> streamStartFromOffset(std::string_view offset) {
    if (offset.empty() || offset == "first") {
        return std::string("-");
    }
    if (isEntryId(offset)) {
        return std::string(offset);  // epoch milliseconds are ids of that millisecond
    }
    if (auto millis = parseIsoMillis(offset); millis && *millis >= 0) {
        return std::to_string(*millis);
    }
    return Error{ErrorCode::InvalidArgument,
                 "'" + std::string(offset) +
                     "' is not a stream position: use first, last, next, an entry id "
                     "(1700000000000-0), epoch milliseconds or an ISO 8601 time"};
}

std::uint64_t entryIdMillis(std::string_view id) {
    std::uint64_t millis = 0;
    std::from_chars(id.data(), id.data() + id.size(), millis);
    return millis;
}

}  // namespace sbx::redis
