#pragma once

#include "sbx/bench/benchmark_options.h"
#include "sbx/bench/benchmark_report.h"
#include "sbx/common/result.h"

namespace sbx::bench {

// A load run against any MQTT broker: subscribers connect and subscribe first, then
// publishers send stamped messages for the warm-up and the measured duration; at the
// end the run waits (up to drainSeconds) for messages still on their way, and counts
// what never came as lost. Fails only when the run cannot start (bad options, no
// broker, refused connection or subscription); trouble during the run goes into the
// report's errors.
class MqttBenchmark {
public:
    explicit MqttBenchmark(MqttBenchmarkOptions options) : options_(std::move(options)) {}

    [[nodiscard]] Result<MqttBenchmarkReport> run() const;

private:
    MqttBenchmarkOptions options_;
};

}  // namespace sbx::bench
