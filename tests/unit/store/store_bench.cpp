// Throughput of the durable store's write path: each message is appended and removed
// (a publish stored, then acknowledged by its consumer), and a message counts once both
// completions ran. Producers keep a window of writes in flight, as a broker's
// connections do, so group commit can share one fsync between many of them.
#include <benchmark/benchmark.h>

#include <latch>
#include <memory>
#include <string>

#include "sbx/store/durable_store.h"
#include "temp_dir.h"

namespace {

using sbx::store::Durability;
using sbx::store::DurableStore;

constexpr int kWindow = 128;  // messages per producer in flight at once

std::unique_ptr<sbx::test::TempDir> gDir;
std::unique_ptr<DurableStore> gStore;

void openStore(const benchmark::State& state) {
    gDir = std::make_unique<sbx::test::TempDir>();
    auto durability = state.range(0) == 0 ? Durability::Synced : Durability::Relaxed;
    auto store = DurableStore::open(gDir->path(), {.durability = durability});
    if (!store) {
        throw std::runtime_error(store.error().describe());
    }
    gStore = std::move(store).value();
}

void closeStore(const benchmark::State&) {
    gStore.reset();
    gDir.reset();
}

void BM_AppendRemove(benchmark::State& state) {
    const std::string queue = "bench-" + std::to_string(state.thread_index());
    const std::string blob(256, 'm');
    const auto before = gStore->stats();
    std::uint64_t sequence = 0;
    for (auto _ : state) {
        std::latch done(2 * kWindow);
        const auto countDown = [&done](const sbx::Status&) { done.count_down(); };
        for (int i = 0; i < kWindow; ++i) {
            ++sequence;
            gStore->appendMessage(queue, sequence, blob, countDown);
            gStore->removeMessage(queue, sequence, countDown);
        }
        done.wait();
    }
    state.SetItemsProcessed(state.iterations() * kWindow);
    if (state.thread_index() == 0) {
        // How well group commit works: writes per transaction (and so per fsync).
        const auto after = gStore->stats();
        const auto batches =
            std::max<std::uint64_t>(after.committedBatches - before.committedBatches, 1);
        state.counters["writes/batch"] =
            static_cast<double>(after.committedWrites - before.committedWrites) /
            static_cast<double>(batches);
    }
}

BENCHMARK(BM_AppendRemove)
    ->ArgName("relaxed")
    ->Arg(0)
    ->Arg(1)
    ->Threads(1)
    ->Threads(4)
    ->Setup(openStore)
    ->Teardown(closeStore)
    ->UseRealTime()
    ->MinTime(2.0);

}  // namespace

BENCHMARK_MAIN();
