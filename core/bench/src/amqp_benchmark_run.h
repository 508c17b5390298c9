#pragma once

#include <memory>
#include <string>
#include <vector>

#include "amqp_consumer.h"
#include "amqp_producer.h"
#include "io_threads.h"
#include "run_clock.h"
#include "sbx/bench/amqp_benchmark_report.h"

namespace sbx::bench {

// One execution of an AMQP benchmark: owns the I/O threads and every connection, and
// walks the phases (consume, publish, drain, delete queues, close) from the calling
// thread.
class AmqpBenchmarkRun {
public:
    explicit AmqpBenchmarkRun(const AmqpBenchmarkOptions& options);
    ~AmqpBenchmarkRun();
    AmqpBenchmarkRun(const AmqpBenchmarkRun&) = delete;
    AmqpBenchmarkRun& operator=(const AmqpBenchmarkRun&) = delete;

    [[nodiscard]] Result<AmqpBenchmarkReport> execute();

private:
    [[nodiscard]] AmqpClientSettings settingsFor(const std::string& role,
                                                 std::uint32_t index) const;
    [[nodiscard]] AmqpQueuePlan queueFor(std::uint32_t consumer) const;
    [[nodiscard]] AmqpRoute route() const;
    [[nodiscard]] Status connectConsumers();
    [[nodiscard]] Status connectProducers();
    void publishUntilTheEnd();
    [[nodiscard]] std::uint64_t expectedDeliveries() const;
    [[nodiscard]] bool drain();
    void closeAll();
    [[nodiscard]] AmqpBenchmarkReport buildReport(bool drained) const;

    AmqpBenchmarkOptions options_;
    std::string queueBase_;  // unique per run, so runs never share queues
    RunClock clock_;
    Endpoints endpoints_;
    IoThreads threads_;
    // Declared after threads_: destroyed before the io_context, once the threads stopped.
    std::vector<std::unique_ptr<AmqpConsumer>> consumers_;
    std::vector<std::unique_ptr<AmqpProducer>> producers_;
};

}  // namespace sbx::bench
