#pragma once

#include <memory>
#include <vector>

#include "bench_publisher.h"
#include "bench_subscriber.h"
#include "io_threads.h"
#include "mqtt_client.h"
#include "run_clock.h"
#include "sbx/bench/benchmark_report.h"

namespace sbx::bench {

// One execution of a benchmark: owns the I/O threads and every client, and walks the
// phases (connect, subscribe, publish, drain, disconnect) from the calling thread.
class BenchmarkRun {
public:
    explicit BenchmarkRun(const MqttBenchmarkOptions& options);
    ~BenchmarkRun();
    BenchmarkRun(const BenchmarkRun&) = delete;
    BenchmarkRun& operator=(const BenchmarkRun&) = delete;

    [[nodiscard]] Result<MqttBenchmarkReport> execute();

private:
    [[nodiscard]] Result<Endpoints> resolve() const;
    [[nodiscard]] ClientSettings settingsFor(const std::string& role, std::uint32_t index) const;
    [[nodiscard]] Status connectSubscribers();
    [[nodiscard]] Status connectPublishers();
    void publishUntilTheEnd();
    [[nodiscard]] bool drain();
    [[nodiscard]] std::uint64_t expectedBy(const BenchSubscriber& subscriber) const;
    void disconnectAll();
    [[nodiscard]] MqttBenchmarkReport buildReport(bool drained) const;

    MqttBenchmarkOptions options_;
    RunClock clock_;
    Endpoints endpoints_;
    IoThreads threads_;
    // Declared after threads_: destroyed before the io_context, once the threads stopped.
    std::vector<std::unique_ptr<BenchSubscriber>> subscribers_;
    std::vector<std::unique_ptr<BenchPublisher>> publishers_;
};

}  // namespace sbx::bench
