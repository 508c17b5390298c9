// How long one snapshot of the redis plugin takes with 1000 streams, each with a consumer
// group holding pending entries (not a ctest: run build/.../sbx_bench_redis_snapshot).
#include <benchmark/benchmark.h>

#include "redis_server.h"
#include "sbx/connect/plugin_registry.h"

namespace {

void redisSnapshot(benchmark::State& state) {
    sbx::test::RedisServer redis;
    const auto streams = state.range(0);
    redis.run({"EVAL",
               "for i=1,tonumber(ARGV[1]) do "
               "redis.call('XADD','bulk:'..i,'*','payload',i) "
               "redis.call('XADD','bulk:'..i,'*','payload',i) "
               "redis.call('XGROUP','CREATE','bulk:'..i,'g','0') "
               "redis.call('XREADGROUP','GROUP','g','c','COUNT','1','STREAMS','bulk:'..i,'>') end",
               "0", std::to_string(streams)});
    sbx::connect::PluginRegistry registry;
    registry.scan({SBX_REDIS_PLUGIN_DIR});
    sbx::connect::ConnectionProfile profile;
    profile.connector = "redis";
    profile.port = redis.port();
    auto source = registry.open(profile, {});
    if (!source) {
        state.SkipWithError(source.error().message.c_str());
        return;
    }
    for (auto _ : state) {
        auto snapshot = source.value()->snapshot();
        if (!snapshot) {
            state.SkipWithError(snapshot.error().message.c_str());
            return;
        }
        benchmark::DoNotOptimize(snapshot->destinations.size());
    }
    state.counters["streams"] = static_cast<double>(streams);
}
BENCHMARK(redisSnapshot)->Arg(1000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
