#include "sbx/bench/mqtt_benchmark.h"

#include "benchmark_run.h"

namespace sbx::bench {

Result<MqttBenchmarkReport> MqttBenchmark::run() const {
    if (auto valid = validate(options_); !valid) {
        return valid.error();
    }
    BenchmarkRun run(options_);
    return run.execute();
}

}  // namespace sbx::bench
