#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <thread>

#include "net_types.h"
#include "run_clock.h"
#include "sbx/bench/benchmark_report.h"
#include "sbx/bench/latency_histogram.h"
#include "sbx/common/result.h"

// What every benchmark run (MQTT, AMQP) does the same way: time conversions, thread
// count, name resolution, waiting for a condition, and turning counters into figures.
namespace sbx::bench {

[[nodiscard]] std::uint64_t secondsToNs(double seconds);
[[nodiscard]] std::chrono::milliseconds secondsToMs(double seconds);
// `requested`, or one per core when 0.
[[nodiscard]] unsigned chooseThreads(unsigned requested);
[[nodiscard]] Result<Endpoints> resolveEndpoints(const std::string& host, std::uint16_t port);

// Sets the run's phases from now on: warm-up, then the measured window. Returns its end.
std::uint64_t startRunClock(RunClock& clock, double warmupSeconds, double durationSeconds);

[[nodiscard]] Throughput throughputOf(std::uint64_t messages, double seconds,
                                      std::size_t payloadSize);
[[nodiscard]] LatencySummary summarize(const LatencyHistogram& latencies);

// Polls `done` until it holds or the deadline passes; true when it held. The run's
// coordinating thread waits like this for counters that client threads advance.
template <typename Predicate>
bool waitUntil(std::chrono::steady_clock::time_point deadline, Predicate done) {
    constexpr auto kPollInterval = std::chrono::milliseconds(10);
    while (!done()) {
        if (std::chrono::steady_clock::now() >= deadline) {
            return false;
        }
        std::this_thread::sleep_for(kPollInterval);
    }
    return true;
}

}  // namespace sbx::bench
