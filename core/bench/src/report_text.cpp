#include <cstdio>
#include <sstream>

#include "sbx/bench/benchmark_report.h"

namespace sbx::bench {

namespace {

std::string format(const char* pattern, double value) {
    char text[64];
    std::snprintf(text, sizeof text, pattern, value);
    return text;
}

std::string milliseconds(std::uint64_t ns) {
    return format("%.3f ms", static_cast<double>(ns) / 1e6);
}

std::string describeLoad(const MqttBenchmarkReport& report) {
    const auto& o = report.options;
    std::ostringstream text;
    text << o.host << ':' << o.port << ", MQTT " << versionName(o.version) << ", QoS "
         << static_cast<int>(o.qos) << ", " << o.publishers << " publisher(s) -> " << o.subscribers
         << " subscriber(s)"
         << (o.topics == TopicMode::Fanout ? " on one topic" : " on per-publisher topics") << ", "
         << o.payloadSize << " B payload, "
         << (o.ratePerPublisher > 0 ? format("%.0f msg/s per publisher", o.ratePerPublisher)
                                    : std::string("flat out"))
         << ", " << format("%.1f s", o.durationSeconds) << " (+"
         << format("%.1f s", o.warmupSeconds) << " warm-up), " << report.threads << " thread(s)";
    if (o.qos > 0) {
        text << ", in-flight window " << report.inflightUsed;
    }
    return text.str();
}

void writeThroughput(std::ostringstream& text, const char* label, const Throughput& figures) {
    text << label << format("%12.0f msg/s", figures.messagesPerSecond)
         << format("%10.2f MB/s", figures.megabytesPerSecond) << "  (" << figures.messages
         << " messages)\n";
}

}  // namespace

std::string renderText(const MqttBenchmarkReport& report) {
    std::ostringstream text;
    text << "sbx bench mqtt: " << describeLoad(report) << '\n';
    writeThroughput(text, "published ", report.published);
    writeThroughput(text, "received  ", report.received);
    const auto& latency = report.latency;
    text << "latency    p50 " << milliseconds(latency.p50Ns) << "  p99 "
         << milliseconds(latency.p99Ns) << "  p99.9 " << milliseconds(latency.p999Ns) << "  max "
         << milliseconds(latency.maxNs) << "  (" << latency.samples << " samples)\n";
    text << "delivery   " << report.deliveries << " of " << report.expectedDeliveries
         << " expected, lost " << report.lost << ", duplicates " << report.duplicates;
    if (report.rejected > 0) {
        text << ", rejected by the broker " << report.rejected;
    }
    if (report.options.qos == 0 && report.lost > 0) {
        text << " (QoS 0 is at most once: the broker may drop messages)";
    }
    text << '\n';
    if (!report.drained) {
        text << "note       not every message arrived within "
             << format("%.1f s", report.options.drainSeconds)
             << " after the end; the rest count as lost\n";
    }
    for (const auto& error : report.errors) {
        text << "error      " << error << '\n';
    }
    return text.str();
}

}  // namespace sbx::bench
