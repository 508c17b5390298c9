#include <sstream>

#include "report_parts.h"
#include "sbx/bench/benchmark_report.h"

namespace sbx::bench {

namespace {

using report::format;

std::string describeLoad(const MqttBenchmarkReport& report) {
    const auto& o = report.options;
    std::ostringstream text;
    text << o.host << ':' << o.port << ", MQTT " << versionName(o.version) << ", QoS "
         << static_cast<int>(o.qos) << ", " << o.publishers << " publisher(s) -> " << o.subscribers
         << " subscriber(s)"
         << (o.topics == TopicMode::Fanout ? " on one topic" : " on per-publisher topics") << ", "
         << o.payloadSize << " B payload, " << report::rateText(o.ratePerPublisher, "publisher")
         << ", " << format("%.1f s", o.durationSeconds) << " (+"
         << format("%.1f s", o.warmupSeconds) << " warm-up), " << report.threads << " thread(s)";
    if (o.qos > 0) {
        text << ", in-flight window " << report.inflightUsed;
    }
    return text.str();
}

}  // namespace

std::string renderText(const MqttBenchmarkReport& report) {
    std::ostringstream text;
    text << "sbx bench mqtt: " << describeLoad(report) << '\n';
    report::writeThroughput(text, "published ", report.published);
    report::writeThroughput(text, "received  ", report.received);
    report::writeLatency(text, report.latency);
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
