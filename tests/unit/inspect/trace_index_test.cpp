#include "sbx/inspect/trace_index.h"

#include <gtest/gtest.h>

namespace sbx::inspect {
namespace {

using observe::HopEvent;
using observe::HopKind;
using std::chrono::microseconds;

const auto kStart = std::chrono::system_clock::time_point(std::chrono::seconds(1'700'000'000));

HopEvent hop(std::uint64_t id, HopKind kind, int micros, std::string destination = "orders") {
    HopEvent event;
    event.messageId = id;
    event.kind = kind;
    event.time = kStart + microseconds(micros);
    event.protocol = "amqp";
    event.destination = std::move(destination);
    return event;
}

HopEvent published(std::uint64_t id, std::string correlationId, int micros = 0) {
    auto event = hop(id, HopKind::Published, micros, "shop");
    event.ids.correlationId = std::move(correlationId);
    event.ids.messageId = "m-" + std::to_string(id);
    return event;
}

TEST(TraceIndex, AssemblesHopsInTimeOrderWithLatencies) {
    TraceIndex index;
    // The delivery batch may arrive before the routing batch.
    index.add({published(1, "c-1", 0), hop(1, HopKind::Delivered, 300)});
    index.add({hop(1, HopKind::Routed, 100), hop(1, HopKind::Acked, 1000)});
    const auto trace = index.trace(1);
    ASSERT_EQ(trace.hops.size(), 4U);
    EXPECT_EQ(trace.ids.correlationId, "c-1");
    EXPECT_EQ(trace.hops[1].event.kind, HopKind::Routed);
    EXPECT_EQ(trace.hops[2].event.kind, HopKind::Delivered);
    EXPECT_EQ(trace.hops[2].sincePrevious, microseconds(200));
    EXPECT_EQ(trace.hops[3].sinceStart, microseconds(1000));
    EXPECT_EQ(trace.state(), HopKind::Acked);
}

TEST(TraceIndex, FindsByAnyIdNewestFirst) {
    TraceIndex index;
    index.add({published(1, "shared"), published(2, "shared"), published(3, "other")});
    EXPECT_EQ(index.find("shared"), (std::vector<std::uint64_t>{2, 1}));
    EXPECT_EQ(index.find("m-3"), (std::vector<std::uint64_t>{3}));
    EXPECT_EQ(index.find("3"), (std::vector<std::uint64_t>{3}));  // broker id
    EXPECT_TRUE(index.find("missing").empty());
    EXPECT_TRUE(index.trace(99).empty());
}

TEST(TraceIndex, StaysWithinCapacityAndForgetsEvictedIds) {
    TraceIndex index(4);
    index.add({published(1, "c-1"), hop(1, HopKind::Routed, 1), published(2, "c-2", 2),
               hop(2, HopKind::Routed, 3)});
    index.add({hop(2, HopKind::Delivered, 4), hop(2, HopKind::Acked, 5)});
    EXPECT_EQ(index.size(), 4U);
    EXPECT_TRUE(index.trace(1).empty());
    EXPECT_TRUE(index.find("c-1").empty());
    EXPECT_EQ(index.find("c-2"), (std::vector<std::uint64_t>{2}));
    EXPECT_EQ(index.trace(2).hops.size(), 4U);
    EXPECT_EQ(index.recent(10), (std::vector<std::uint64_t>{2}));
}

TEST(TraceIndex, MatchingPicksTracesOfABatchByText) {
    TraceIndex index;
    const std::vector<HopEvent> batch = {published(1, "order-1"), published(2, "invoice-2"),
                                         hop(1, HopKind::Routed, 1, "orders-queue")};
    index.add(batch);
    EXPECT_EQ(index.matching(batch, "order"), (std::vector<std::uint64_t>{1}));
    EXPECT_EQ(index.matching(batch, ""), (std::vector<std::uint64_t>{1, 2}));
    EXPECT_TRUE(index.matching(batch, "nothing").empty());
}

TEST(TraceIndex, RecentIsNewestFirstAndBounded) {
    TraceIndex index;
    index.add({published(1, "a"), published(2, "b"), published(3, "c")});
    EXPECT_EQ(index.recent(2), (std::vector<std::uint64_t>{3, 2}));
    index.clear();
    EXPECT_TRUE(index.recent(2).empty());
    EXPECT_EQ(index.size(), 0U);
}

}  // namespace
}  // namespace sbx::inspect
