#include "sbx/observe/hop_event_bus.h"

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <vector>

namespace sbx::observe {
namespace {

using std::chrono::hours;
using std::chrono::milliseconds;

HopEvent event(std::uint64_t messageId, HopKind kind = HopKind::Published) {
    HopEvent hop;
    hop.kind = kind;
    hop.messageId = messageId;
    hop.protocol = "mqtt";
    hop.destination = "sensors/1";
    return hop;
}

// Collects what listeners receive, batch by batch.
struct Batches {
    std::vector<std::vector<HopEvent>> received;
    HopEventBus::Listener listener() {
        return [this](const std::vector<HopEvent>& batch) { received.push_back(batch); };
    }
};

std::vector<std::uint64_t> idsOf(const std::vector<HopEvent>& batch) {
    std::vector<std::uint64_t> ids;
    for (const auto& hop : batch) {
        ids.push_back(hop.messageId);
    }
    return ids;
}

TEST(HopEventBus, WithoutAListenerEventsAreNotEvenKept) {
    HopEventBus bus(hours(1));
    EXPECT_FALSE(bus.active());
    bus.record(event(1));
    bus.record(event(2));

    Batches batches;
    bus.listen(batches.listener());
    EXPECT_TRUE(bus.active());
    bus.flush();
    EXPECT_TRUE(batches.received.empty());
    EXPECT_EQ(bus.lostCount(), 0U);
}

TEST(HopEventBus, EventsArriveInOneBatchInRecordOrder) {
    HopEventBus bus(hours(1));
    Batches batches;
    bus.listen(batches.listener());
    for (std::uint64_t id = 1; id <= 5; ++id) {
        bus.record(event(id, id == 5 ? HopKind::Acked : HopKind::Delivered));
    }
    bus.flush();
    ASSERT_EQ(batches.received.size(), 1U);
    EXPECT_EQ(idsOf(batches.received[0]), (std::vector<std::uint64_t>{1, 2, 3, 4, 5}));
    EXPECT_EQ(batches.received[0].back().kind, HopKind::Acked);

    bus.flush();  // nothing new: no empty batch
    EXPECT_EQ(batches.received.size(), 1U);
}

TEST(HopEventBus, EveryListenerGetsEveryBatch) {
    HopEventBus bus(hours(1));
    Batches first;
    Batches second;
    bus.listen(first.listener());
    bus.listen(second.listener());
    bus.record(event(7));
    bus.flush();
    ASSERT_EQ(first.received.size(), 1U);
    ASSERT_EQ(second.received.size(), 1U);
    EXPECT_EQ(idsOf(second.received[0]), std::vector<std::uint64_t>{7});
}

TEST(HopEventBus, PendingIsBoundedAndTheOverflowIsCounted) {
    HopEventBus bus(hours(1), 3);
    Batches batches;
    bus.listen(batches.listener());
    for (std::uint64_t id = 1; id <= 5; ++id) {
        bus.record(event(id));
    }
    EXPECT_EQ(bus.lostCount(), 2U);
    bus.flush();
    ASSERT_EQ(batches.received.size(), 1U);
    EXPECT_EQ(idsOf(batches.received[0]), (std::vector<std::uint64_t>{1, 2, 3}));

    bus.record(event(6));  // room again after the flush
    bus.flush();
    EXPECT_EQ(idsOf(batches.received.at(1)), std::vector<std::uint64_t>{6});
    EXPECT_EQ(bus.lostCount(), 2U);
}

TEST(HopEventBus, UnlistenStopsDeliveryAndMakesTheBusIdle) {
    HopEventBus bus(hours(1));
    Batches kept;
    Batches gone;
    const auto keptId = bus.listen(kept.listener());
    const auto goneId = bus.listen(gone.listener());
    bus.unlisten(goneId);
    EXPECT_TRUE(bus.active());
    bus.record(event(1));
    bus.flush();
    EXPECT_EQ(kept.received.size(), 1U);
    EXPECT_TRUE(gone.received.empty());

    bus.unlisten(keptId);
    EXPECT_FALSE(bus.active());
    bus.record(event(2));
    bus.flush();
    EXPECT_EQ(kept.received.size(), 1U);
}

TEST(HopEventBus, TheFlusherDeliversWithoutAnExplicitFlush) {
    HopEventBus bus(milliseconds(5));
    std::mutex mutex;
    std::condition_variable arrived;
    std::vector<std::uint64_t> ids;
    bus.listen([&](const std::vector<HopEvent>& batch) {
        std::lock_guard lock(mutex);
        for (const auto& hop : batch) {
            ids.push_back(hop.messageId);
        }
        arrived.notify_all();
    });
    bus.record(event(1));
    bus.record(event(2));
    std::unique_lock lock(mutex);
    ASSERT_TRUE(arrived.wait_for(lock, std::chrono::seconds(10), [&] { return ids.size() == 2; }));
    EXPECT_EQ(ids, (std::vector<std::uint64_t>{1, 2}));
}

TEST(HopEventBus, KindsHaveStableNames) {
    EXPECT_EQ(toString(HopKind::Published), "published");
    EXPECT_EQ(toString(HopKind::Routed), "routed");
    EXPECT_EQ(toString(HopKind::Delivered), "delivered");
    EXPECT_EQ(toString(HopKind::Acked), "acked");
    EXPECT_EQ(toString(HopKind::Dropped), "dropped");
    EXPECT_EQ(toString(HopKind::Expired), "expired");
}

}  // namespace
}  // namespace sbx::observe
