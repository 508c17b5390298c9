// Throughput and latency of the metric history (not a ctest; numbers go in the report).
//   build/<dir>/tests/unit/observe/sbx_bench_metric_history
#include <benchmark/benchmark.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "sbx/observe/metric_history.h"
#include "temp_dir.h"

namespace {

using sbx::observe::MetricHistory;
using sbx::observe::MetricTime;
using sbx::observe::SeriesKey;
using namespace std::chrono;

const MetricTime kT0{milliseconds(1'767'225'600'000)};

std::vector<SeriesKey> seriesKeys(int count) {
    std::vector<SeriesKey> keys;
    for (int i = 0; i < count; ++i) {
        keys.push_back({"embedded", "queue:orders-" + std::to_string(i), "depth"});
    }
    return keys;
}

std::unique_ptr<MetricHistory> openOrAbort(const std::filesystem::path& file,
                                           const std::atomic<std::int64_t>& now,
                                           std::size_t maxPending = 100'000) {
    MetricHistory::Options options;
    options.maxPending = maxPending;
    options.commitInterval = hours(1);  // the benchmark decides when to commit
    options.clock = [&now] { return MetricTime(milliseconds(now.load())); };
    auto history = MetricHistory::open(file, std::move(options));
    if (!history) {
        std::abort();
    }
    return std::move(history).value();
}

// The design load is 1000 series sampled at 1 Hz: one iteration appends `seconds` of it
// and commits, as the writer does once a second. items/s over 1000 is the headroom.
void BM_AppendAndCommit(benchmark::State& state) {
    const int seriesCount = static_cast<int>(state.range(0));
    const int secondsPerCommit = static_cast<int>(state.range(1));
    sbx::test::TempDir temp;
    std::atomic<std::int64_t> now{kT0.time_since_epoch().count()};
    auto history = openOrAbort(temp / "telemetry.sqlite", now);
    const auto keys = seriesKeys(seriesCount);
    MetricTime time = kT0;
    for (auto _ : state) {
        for (int s = 0; s < secondsPerCommit; ++s) {
            for (const auto& key : keys) {
                history->append(key, time, 42.0);
            }
            time += seconds(1);
        }
        now.store(time.time_since_epoch().count());
        if (!history->flush()) {
            state.SkipWithError("commit failed");
        }
    }
    state.SetItemsProcessed(state.iterations() * seriesCount * secondsPerCommit);
}
BENCHMARK(BM_AppendAndCommit)
    ->Args({1000, 1})
    ->Args({1000, 10})
    ->Args({10000, 1})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// What a broker thread pays per append (the writer is not committing meanwhile).
void BM_AppendOnly(benchmark::State& state) {
    static sbx::test::TempDir* temp = nullptr;
    static std::atomic<std::int64_t> now{kT0.time_since_epoch().count()};
    static std::unique_ptr<MetricHistory> history;
    if (state.thread_index() == 0) {
        temp = new sbx::test::TempDir();
        history = openOrAbort(*temp / "telemetry.sqlite", now, 10'000'000);
    }
    const auto keys = seriesKeys(100);
    std::size_t i = 0;
    for (auto _ : state) {
        history->append(keys[i++ % keys.size()], kT0, 1.0);
    }
    state.SetItemsProcessed(state.iterations());
    if (state.thread_index() == 0) {
        history.reset();  // commits what was appended, outside the timing
        delete temp;
    }
}
BENCHMARK(BM_AppendOnly)->Threads(1)->Threads(2)->Iterations(200000)->UseRealTime();

// A chart's query: 24 h of one series (1 Hz for a day, rolled up to minutes), 1 h and
// 5 min at 1 s, each merged into at most 500 points.
class QueryFixture : public benchmark::Fixture {
public:
    void SetUp(const benchmark::State&) override {
        if (history_) {
            return;
        }
        temp_ = std::make_unique<sbx::test::TempDir>();
        const MetricTime end = kT0 + hours(24);
        now_.store(kT0.time_since_epoch().count());
        history_ = openOrAbort(*temp_ / "telemetry.sqlite", now_);
        const auto keys = seriesKeys(20);
        for (MetricTime time = kT0; time < end; time += seconds(1)) {
            for (const auto& key : keys) {
                history_->append(key, time,
                                 static_cast<double>(time.time_since_epoch().count() % 997));
            }
            // Committed as the writer would, with the clock moving along.
            if (time.time_since_epoch() % minutes(1) == seconds(59)) {
                now_.store((time + seconds(1)).time_since_epoch().count());
                if (!history_->flush()) {
                    std::abort();
                }
            }
        }
    }

protected:
    static inline std::unique_ptr<sbx::test::TempDir> temp_;
    static inline std::atomic<std::int64_t> now_{0};
    static inline std::unique_ptr<MetricHistory> history_;
};

BENCHMARK_DEFINE_F(QueryFixture, Query)(benchmark::State& state) {
    const SeriesKey key{"embedded", "queue:orders-7", "depth"};
    const MetricTime now{milliseconds(now_.load())};
    const auto range = seconds(state.range(0));
    std::size_t points = 0;
    for (auto _ : state) {
        auto result = history_->query(key, now - range, now, 500);
        if (!result) {
            state.SkipWithError("query failed");
            break;
        }
        points = result->points.size();
        benchmark::DoNotOptimize(result);
    }
    state.counters["points"] = static_cast<double>(points);
}
BENCHMARK_REGISTER_F(QueryFixture, Query)
    ->Arg(5 * 60)
    ->Arg(60 * 60)
    ->Arg(24 * 60 * 60)
    ->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
