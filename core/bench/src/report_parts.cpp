#include "report_parts.h"

#include <cstdio>

namespace sbx::bench::report {

namespace {

double ms(std::uint64_t ns) {
    return static_cast<double>(ns) / 1e6;
}

}  // namespace

std::string format(const char* pattern, double value) {
    char text[64];
    std::snprintf(text, sizeof text, pattern, value);
    return text;
}

std::string milliseconds(std::uint64_t ns) {
    return format("%.3f ms", ms(ns));
}

std::string rateText(double ratePerClient, const char* client) {
    if (ratePerClient <= 0) {
        return "flat out";
    }
    return format("%.0f msg/s per ", ratePerClient) + client;
}

void writeThroughput(std::ostream& text, const char* label, const Throughput& figures) {
    text << label << format("%12.0f msg/s", figures.messagesPerSecond)
         << format("%10.2f MB/s", figures.megabytesPerSecond) << "  (" << figures.messages
         << " messages)\n";
}

void writeLatency(std::ostream& text, const LatencySummary& latency) {
    text << "latency    p50 " << milliseconds(latency.p50Ns) << "  p95 "
         << milliseconds(latency.p95Ns) << "  p99 " << milliseconds(latency.p99Ns) << "  p99.9 "
         << milliseconds(latency.p999Ns) << "  max " << milliseconds(latency.maxNs) << "  ("
         << latency.samples << " samples)\n";
}

nlohmann::json toJson(const Throughput& t) {
    return {{"messages", t.messages},
            {"messagesPerSecond", t.messagesPerSecond},
            {"megabytesPerSecond", t.megabytesPerSecond}};
}

nlohmann::json toJson(const LatencySummary& l) {
    return {{"samples", l.samples}, {"min", ms(l.minNs)},    {"p50", ms(l.p50Ns)},
            {"p95", ms(l.p95Ns)},   {"p99", ms(l.p99Ns)},    {"p999", ms(l.p999Ns)},
            {"max", ms(l.maxNs)},   {"mean", l.meanNs / 1e6}};
}

}  // namespace sbx::bench::report
