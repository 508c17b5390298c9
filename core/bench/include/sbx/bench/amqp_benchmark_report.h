#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sbx/bench/amqp_benchmark_options.h"
#include "sbx/bench/benchmark_report.h"

namespace sbx::bench {

struct AmqpBenchmarkReport {
    AmqpBenchmarkOptions options;
    unsigned threads = 0;  // I/O threads actually used
    double measuredSeconds = 0;
    Throughput sent;         // basic.publish written by the producers
    Throughput confirmed;    // publisher confirms (basic.ack) received; 0 without -c
    Throughput received;     // deliveries at the consumers
    LatencySummary latency;  // of messages sent in the measured window

    // Over the whole run, warm-up included.
    std::uint64_t sentTotal = 0;
    std::uint64_t confirmedTotal = 0;
    std::uint64_t nacked = 0;  // publishes the broker refused with basic.nack
    std::uint64_t expectedDeliveries = 0;
    std::uint64_t deliveries = 0;  // distinct messages per consumer, summed
    std::uint64_t lost = 0;
    std::uint64_t duplicates = 0;
    bool drained = true;              // everything arrived before the drain timeout
    std::vector<std::string> errors;  // connections lost or refused during the run
};

[[nodiscard]] std::string renderText(const AmqpBenchmarkReport& report);
[[nodiscard]] std::string renderJson(const AmqpBenchmarkReport& report);

}  // namespace sbx::bench
