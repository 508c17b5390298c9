#include "sbx/observe/rate_estimator.h"

#include <gtest/gtest.h>

#include "sbx/observe/broker_source.h"

namespace sbx::observe {
namespace {

using namespace std::chrono_literals;

BrokerSnapshot snapshotAt(std::chrono::system_clock::time_point time, std::uint64_t published,
                          std::uint64_t delivered) {
    BrokerSnapshot snapshot;
    snapshot.time = time;
    snapshot.overview.counters.published = published;
    snapshot.overview.counters.delivered = delivered;
    Destination queue;
    queue.id = "queue:/orders";
    queue.counters.published = published;
    queue.counters.delivered = delivered;
    snapshot.destinations.push_back(queue);
    return snapshot;
}

TEST(RateEstimator, FirstSnapshotHasZeroRates) {
    RateEstimator estimator;
    BrokerSnapshot first = snapshotAt(std::chrono::system_clock::time_point{} + 10s, 500, 100);
    estimator.apply(first);
    EXPECT_EQ(first.overview.rates.published, 0);
    EXPECT_EQ(first.destinations[0].rates.published, 0);
}

TEST(RateEstimator, RatesAreCounterDeltasPerSecond) {
    RateEstimator estimator;
    const auto start = std::chrono::system_clock::time_point{} + 10s;
    BrokerSnapshot first = snapshotAt(start, 500, 100);
    estimator.apply(first);
    BrokerSnapshot second = snapshotAt(start + 2s, 700, 160);
    estimator.apply(second);
    EXPECT_DOUBLE_EQ(second.overview.rates.published, 100);
    EXPECT_DOUBLE_EQ(second.overview.rates.delivered, 30);
    EXPECT_DOUBLE_EQ(second.destinations[0].rates.published, 100);
    EXPECT_DOUBLE_EQ(second.destinations[0].rates.delivered, 30);
}

TEST(RateEstimator, WindowMakesRatesIndependentOfHowManyCallersAsk) {
    RateEstimator estimator(1s);
    const auto start = std::chrono::system_clock::time_point{} + 10s;
    BrokerSnapshot first = snapshotAt(start, 500, 100);
    estimator.apply(first);
    BrokerSnapshot full = snapshotAt(start + 1s, 600, 150);
    estimator.apply(full);
    EXPECT_DOUBLE_EQ(full.overview.rates.published, 100);
    // A second caller 10 ms later: the rates of the last full window, not 10 ms of noise.
    BrokerSnapshot soon = snapshotAt(start + 1010ms, 603, 150);
    estimator.apply(soon);
    EXPECT_DOUBLE_EQ(soon.overview.rates.published, 100);
    EXPECT_DOUBLE_EQ(soon.destinations[0].rates.delivered, 50);
    // The next window is measured from the last baseline (start + 1 s).
    BrokerSnapshot next = snapshotAt(start + 2s, 800, 150);
    estimator.apply(next);
    EXPECT_DOUBLE_EQ(next.overview.rates.published, 200);
    EXPECT_DOUBLE_EQ(next.destinations[0].rates.delivered, 0);
}

TEST(RateEstimator, RecreatedDestinationStartsFromZero) {
    RateEstimator estimator;
    const auto start = std::chrono::system_clock::time_point{} + 10s;
    BrokerSnapshot first = snapshotAt(start, 500, 100);
    estimator.apply(first);
    BrokerSnapshot second = snapshotAt(start + 1s, 3, 1);  // counters went back
    estimator.apply(second);
    EXPECT_EQ(second.destinations[0].rates.published, 0);
    EXPECT_EQ(second.overview.rates.published, 0);
}

TEST(RateEstimator, VanishedDestinationIsForgotten) {
    RateEstimator estimator;
    const auto start = std::chrono::system_clock::time_point{} + 10s;
    BrokerSnapshot first = snapshotAt(start, 500, 100);
    estimator.apply(first);
    BrokerSnapshot empty;
    empty.time = start + 1s;
    estimator.apply(empty);
    BrokerSnapshot again = snapshotAt(start + 2s, 600, 100);
    estimator.apply(again);
    EXPECT_EQ(again.destinations[0].rates.published, 0);
}

TEST(Capabilities, AddAndHas) {
    Capabilities caps;
    caps.add(Capability::Peek).add(Capability::Purge);
    EXPECT_TRUE(caps.has(Capability::Peek));
    EXPECT_TRUE(caps.has(Capability::Purge));
    EXPECT_FALSE(caps.has(Capability::Redrive));
}

TEST(DestinationKind, Names) {
    EXPECT_EQ(toString(DestinationKind::Exchange), "exchange");
    EXPECT_EQ(toString(DestinationKind::Stream), "stream");
    EXPECT_EQ(toString(HopKind::DeadLettered), "dead-lettered");
}

}  // namespace
}  // namespace sbx::observe
