#include <nlohmann/json.hpp>

#include "sbx/bench/benchmark_report.h"

namespace sbx::bench {

namespace {

nlohmann::json toJson(const MqttBenchmarkOptions& o) {
    return {{"host", o.host},
            {"port", o.port},
            {"mqttVersion", versionName(o.version)},
            {"publishers", o.publishers},
            {"subscribers", o.subscribers},
            {"qos", o.qos},
            {"payloadBytes", o.payloadSize},
            {"topics", o.topics == TopicMode::Fanout ? "fanout" : "per-publisher"},
            {"ratePerPublisher", o.ratePerPublisher},
            {"durationSeconds", o.durationSeconds},
            {"warmupSeconds", o.warmupSeconds},
            {"inflight", o.inflight}};
}

nlohmann::json toJson(const Throughput& t) {
    return {{"messages", t.messages},
            {"messagesPerSecond", t.messagesPerSecond},
            {"megabytesPerSecond", t.megabytesPerSecond}};
}

double ms(std::uint64_t ns) {
    return static_cast<double>(ns) / 1e6;
}

nlohmann::json toJson(const LatencySummary& l) {
    return {{"samples", l.samples},  {"min", ms(l.minNs)},   {"p50", ms(l.p50Ns)},
            {"p99", ms(l.p99Ns)},    {"p999", ms(l.p999Ns)}, {"max", ms(l.maxNs)},
            {"mean", l.meanNs / 1e6}};
}

}  // namespace

std::string renderJson(const MqttBenchmarkReport& report) {
    const nlohmann::json json = {{"options", toJson(report.options)},
                                 {"threads", report.threads},
                                 {"inflightUsed", report.inflightUsed},
                                 {"measuredSeconds", report.measuredSeconds},
                                 {"published", toJson(report.published)},
                                 {"received", toJson(report.received)},
                                 {"latencyMs", toJson(report.latency)},
                                 {"publishedTotal", report.publishedTotal},
                                 {"expectedDeliveries", report.expectedDeliveries},
                                 {"deliveries", report.deliveries},
                                 {"lost", report.lost},
                                 {"duplicates", report.duplicates},
                                 {"rejected", report.rejected},
                                 {"drained", report.drained},
                                 {"errors", report.errors}};
    return json.dump(2) + "\n";
}

}  // namespace sbx::bench
