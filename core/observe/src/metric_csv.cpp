#include "metric_csv.h"

#include <array>
#include <charconv>
#include <cstdio>
#include <ctime>

namespace sbx::observe {

namespace {

void appendNumber(std::string& out, double value) {
    std::array<char, 32> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    out.append(buffer.data(), result.ptr);
}

void appendNumber(std::string& out, std::int64_t value) {
    std::array<char, 24> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    out.append(buffer.data(), result.ptr);
}

// 2026-11-22T06:20:18.000Z: spreadsheets and pandas read it as a UTC time.
void appendIsoTime(std::string& out, MetricTime time) {
    const auto ms = time.time_since_epoch().count();
    const std::int64_t millis = ((ms % 1000) + 1000) % 1000;
    const std::time_t seconds = static_cast<std::time_t>((ms - millis) / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    std::array<char, 40> buffer{};
    const int length = std::snprintf(
        buffer.data(), buffer.size(), "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
        utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, static_cast<int>(millis));
    out.append(buffer.data(), static_cast<std::size_t>(length));
}

}  // namespace

std::string formatCsv(const SeriesPoints& points) {
    std::string out = "time_utc,time_ms,min,max,avg,last,count\n";
    for (const auto& point : points.points) {
        appendIsoTime(out, point.time);
        out += ',';
        appendNumber(out, std::int64_t{point.time.time_since_epoch().count()});
        for (const double value : {point.min, point.max, point.avg, point.last}) {
            out += ',';
            appendNumber(out, value);
        }
        out += ',';
        appendNumber(out, static_cast<std::int64_t>(point.count));
        out += '\n';
    }
    return out;
}

}  // namespace sbx::observe
