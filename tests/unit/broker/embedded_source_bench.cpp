// How long one snapshot of the embedded broker takes with many queues (the studio and the
// management API take one a second).
#include <benchmark/benchmark.h>

#include "sbx/broker/broker.h"
#include "sbx/observe/broker_source.h"

namespace {

void BM_SnapshotWithQueues(benchmark::State& state) {
    sbx::LogHub log;
    sbx::broker::BrokerConfig config;
    config.mqttPort = 0;
    config.amqpPort = 0;
    config.sysIntervalSeconds = 0;
    auto broker = sbx::broker::Broker::start(config, log);
    if (!broker.ok()) {
        state.SkipWithError(broker.error().describe().c_str());
        return;
    }
    auto& source = (*broker)->source();
    const auto queues = state.range(0);
    for (std::int64_t i = 0; i < queues; ++i) {
        sbx::observe::DeclareRequest declare;
        declare.name = "q" + std::to_string(i);
        declare.durable = false;
        declare.arguments = {{"x-message-ttl", "60000"}};
        static_cast<void>(source.declare(declare));
        sbx::observe::BindRequest bind{
            "/", "amq.direct", "queue://" + declare.name, declare.name, {}};
        static_cast<void>(source.bind(bind));
        sbx::observe::PublishRequest publish;
        publish.routingKey = declare.name;
        publish.payload = "hello";
        static_cast<void>(source.publish(publish));
    }
    std::size_t destinations = 0;
    for (auto _ : state) {
        auto snapshot = source.snapshot();
        destinations = snapshot->destinations.size();
        benchmark::DoNotOptimize(snapshot);
    }
    state.counters["destinations"] = static_cast<double>(destinations);
}
BENCHMARK(BM_SnapshotWithQueues)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
