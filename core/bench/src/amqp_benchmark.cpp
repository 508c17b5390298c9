#include "sbx/bench/amqp_benchmark.h"

#include "amqp_benchmark_run.h"

namespace sbx::bench {

Result<AmqpBenchmarkReport> AmqpBenchmark::run() const {
    if (auto valid = validate(options_); !valid) {
        return valid.error();
    }
    AmqpBenchmarkRun run(options_);
    return run.execute();
}

}  // namespace sbx::bench
