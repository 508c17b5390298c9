#include <nlohmann/json.hpp>

#include "report_parts.h"
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

}  // namespace

std::string renderJson(const MqttBenchmarkReport& report) {
    const nlohmann::json json = {{"options", toJson(report.options)},
                                 {"threads", report.threads},
                                 {"inflightUsed", report.inflightUsed},
                                 {"measuredSeconds", report.measuredSeconds},
                                 {"published", report::toJson(report.published)},
                                 {"received", report::toJson(report.received)},
                                 {"latencyMs", report::toJson(report.latency)},
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
