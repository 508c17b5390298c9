// How long applying a broker snapshot to the explorer's tree model takes with 10,000
// queues: the first snapshot, one where every depth changed, and one where 10% of the
// queues were replaced. Each also with the filter proxy and a tree view attached, as in
// the studio. Not a ctest: run build/<dir>/tests/gui/sbx_bench_broker_tree_model.
#include <benchmark/benchmark.h>

#include <QApplication>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <cstdio>

#include "broker_tree_model.h"
#include "studio_environment.h"

namespace {

using sbx::observe::BrokerSnapshot;

BrokerSnapshot snapshot(int count, std::uint64_t depth, int firstName = 0) {
    BrokerSnapshot s;
    s.overview.vhosts = {"/"};
    s.destinations.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "queue-%06d", firstName + i);
        sbx::observe::Destination queue;
        queue.kind = sbx::observe::DestinationKind::Queue;
        queue.vhost = "/";
        queue.name = name;
        queue.id = std::string("queue://") + name;
        queue.type = "classic";
        queue.messagesReady = depth + static_cast<std::uint64_t>(i % 7);
        queue.consumers = i % 3 == 0 ? 0 : 1;
        queue.rates.published = static_cast<double>(depth);
        s.destinations.push_back(std::move(queue));
    }
    return s;
}

// With the view, the filter proxy and a tree view are attached and expanded as the dock
// shows them, so the cost includes what Qt does with the signals.
struct Views {
    explicit Views(BrokerTreeModel& model) {
        proxy.setSourceModel(&model);
        proxy.setRecursiveFilteringEnabled(true);
        view.setModel(&proxy);
        view.setUniformRowHeights(true);
        view.resize(800, 600);
        view.show();
    }
    QSortFilterProxyModel proxy;
    QTreeView view;
};

void BM_FirstSnapshot(benchmark::State& state) {
    const auto first = snapshot(static_cast<int>(state.range(0)), 1);
    for (auto _ : state) {
        BrokerTreeModel model;
        std::optional<Views> views;
        if (state.range(1) != 0) {
            views.emplace(model);
        }
        model.applySnapshot("bench", first);
        benchmark::DoNotOptimize(model.rowCount());
    }
}

void BM_EveryDepthChanged(benchmark::State& state) {
    const int count = static_cast<int>(state.range(0));
    const BrokerSnapshot snapshots[] = {snapshot(count, 1), snapshot(count, 2)};
    BrokerTreeModel model;
    std::optional<Views> views;
    if (state.range(1) != 0) {
        views.emplace(model);
        views->view.expandAll();
    }
    model.applySnapshot("bench", snapshots[0]);
    std::size_t next = 1;
    for (auto _ : state) {
        model.applySnapshot("bench", snapshots[next]);
        next ^= 1U;
    }
}

// 10% of the queues go, as many new ones come, spread through the list.
void BM_TenPercentReplaced(benchmark::State& state) {
    const int count = static_cast<int>(state.range(0));
    auto a = snapshot(count, 1);
    auto b = a;
    for (std::size_t i = 0; i < b.destinations.size(); i += 10) {
        b.destinations[i].name += "-new";
        b.destinations[i].id += "-new";
    }
    const BrokerSnapshot snapshots[] = {a, b};
    BrokerTreeModel model;
    std::optional<Views> views;
    if (state.range(1) != 0) {
        views.emplace(model);
        views->view.expandAll();
    }
    model.applySnapshot("bench", snapshots[0]);
    std::size_t next = 1;
    for (auto _ : state) {
        model.applySnapshot("bench", snapshots[next]);
        next ^= 1U;
    }
}

BENCHMARK(BM_FirstSnapshot)->Args({10000, 0})->Args({10000, 1})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EveryDepthChanged)->Args({10000, 0})->Args({10000, 1})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TenPercentReplaced)->Args({10000, 0})->Args({10000, 1})->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
    StudioTestEnvironment environment;
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
