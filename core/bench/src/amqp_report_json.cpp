#include <nlohmann/json.hpp>

#include "report_parts.h"
#include "sbx/bench/amqp_benchmark_report.h"

namespace sbx::bench {

namespace {

nlohmann::json toJson(const std::vector<AmqpArgument>& arguments) {
    nlohmann::json object = nlohmann::json::object();
    for (const auto& argument : arguments) {
        object[argument.name] = argument.value;
    }
    return object;
}

nlohmann::json toJson(const AmqpBenchmarkOptions& o) {
    return {{"host", o.host},
            {"port", o.port},
            {"vhost", o.vhost},
            {"producers", o.producers},
            {"consumers", o.consumers},
            {"prefetch", o.prefetch},
            {"confirms", o.confirms},
            {"persistent", o.persistent},
            {"autoAck", o.autoAck},
            {"payloadBytes", o.payloadSize},
            {"ratePerProducer", o.ratePerProducer},
            {"durationSeconds", o.durationSeconds},
            {"warmupSeconds", o.warmupSeconds},
            {"exchangeType", exchangeTypeName(o.exchangeType)},
            {"queueArguments", toJson(o.queueArguments)},
            {"consumerArguments", toJson(o.consumerArguments)}};
}

}  // namespace

std::string renderJson(const AmqpBenchmarkReport& report) {
    const nlohmann::json json = {{"options", toJson(report.options)},
                                 {"threads", report.threads},
                                 {"measuredSeconds", report.measuredSeconds},
                                 {"sent", report::toJson(report.sent)},
                                 {"confirmed", report::toJson(report.confirmed)},
                                 {"received", report::toJson(report.received)},
                                 {"latencyMs", report::toJson(report.latency)},
                                 {"sentTotal", report.sentTotal},
                                 {"confirmedTotal", report.confirmedTotal},
                                 {"nacked", report.nacked},
                                 {"expectedDeliveries", report.expectedDeliveries},
                                 {"deliveries", report.deliveries},
                                 {"lost", report.lost},
                                 {"duplicates", report.duplicates},
                                 {"drained", report.drained},
                                 {"errors", report.errors}};
    return json.dump(2) + "\n";
}

}  // namespace sbx::bench
