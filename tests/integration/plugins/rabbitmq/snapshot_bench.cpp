// How long one snapshot of a RabbitMQ broker takes through the plugin (Google Benchmark,
// not a ctest). Point it at a running broker with the management plugin:
//   SBX_RABBITMQ_MANAGEMENT_PORT=15672 SBX_RABBITMQ_AMQP_PORT=5672 sbx_rabbitmq_snapshot_bench
// (user guest/guest unless SBX_RABBITMQ_USER / SBX_RABBITMQ_PASSWORD say otherwise).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>

#include "sbx/connect/plugin_registry.h"

namespace {

std::string env(const char* name, const char* fallback) {
    const char* value = std::getenv(name);
    return value != nullptr ? value : fallback;
}

void BM_RabbitMqSnapshot(benchmark::State& state) {
    sbx::connect::PluginRegistry registry;
    registry.scan({SBX_RABBITMQ_PLUGIN_DIR});
    sbx::connect::ConnectionProfile profile;
    profile.connector = "rabbitmq";
    profile.host = "127.0.0.1";
    profile.port =
        static_cast<std::uint16_t>(std::stoi(env("SBX_RABBITMQ_MANAGEMENT_PORT", "15672")));
    profile.options["amqpPort"] = env("SBX_RABBITMQ_AMQP_PORT", "5672");
    profile.username = env("SBX_RABBITMQ_USER", "guest");
    profile.timeout = std::chrono::seconds(30);
    auto source = registry.open(profile, {env("SBX_RABBITMQ_PASSWORD", "guest")});
    if (!source) {
        state.SkipWithError(source.error().message.c_str());
        return;
    }
    std::size_t destinations = 0;
    for (auto _ : state) {
        auto snapshot = (*source)->snapshot();
        if (!snapshot) {
            state.SkipWithError(snapshot.error().message.c_str());
            return;
        }
        destinations = snapshot->destinations.size();
    }
    state.counters["destinations"] = static_cast<double>(destinations);
}
BENCHMARK(BM_RabbitMqSnapshot)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
