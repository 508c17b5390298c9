#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "sbx/bench/benchmark_report.h"

// Pieces of the text and JSON reports that the MQTT and AMQP benchmarks share, so both
// print figures the same way.
namespace sbx::bench::report {

[[nodiscard]] std::string format(const char* pattern, double value);
[[nodiscard]] std::string milliseconds(std::uint64_t ns);
[[nodiscard]] std::string rateText(double ratePerClient, const char* client);

void writeThroughput(std::ostream& text, const char* label, const Throughput& figures);
void writeLatency(std::ostream& text, const LatencySummary& latency);

[[nodiscard]] nlohmann::json toJson(const Throughput& throughput);
[[nodiscard]] nlohmann::json toJson(const LatencySummary& latency);  // in milliseconds

}  // namespace sbx::bench::report
