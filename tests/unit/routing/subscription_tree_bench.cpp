// SubscriptionTree speed with a broker-sized subscription set. Run a Release build:
//   sbx_bench_subscription_tree --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "sbx/broker/subscription_tree.h"

namespace {

using sbx::broker::MatchedSubscriber;
using sbx::broker::SubscriberId;
using sbx::broker::SubscriptionOptions;
using sbx::broker::SubscriptionTree;

constexpr int kDevices = 20000;
constexpr int kMetrics = 50;
constexpr int kRegions = 16;
constexpr int kMonitors = 10;

// Built with append: GCC 12 warns falsely (-Wrestrict) on "literal" + std::string&&.
std::string join(std::initializer_list<std::string_view> parts) {
    std::string text;
    for (const auto part : parts) {
        text.append(part);
    }
    return text;
}

std::string device(int id) {
    return join({"device/", std::to_string(id)});
}
std::string metric(int id) {
    return join({"m", std::to_string(id)});
}

SubscriptionOptions options(std::uint8_t qos, std::uint32_t id = 0) {
    SubscriptionOptions result;
    result.maxQos = qos;
    if (id != 0) {
        result.subscriptionId = id;
    }
    return result;
}

// A fleet of devices and the services that watch them, scaled to `total` subscriptions
// (100,000 at full size):
//   20%  device sessions:   device/<id>/cmd/#
//   20%  device sessions:   device/<id>/config
//   40%  dashboards:        device/<id>/telemetry/+   (2,000 dashboards x 20 devices)
//    5%  analytics:         device/+/telemetry/<metric>
//    5%  shared ingest:     $share/ingest-<metric>/device/+/telemetry/<metric>
//  ~10%  fleet views:       fleet/<region>/device/<id>/status
//   10   monitors:          #
void populate(SubscriptionTree& tree, int total) {
    const int share = total / 20;
    const int devices = std::min(kDevices, total / 5);
    for (int d = 0; d < devices; ++d) {
        tree.subscribe(static_cast<SubscriberId>(d), join({device(d), "/cmd/#"}), options(1));
        tree.subscribe(static_cast<SubscriberId>(d), join({device(d), "/config"}), options(1));
    }
    for (int s = 0; s < 2 * share * 4; ++s) {  // 40%
        const auto dashboard = static_cast<SubscriberId>(100000 + s / 20);
        tree.subscribe(dashboard, join({device((s * 7919) % devices), "/telemetry/+"}),
                       options(0, 1));
    }
    for (int s = 0; s < share; ++s) {
        tree.subscribe(static_cast<SubscriberId>(200000 + s / kMetrics),
                       join({"device/+/telemetry/", metric(s % kMetrics)}), options(1, 2));
    }
    for (int s = 0; s < share; ++s) {
        const auto m = metric(s % kMetrics);
        tree.subscribe(static_cast<SubscriberId>(300000 + s), join({"device/+/telemetry/", m}),
                       options(1), join({"ingest-", m}));
    }
    for (int monitor = 0; monitor < kMonitors; ++monitor) {
        tree.subscribe(static_cast<SubscriberId>(400000 + monitor), "#", options(0));
    }
    for (int s = 0; tree.subscriptionCount() < static_cast<std::size_t>(total); ++s) {
        tree.subscribe(static_cast<SubscriberId>(500000 + s),
                       join({"fleet/r", std::to_string(s % kRegions), "/", device(s), "/status"}),
                       options(0));
    }
}

// What devices publish: mostly telemetry, some command traffic, fleet status, `$SYS`.
std::vector<std::string> topicStream(int devices) {
    std::mt19937 random(12345);
    std::uniform_int_distribution<int> pickDevice(0, devices - 1);
    std::uniform_int_distribution<int> pickMetric(0, kMetrics - 1);
    std::uniform_int_distribution<int> pickKind(0, 99);
    std::vector<std::string> topics;
    for (int i = 0; i < 4096; ++i) {
        const int d = pickDevice(random);
        const int kind = pickKind(random);
        if (kind < 70) {
            topics.push_back(join({device(d), "/telemetry/", metric(pickMetric(random))}));
        } else if (kind < 85) {
            topics.push_back(join({device(d), "/cmd/reboot"}));
        } else if (kind < 95) {
            topics.push_back(
                join({"fleet/r", std::to_string(d % kRegions), "/", device(d), "/status"}));
        } else {
            topics.push_back("$SYS/broker/load");
        }
    }
    return topics;
}

const SubscriptionTree& sharedTree(int total) {
    // Built once per size: populating 100k subscriptions takes longer than measuring.
    static std::vector<std::pair<int, std::unique_ptr<SubscriptionTree>>> trees;
    for (const auto& [size, tree] : trees) {
        if (size == total) {
            return *tree;
        }
    }
    auto tree = std::make_unique<SubscriptionTree>();
    populate(*tree, total);
    return *trees.emplace_back(total, std::move(tree)).second;
}

void BM_Match(benchmark::State& state) {
    const auto total = static_cast<int>(state.range(0));
    const auto& tree = sharedTree(total);
    const auto topics = topicStream(std::min(kDevices, total / 5));
    std::vector<MatchedSubscriber> out;
    std::size_t next = 0;
    std::size_t deliveries = 0;
    for (auto _ : state) {
        out.clear();
        tree.match(topics[next], out);
        deliveries += out.size();
        next = (next + 1) % topics.size();
        benchmark::DoNotOptimize(out.data());
    }
    state.SetItemsProcessed(state.iterations());
    state.counters["subscriptions"] = static_cast<double>(tree.subscriptionCount());
    state.counters["deliveries/match"] =
        static_cast<double>(deliveries) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_Match)->Arg(10000)->Arg(100000);

// One exact filter and the `#` monitors: mostly the cost of the walk itself.
void BM_MatchFleetStatus(benchmark::State& state) {
    const auto& tree = sharedTree(100000);
    const std::string topic = "fleet/r3/device/1203/status";
    std::vector<MatchedSubscriber> out;
    for (auto _ : state) {
        out.clear();
        tree.match(topic, out);
        benchmark::DoNotOptimize(out.data());
    }
    state.SetItemsProcessed(state.iterations());
    state.counters["deliveries/match"] = static_cast<double>(out.size());
}
BENCHMARK(BM_MatchFleetStatus);

// A subscription added and removed again on a 100k tree (session churn).
void BM_SubscribeUnsubscribe(benchmark::State& state) {
    SubscriptionTree tree;
    populate(tree, 100000);
    std::vector<std::string> filters;
    for (int i = 0; i < 1024; ++i) {
        filters.push_back(join({"device/", std::to_string(900000 + i), "/telemetry/+"}));
    }
    std::size_t next = 0;
    for (auto _ : state) {
        const auto& filter = filters[next];
        tree.subscribe(777777, filter, options(1, 3));
        tree.unsubscribe(777777, filter);
        next = (next + 1) % filters.size();
    }
    state.SetItemsProcessed(state.iterations() * 2);
}
BENCHMARK(BM_SubscribeUnsubscribe);

// A dashboard session with 20 filters connecting and disconnecting.
void BM_SessionSubscribeAndUnsubscribeAll(benchmark::State& state) {
    SubscriptionTree tree;
    populate(tree, 100000);
    std::vector<std::string> filters;
    for (int i = 0; i < 20; ++i) {
        filters.push_back(join({device(i * 37), "/telemetry/+"}));
    }
    for (auto _ : state) {
        for (const auto& filter : filters) {
            tree.subscribe(888888, filter, options(0, 1));
        }
        benchmark::DoNotOptimize(tree.unsubscribeAll(888888));
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(filters.size()));
}
BENCHMARK(BM_SessionSubscribeAndUnsubscribeAll);

}  // namespace

BENCHMARK_MAIN();
