#pragma once

#include "sbx/bench/amqp_benchmark_options.h"
#include "sbx/bench/amqp_benchmark_report.h"
#include "sbx/common/result.h"

namespace sbx::bench {

// A load run against any AMQP 0-9-1 broker, like RabbitMQ's PerfTest: consumers connect,
// declare and bind their queues and start consuming; then producers publish stamped
// messages for the warm-up and the measured duration; at the end the run waits (up to
// drainSeconds) for deliveries and confirms still on their way, deletes the queues it
// declared and closes. Fails only when the run cannot start (bad options, no broker,
// refused login or declaration); trouble during the run goes into the report's errors.
class AmqpBenchmark {
public:
    explicit AmqpBenchmark(AmqpBenchmarkOptions options) : options_(std::move(options)) {}

    [[nodiscard]] Result<AmqpBenchmarkReport> run() const;

private:
    AmqpBenchmarkOptions options_;
};

}  // namespace sbx::bench
