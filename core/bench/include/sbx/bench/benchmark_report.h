#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sbx/bench/benchmark_options.h"

namespace sbx::bench {

struct LatencySummary {
    std::uint64_t samples = 0;
    std::uint64_t minNs = 0;
    std::uint64_t p50Ns = 0;
    std::uint64_t p95Ns = 0;
    std::uint64_t p99Ns = 0;
    std::uint64_t p999Ns = 0;
    std::uint64_t maxNs = 0;
    double meanNs = 0;
};

// Messages in the measured window (after the warm-up, before the end).
struct Throughput {
    std::uint64_t messages = 0;
    double messagesPerSecond = 0;
    double megabytesPerSecond = 0;  // payload bytes, 10^6 per MB
};

struct MqttBenchmarkReport {
    MqttBenchmarkOptions options;
    unsigned threads = 0;            // I/O threads actually used
    std::uint16_t inflightUsed = 0;  // the window after the broker's Receive Maximum
    double measuredSeconds = 0;
    Throughput published;    // counted when sent
    Throughput received;     // counted when they arrived at a subscriber
    LatencySummary latency;  // of messages sent in the measured window

    // Over the whole run, warm-up included: every message a subscriber should have
    // received (by its subscriptions) against the distinct ones it did receive.
    std::uint64_t publishedTotal = 0;
    std::uint64_t expectedDeliveries = 0;
    std::uint64_t deliveries = 0;
    std::uint64_t lost = 0;
    std::uint64_t duplicates = 0;
    std::uint64_t rejected = 0;       // publishes the broker acknowledged with an error reason
    bool drained = true;              // everything arrived before the drain timeout
    std::vector<std::string> errors;  // connections lost or refused during the run
};

[[nodiscard]] std::string renderText(const MqttBenchmarkReport& report);
[[nodiscard]] std::string renderJson(const MqttBenchmarkReport& report);

}  // namespace sbx::bench
