#include "nats_time.h"

#include <cctype>
#include <charconv>
#include <cstdio>
#include <ctime>

namespace sbx::nats {

namespace {

bool readNumber(std::string_view& text, std::size_t digits, int& value) {
    if (text.size() < digits) {
        return false;
    }
    const auto [next, ec] = std::from_chars(text.data(), text.data() + digits, value);
    if (ec != std::errc{} || next != text.data() + digits) {
        return false;
    }
    text.remove_prefix(digits);
    return true;
}

bool expect(std::string_view& text, char c) {
    if (text.empty() ||
        (text.front() != c && std::toupper(static_cast<unsigned char>(text.front())) != c)) {
        return false;
    }
    text.remove_prefix(1);
    return true;
}

}  // namespace

std::optional<TimePoint> parseRfc3339(std::string_view text) {
    std::tm tm{};
    int year = 0;
    int month = 0;
    if (!readNumber(text, 4, year) || !expect(text, '-') || !readNumber(text, 2, month) ||
        !expect(text, '-') || !readNumber(text, 2, tm.tm_mday) || !expect(text, 'T') ||
        !readNumber(text, 2, tm.tm_hour) || !expect(text, ':') || !readNumber(text, 2, tm.tm_min) ||
        !expect(text, ':') || !readNumber(text, 2, tm.tm_sec)) {
        return std::nullopt;
    }
    tm.tm_year = year - 1900;
    tm.tm_mon = month - 1;
    std::int64_t nanos = 0;
    if (!text.empty() && text.front() == '.') {
        text.remove_prefix(1);
        std::int64_t scale = 100000000;
        while (!text.empty() && std::isdigit(static_cast<unsigned char>(text.front())) != 0) {
            nanos += (text.front() - '0') * scale;
            scale /= 10;
            text.remove_prefix(1);
        }
    }
    std::int64_t offsetSeconds = 0;
    if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
        const int sign = text.front() == '-' ? -1 : 1;
        text.remove_prefix(1);
        int hours = 0;
        int minutes = 0;
        if (!readNumber(text, 2, hours) || !expect(text, ':') || !readNumber(text, 2, minutes)) {
            return std::nullopt;
        }
        offsetSeconds = sign * (hours * 3600 + minutes * 60);
    } else if (!expect(text, 'Z')) {
        return std::nullopt;
    }
    if (!text.empty()) {
        return std::nullopt;
    }
    const std::int64_t seconds = timegm(&tm) - offsetSeconds;
    return TimePoint(std::chrono::duration_cast<TimePoint::duration>(
        std::chrono::seconds(seconds) + std::chrono::nanoseconds(nanos)));
}

std::string formatRfc3339(TimePoint time) {
    const auto nanos =
        std::chrono::duration_cast<std::chrono::nanoseconds>(time.time_since_epoch()).count();
    const std::time_t seconds = static_cast<std::time_t>(nanos / 1000000000);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char text[64];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%09lldZ", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                  static_cast<long long>(nanos % 1000000000));
    return text;
}

std::uint64_t parseUptime(std::string_view text) {
    std::uint64_t total = 0;
    std::uint64_t number = 0;
    for (char c : text) {
        if (std::isdigit(static_cast<unsigned char>(c)) != 0) {
            number = number * 10 + static_cast<std::uint64_t>(c - '0');
            continue;
        }
        switch (c) {
            case 'y':
                total += number * 365 * 86400;
                break;
            case 'd':
                total += number * 86400;
                break;
            case 'h':
                total += number * 3600;
                break;
            case 'm':
                total += number * 60;
                break;
            case 's':
                total += number;
                break;
            default:
                break;
        }
        number = 0;
    }
    return total;
}

}  // namespace sbx::nats
