#include "sbx/alerts/alert_evaluator.h"

#include <gtest/gtest.h>

namespace sbx::alerts {
namespace {

using namespace std::chrono_literals;
using observe::BrokerSnapshot;
using observe::Destination;
using observe::DestinationKind;

Destination queue(std::string name, std::uint64_t ready, std::uint32_t consumers = 1) {
    Destination d;
    d.id = "queue:/" + name;
    d.name = std::move(name);
    d.kind = DestinationKind::Queue;
    d.messagesReady = ready;
    d.consumers = consumers;
    return d;
}

BrokerSnapshot snapshotOf(std::vector<Destination> destinations) {
    BrokerSnapshot snapshot;
    snapshot.destinations = std::move(destinations);
    return snapshot;
}

AlertRule rule(std::string id, Condition condition, std::uint64_t threshold = 0,
               std::chrono::seconds duration = 0s, std::string destination = "*") {
    AlertRule r;
    r.id = std::move(id);
    r.name = r.id;
    r.condition = condition;
    r.threshold = threshold;
    r.forDuration = duration;
    r.destination = std::move(destination);
    return r;
}

const AlertEvaluator::Clock::time_point t0{};

TEST(AlertEvaluator, DepthMustStayAboveTheThresholdForTheDuration) {
    AlertEvaluator evaluator({rule("depth", Condition::DepthAbove, 100, 30s, "orders*")});
    EXPECT_TRUE(evaluator.observe("b", snapshotOf({queue("orders", 150)}), t0).empty());
    EXPECT_TRUE(evaluator.observe("b", snapshotOf({queue("orders", 160)}), t0 + 20s).empty());
    auto fired =
        evaluator.observe("b", snapshotOf({queue("orders", 170), queue("x", 999)}), t0 + 31s);
    ASSERT_EQ(fired.size(), 1U);
    EXPECT_EQ(fired[0].kind, AlertChange::Kind::Fired);
    EXPECT_EQ(fired[0].alert.destinationId, "queue:/orders");
    EXPECT_EQ(fired[0].alert.message, "orders: 170 ready messages (above 100)");
    EXPECT_EQ(fired[0].alert.since, t0);
    EXPECT_EQ(evaluator.firingFor("b", "queue:/orders").size(), 1U);
    auto resolved = evaluator.observe("b", snapshotOf({queue("orders", 10)}), t0 + 40s);
    ASSERT_EQ(resolved.size(), 1U);
    EXPECT_EQ(resolved[0].kind, AlertChange::Kind::Resolved);
    EXPECT_TRUE(evaluator.firing().empty());
}

TEST(AlertEvaluator, ADipBelowTheThresholdRestartsTheClock) {
    AlertEvaluator evaluator({rule("depth", Condition::DepthAbove, 100, 30s)});
    evaluator.observe("b", snapshotOf({queue("q", 150)}), t0);
    evaluator.observe("b", snapshotOf({queue("q", 50)}), t0 + 20s);
    EXPECT_TRUE(evaluator.observe("b", snapshotOf({queue("q", 150)}), t0 + 35s).empty());
    EXPECT_EQ(evaluator.observe("b", snapshotOf({queue("q", 150)}), t0 + 66s).size(), 1U);
}

TEST(AlertEvaluator, NoConsumersIgnoresStreamsTopicsAndDeadLetterQueues) {
    AlertEvaluator evaluator({rule("idle", Condition::NoConsumers)});
    auto stream = queue("log", 5, 0);
    stream.kind = DestinationKind::Stream;
    auto dlq = queue("orders.dlq", 5, 0);
    auto changes = evaluator.observe(
        "b", snapshotOf({queue("work", 0, 0), queue("busy", 0, 2), stream, dlq}), t0);
    ASSERT_EQ(changes.size(), 1U);
    EXPECT_EQ(changes[0].alert.message, "work: no consumers");
}

TEST(AlertEvaluator, LagCountsConsumerGroupsAndConsumedQueues) {
    AlertEvaluator evaluator({rule("lag", Condition::LagAbove, 10)});
    auto group = queue("billing", 50, 1);
    group.id = "group:events/billing";
    group.parentId = "stream:events";
    auto changes = evaluator.observe(
        "b", snapshotOf({group, queue("unconsumed", 500, 0), queue("slow", 20, 1)}), t0);
    ASSERT_EQ(changes.size(), 2U);
    EXPECT_EQ(changes[0].alert.destinationId, "group:events/billing");
    EXPECT_EQ(changes[0].alert.message, "billing: consumer lag 50 (above 10)");
    EXPECT_EQ(changes[1].alert.destinationId, "queue:/slow");
}

TEST(AlertEvaluator, DeadLettersFireForFlaggedOrNamedQueues) {
    AlertEvaluator evaluator({rule("dl", Condition::DeadLettersPresent)});
    auto flagged = queue("max-deliveries", 0, 0);
    flagged.messagesUnacked = 2;
    flagged.deadLetters = true;
    auto changes = evaluator.observe(
        "b", snapshotOf({flagged, queue("orders.dlq", 3, 0), queue("empty.dlq", 0, 0)}), t0);
    ASSERT_EQ(changes.size(), 2U);
    EXPECT_EQ(changes[0].alert.value, 2U);
    EXPECT_EQ(changes[1].alert.message, "orders.dlq: 3 dead letters");
}

TEST(AlertEvaluator, AnUnreachableBrokerFiresAndOtherAlertsKeepTheirState) {
    AlertEvaluator evaluator(
        {rule("down", Condition::Unreachable, 0, 10s), rule("depth", Condition::DepthAbove, 1)});
    ASSERT_EQ(evaluator.observe("b", snapshotOf({queue("q", 5)}), t0).size(), 1U);
    const Result<BrokerSnapshot> failure =
        Error{ErrorCode::Unavailable, "connection refused by h:1"};
    EXPECT_TRUE(evaluator.observe("b", failure, t0 + 1s).empty());
    auto down = evaluator.observe("b", failure, t0 + 12s);
    ASSERT_EQ(down.size(), 1U);
    EXPECT_EQ(down[0].alert.message, "b is unreachable: connection refused by h:1");
    EXPECT_EQ(evaluator.firing().size(), 2U);  // the depth alert is not resolved blindly
    auto back = evaluator.observe("b", snapshotOf({queue("q", 0)}), t0 + 20s);
    EXPECT_EQ(back.size(), 2U);
    EXPECT_TRUE(evaluator.firing().empty());
}

TEST(AlertEvaluator, BrokerPatternsAndDisabledRules) {
    auto prodOnly = rule("prod", Condition::DepthAbove, 0);
    prodOnly.broker = "prod-*";
    auto disabled = rule("off", Condition::DepthAbove, 0);
    disabled.enabled = false;
    AlertEvaluator evaluator({prodOnly, disabled});
    EXPECT_TRUE(evaluator.observe("dev-rabbit", snapshotOf({queue("q", 5)}), t0).empty());
    EXPECT_EQ(evaluator.observe("prod-rabbit", snapshotOf({queue("q", 5)}), t0).size(), 1U);
    EXPECT_EQ(evaluator.forget("prod-rabbit").size(), 1U);
    EXPECT_TRUE(evaluator.firing().empty());
}

}  // namespace
}  // namespace sbx::alerts
