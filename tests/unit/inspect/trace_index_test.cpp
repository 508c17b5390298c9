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

// Message 1 dies in "work" and lives on as 2 in "work-dlq", where it dies again into 3.
std::vector<HopEvent> deadLetterLife() {
    auto died = hop(1, HopKind::DeadLettered, 300, "work");
    died.linkedMessageId = 2;
    died.target = "dlx";
    auto arrived = hop(2, HopKind::Routed, 310, "dlx");
    arrived.linkedMessageId = 1;
    auto diedAgain = hop(2, HopKind::DeadLettered, 500, "work-dlq");
    diedAgain.linkedMessageId = 3;
    auto parked = hop(3, HopKind::Routed, 510, "parking");
    parked.linkedMessageId = 2;
    return {published(1, "c-1"),
            hop(1, HopKind::Routed, 100),
            hop(1, HopKind::Delivered, 200, "work"),
            died,
            arrived,
            hop(2, HopKind::Delivered, 400, "work-dlq"),
            diedAgain,
            parked,
            hop(3, HopKind::Delivered, 600, "parking"),
            hop(3, HopKind::Acked, 700, "parking")};
}

TEST(TraceIndex, FollowsAMessageThroughItsDeadLetters) {
    TraceIndex index;
    index.add(deadLetterLife());
    index.add({published(4, "unrelated", 350)});
    for (const std::uint64_t askedBy : {1U, 2U, 3U}) {
        const auto trace = index.trace(askedBy);
        EXPECT_EQ(trace.messageId, askedBy);
        EXPECT_EQ(trace.chain, (std::vector<std::uint64_t>{1, 2, 3}));
        ASSERT_EQ(trace.hops.size(), 10U) << askedBy;
        EXPECT_EQ(trace.ids.correlationId, "c-1");
        EXPECT_EQ(trace.hops[3].event.kind, HopKind::DeadLettered);
        EXPECT_EQ(trace.hops[4].event.messageId, 2U);
        EXPECT_EQ(trace.hops[4].sincePrevious, microseconds(10));
        EXPECT_EQ(trace.hops[9].sinceStart, microseconds(700));
        EXPECT_EQ(trace.state(), HopKind::Acked);
    }
    EXPECT_EQ(index.trace(4).chain, (std::vector<std::uint64_t>{4}));
}

TEST(TraceIndex, DeadLetterChainSurvivesEvictionOfItsStart) {
    TraceIndex index(7);  // keeps the last 7 of the 10 events: from "died" on
    index.add(deadLetterLife());
    const auto trace = index.trace(3);
    EXPECT_EQ(trace.chain, (std::vector<std::uint64_t>{1, 2, 3}));
    EXPECT_EQ(trace.hops.size(), 7U);
    EXPECT_TRUE(trace.ids == observe::MessageIds{});  // the Published hop fell out
}

TEST(TraceIndex, DeadLetterCyclesEndTheChain) {
    auto a = hop(1, HopKind::DeadLettered, 1);
    a.linkedMessageId = 2;
    auto b = hop(2, HopKind::DeadLettered, 2);
    b.linkedMessageId = 1;  // malformed: points back at its origin
    TraceIndex index;
    index.add({a, b});
    EXPECT_EQ(index.trace(1).chain, (std::vector<std::uint64_t>{1, 2}));
}

TEST(TraceIndex, KeepsEveryFieldOfAHop) {
    HopEvent full = published(1, "corr");
    full.clientId = "client-with-a-long-name-beyond-sso";
    full.vhost = "/shop";
    full.routingKey = "orders.created";
    full.detail = "why";
    full.target = "dlx";
    full.count = 3;
    full.linkedMessageId = 9;
    full.ids.traceparent = "00-4bf92f3577b34da6a3ce929d0e4736a6-00f067aa0ba902b7-01";
    full.ids.correlationData = "c0ffee";
    TraceIndex index;
    index.add({full});
    const auto trace = index.trace(1);
    ASSERT_EQ(trace.hops.size(), 1U);
    const auto& got = trace.hops[0].event;
    EXPECT_EQ(got.time, full.time);
    EXPECT_EQ(got.kind, full.kind);
    EXPECT_EQ(got.protocol, full.protocol);
    EXPECT_EQ(got.clientId, full.clientId);
    EXPECT_EQ(got.destination, full.destination);
    EXPECT_EQ(got.vhost, full.vhost);
    EXPECT_EQ(got.routingKey, full.routingKey);
    EXPECT_EQ(got.detail, full.detail);
    EXPECT_EQ(got.target, full.target);
    EXPECT_EQ(got.count, full.count);
    EXPECT_EQ(got.linkedMessageId, full.linkedMessageId);
    EXPECT_TRUE(got.ids == full.ids);
    EXPECT_EQ(index.find("c0ffee"), (std::vector<std::uint64_t>{1}));
}

// Texts are shared between events and freed with the last event that uses them, so a
// long run of unique ids (one per message) does not pile up.
TEST(TraceIndex, TextsAreSharedAndFreedWithTheirEvents) {
    TraceIndex index(100);
    for (std::uint64_t id = 1; id <= 10'000; ++id) {
        index.add({published(id, "corr-" + std::to_string(id)),
                   hop(id, HopKind::Delivered, 1, "orders")});
    }
    EXPECT_EQ(index.size(), 100U);
    // 50 messages left, each with its message id and correlation id, plus the shared
    // "shop", "orders" and "amqp".
    EXPECT_EQ(index.distinctTexts(), 50U * 2 + 3);
    EXPECT_EQ(index.find("corr-10000"), (std::vector<std::uint64_t>{10'000}));
    EXPECT_TRUE(index.find("corr-9950").empty());
    index.clear();
    EXPECT_EQ(index.distinctTexts(), 0U);
}

// An MQTT message bridged to amq.topic: the AMQP copy's first hop points back.
TEST(TraceIndex, FollowsAnMqttMessageIntoItsAmqpCopy) {
    auto mqttPublished = published(1, "corr-mqtt");
    mqttPublished.protocol = "mqtt";
    auto bridged = hop(2, HopKind::Routed, 200, "amq.topic");
    bridged.linkedMessageId = 1;
    TraceIndex index;
    index.add({mqttPublished, hop(1, HopKind::Routed, 100, "sensors/t"), bridged,
               hop(2, HopKind::Delivered, 300, "readings"), hop(2, HopKind::Acked, 400)});
    const auto fromMqtt = index.trace(1);
    EXPECT_EQ(fromMqtt.chain, (std::vector<std::uint64_t>{1, 2}));
    ASSERT_EQ(fromMqtt.hops.size(), 5U);
    EXPECT_EQ(fromMqtt.state(), HopKind::Acked);
    EXPECT_EQ(index.trace(2).hops.size(), 5U);
    EXPECT_EQ(index.find("corr-mqtt"), (std::vector<std::uint64_t>{1}));
}

}  // namespace
}  // namespace sbx::inspect
