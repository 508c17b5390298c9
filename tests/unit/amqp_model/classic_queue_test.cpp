#include <gtest/gtest.h>

#include "model_test_support.h"
#include "sbx/broker/amqp/channel_delivery_tags.h"

namespace sbx::broker::amqp {
namespace {

using namespace test;
using Bodies = std::vector<std::string>;

void publishAll(VirtualHost& vhost, const std::string& queue, const Bodies& bodies) {
    for (const auto& body : bodies) {
        publishTo(vhost, queue, body);
    }
}

TEST(ClassicQueue, RoundRobinAcrossConsumers) {
    VirtualHost vhost(options());
    declare(vhost, "q");
    auto a = consume(vhost, "q", 0, 1, "a");
    auto b = consume(vhost, "q", 0, 2, "b");
    auto c = consume(vhost, "q", 0, 3, "c");
    publishAll(vhost, "q", {"1", "2", "3", "4", "5", "6", "7"});
    EXPECT_EQ(a.sink->bodies(), (Bodies{"1", "4", "7"}));
    EXPECT_EQ(b.sink->bodies(), (Bodies{"2", "5"}));
    EXPECT_EQ(c.sink->bodies(), (Bodies{"3", "6"}));
    EXPECT_EQ(a.sink->deliveries[0].consumerTag, "a");
    EXPECT_EQ(a.sink->deliveries[0].channel, 1U);
    EXPECT_EQ(a.sink->deliveries[0].queue, "q");
    EXPECT_FALSE(a.sink->deliveries[0].redelivered);
}

TEST(ClassicQueue, PrefetchLimitsUnackedPerConsumer) {
    VirtualHost vhost(options());
    declare(vhost, "q");
    publishAll(vhost, "q", {"1", "2", "3", "4", "5"});
    auto slow = consume(vhost, "q", 2, 1, "slow");
    EXPECT_EQ(slow.sink->bodies(), (Bodies{"1", "2"}));
    auto stats = slow.queue->stats();
    EXPECT_EQ(stats.ready, 3U);
    EXPECT_EQ(stats.unacked, 2U);

    auto fast = consume(vhost, "q", 0, 2, "fast");
    EXPECT_EQ(fast.sink->bodies(), (Bodies{"3", "4", "5"})) << "prefetch 0 is unlimited";

    publishAll(vhost, "q", {"6"});
    EXPECT_EQ(fast.sink->bodies().back(), "6") << "slow is full";
    // An ack frees one slot for the next message.
    fast.sink->accept = false;  // keep the next one for slow
    publishAll(vhost, "q", {"7"});
    EXPECT_EQ(slow.queue->stats().ready, 1U);
    EXPECT_TRUE(slow.queue->ack(slow.sink->deliveries[0].id, kT0));
    EXPECT_EQ(slow.sink->bodies(), (Bodies{"1", "2", "7"}));
    EXPECT_FALSE(slow.queue->ack(slow.sink->deliveries[0].id, kT0)) << "already acked";
}

TEST(ClassicQueue, RequeuedMessagesGoBackToTheirPlaceMarkedRedelivered) {
    VirtualHost vhost(options());
    declare(vhost, "q");
    publishAll(vhost, "q", {"1", "2", "3", "4", "5"});
    auto c = consume(vhost, "q", 3);
    ASSERT_EQ(c.sink->bodies(), (Bodies{"1", "2", "3"}));
    const DeliveryId first = c.sink->deliveries[0].id;
    const DeliveryId third = c.sink->deliveries[2].id;
    c.sink->accept = false;
    // Requeue 3 then 1: both go in front of 4 and 5, in their original order.
    EXPECT_TRUE(c.queue->reject(third, true, kT0));
    EXPECT_TRUE(c.queue->reject(first, true, kT0));
    c.sink->accept = true;
    c.sink->deliveries.clear();
    c.queue->resume(c.id, kT0);
    ASSERT_EQ(c.sink->bodies(), (Bodies{"1", "3"}));
    EXPECT_TRUE(c.sink->deliveries[0].redelivered);
    EXPECT_EQ(c.sink->deliveries[0].deliveryCount, 1U);
    EXPECT_TRUE(c.sink->deliveries[1].redelivered);
    const auto stats = c.queue->stats();
    EXPECT_EQ(stats.redelivered, 2U);
    EXPECT_EQ(stats.ready, 2U);  // 4 and 5 wait: prefetch 3 is used by 2, 1, 3
}

TEST(ClassicQueue, NackMultipleThroughChannelTagsRequeuesInOrder) {
    VirtualHost vhost(options());
    declare(vhost, "q");
    publishAll(vhost, "q", {"1", "2", "3", "4"});
    auto c = consume(vhost, "q", 3);
    ChannelDeliveryTags tags;
    for (const auto& d : c.sink->deliveries) {
        tags.record(c.queue, d.id);
    }
    c.sink->accept = false;
    auto taken = tags.take(2, true);  // tags 1 and 2
    ASSERT_TRUE(taken.ok());
    std::vector<DeliveryId> ids;
    for (const auto& p : *taken) {
        ids.push_back(p.id);
    }
    EXPECT_EQ(c.queue->reject(ids, true, kT0), 2U);
    c.sink->accept = true;
    c.sink->deliveries.clear();
    c.queue->resume(c.id, kT0);
    EXPECT_EQ(c.sink->bodies(), (Bodies{"1", "2"})) << "ahead of 4";
    EXPECT_EQ(tags.outstanding(), 1U);
}

TEST(ClassicQueue, SingleActiveConsumerFailsOverInRegistrationOrder) {
    VirtualHost vhost(options());
    declare(vhost, "q", table({{"x-single-active-consumer", FieldValue(true)}}));
    auto first = consume(vhost, "q", 1, 1, "first");
    auto second = consume(vhost, "q", 1, 2, "second");
    auto third = consume(vhost, "q", 1, 3, "third");
    publishAll(vhost, "q", {"1", "2", "3"});
    EXPECT_EQ(first.sink->bodies(), Bodies{"1"}) << "prefetch 1 holds the rest back";
    EXPECT_TRUE(second.sink->deliveries.empty()) << "inactive consumers get nothing";
    EXPECT_TRUE(third.sink->deliveries.empty());

    // The active consumer goes away: its channel closes, "1" is requeued, the next
    // consumer in line takes over and gets "1" again.
    vhost.channelClosed(1, kT0);
    ASSERT_EQ(second.sink->bodies(), Bodies{"1"});
    EXPECT_TRUE(second.sink->deliveries[0].redelivered);
    EXPECT_TRUE(third.sink->deliveries.empty());

    EXPECT_TRUE(second.queue->cancel(second.id, kT0));
    EXPECT_EQ(third.sink->bodies(), Bodies{"2"});
    EXPECT_TRUE(second.queue->ack(second.sink->deliveries[0].id, kT0))
        << "a delivery can be acked after its consumer was cancelled";
    EXPECT_EQ(second.queue->stats().unacked, 1U);
}

TEST(ClassicQueue, ExclusiveConsumerKeepsOthersOut) {
    VirtualHost vhost(options());
    declare(vhost, "q");
    ConsumeRequest exclusive;
    exclusive.connection = 1;
    exclusive.channel = 1;
    exclusive.exclusive = true;
    exclusive.sink = std::make_shared<RecordingSink>();
    ASSERT_TRUE(vhost.consume("q", exclusive, kT0).ok());
    ConsumeRequest other = exclusive;
    other.exclusive = false;
    auto refused = vhost.consume("q", other, kT0);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ReplyCode::AccessRefused);
    EXPECT_EQ(refused.error().text, "ACCESS_REFUSED - queue 'q' in vhost '/' in exclusive use");

    declare(vhost, "q2");
    auto plain = consume(vhost, "q2");
    EXPECT_EQ(vhost.consume("q2", exclusive, kT0).error().text,
              "ACCESS_REFUSED - queue 'q2' in vhost '/' in exclusive use");
}

TEST(ClassicQueue, BasicGetReturnsInOrderWithRemainingCount) {
    VirtualHost vhost(options());
    declare(vhost, "q");
    publishAll(vhost, "q", {"1", "2"});
    auto first = vhost.get("q", 1, 9, false, kT0);
    ASSERT_TRUE(first.ok() && first->has_value());
    EXPECT_EQ((*first)->message->body, "1");
    EXPECT_EQ((*first)->messageCount, 1U);
    EXPECT_EQ((*first)->channel, 9U);
    EXPECT_NE((*first)->id, 0U);
    auto second = vhost.get("q", 1, 9, true, kT0);
    ASSERT_TRUE(second.ok() && second->has_value());
    EXPECT_EQ((*second)->message->body, "2");
    EXPECT_EQ((*second)->messageCount, 0U);
    EXPECT_EQ((*second)->id, 0U) << "no-ack";
    auto empty = vhost.get("q", 1, 9, false, kT0);
    ASSERT_TRUE(empty.ok());
    EXPECT_FALSE(empty->has_value());
    EXPECT_EQ(vhost.get("nope", 1, 9, false, kT0).error().text,
              "NOT_FOUND - no queue 'nope' in vhost '/'");

    auto queue = vhost.findQueue("q");
    EXPECT_TRUE(queue->reject((*first)->id, true, kT0));
    auto again = vhost.get("q", 1, 9, false, kT0);
    ASSERT_TRUE(again.ok() && again->has_value());
    EXPECT_TRUE((*again)->redelivered);
    EXPECT_EQ((*again)->message->body, "1");
}

TEST(ClassicQueue, NoAckConsumersAreNotLimitedAndLeaveNothingUnacked) {
    VirtualHost vhost(options());
    declare(vhost, "q");
    ConsumeRequest r;
    r.connection = 1;
    r.channel = 1;
    r.noAck = true;
    r.prefetch = 1;  // ignored for no-ack
    auto sink = std::make_shared<RecordingSink>();
    r.sink = sink;
    ASSERT_TRUE(vhost.consume("q", r, kT0).ok());
    publishAll(vhost, "q", {"1", "2", "3"});
    EXPECT_EQ(sink->bodies(), (Bodies{"1", "2", "3"}));
    EXPECT_EQ(sink->deliveries[0].id, 0U);
    const auto stats = vhost.findQueue("q")->stats();
    EXPECT_EQ(stats.unacked, 0U);
    EXPECT_EQ(stats.acked, 3U);
}

TEST(ClassicQueue, BlockedConsumerKeepsMessagesUntilResumed) {
    VirtualHost vhost(options());
    declare(vhost, "q");
    auto c = consume(vhost, "q");
    c.sink->accept = false;
    publishAll(vhost, "q", {"1", "2"});
    EXPECT_EQ(c.sink->refused, 1) << "offered once, then left alone until resumed";
    EXPECT_EQ(c.queue->stats().ready, 2U);
    c.sink->accept = true;
    c.queue->resume(c.id, kT0);
    EXPECT_EQ(c.sink->bodies(), (Bodies{"1", "2"}));
    EXPECT_FALSE(c.sink->deliveries[0].redelivered) << "never reached the client before";
}

TEST(ClassicQueue, BlockedConsumerIsSkippedForOthers) {
    VirtualHost vhost(options());
    declare(vhost, "q");
    auto a = consume(vhost, "q", 0, 1, "a");
    auto b = consume(vhost, "q", 0, 2, "b");
    a.sink->accept = false;
    publishAll(vhost, "q", {"1", "2", "3"});
    EXPECT_EQ(b.sink->bodies(), (Bodies{"1", "2", "3"}));
}

TEST(ClassicQueue, PriorityQueueDeliversHighestFirstAndKeepsOrderWithinAPriority) {
    VirtualHost vhost(options());
    declare(vhost, "q", table({{"x-max-priority", FieldValue(std::uint8_t{5})}}));
    const std::pair<const char*, int> published[] = {{"low1", 1}, {"none", -1}, {"high1", 5},
                                                     {"over", 9}, {"low2", 1},  {"high2", 5}};
    for (const auto& [body, priority] : published) {
        auto m = message("", "q", body);
        if (priority >= 0) {
            m.properties.priority = static_cast<std::uint8_t>(priority);
        }
        publish(vhost, m);
    }
    auto c = consume(vhost, "q", 1);
    Bodies order;
    while (!c.sink->deliveries.empty()) {
        const auto d = c.sink->deliveries.back();
        c.sink->deliveries.clear();
        order.push_back(d.message->body);
        ASSERT_TRUE(c.queue->ack(d.id, kT0));
    }
    // Priority 9 is capped at x-max-priority 5; no priority is 0.
    EXPECT_EQ(order, (Bodies{"high1", "over", "high2", "low1", "low2", "none"}));
}

TEST(ClassicQueue, WithoutMaxPriorityPrioritiesAreIgnored) {
    VirtualHost vhost(options());
    declare(vhost, "q");
    auto low = message("", "q", "first");
    low.properties.priority = 0;
    auto high = message("", "q", "second");
    high.properties.priority = 9;
    publish(vhost, low);
    publish(vhost, high);
    auto c = consume(vhost, "q");
    EXPECT_EQ(c.sink->bodies(), (Bodies{"first", "second"}));
}

TEST(ClassicQueue, ChannelCloseRequeuesItsUnackedAndDropsItsConsumers) {
    VirtualHost vhost(options());
    declare(vhost, "q");
    auto a = consume(vhost, "q", 0, 1, "a");
    publishAll(vhost, "q", {"1", "2"});
    auto got = vhost.get("q", 1, 5, false, kT0);  // nothing ready: a took both
    ASSERT_TRUE(got.ok());
    EXPECT_FALSE(got->has_value());
    vhost.channelClosed(1, kT0);
    const auto stats = a.queue->stats();
    EXPECT_EQ(stats.consumers, 0U);
    EXPECT_EQ(stats.ready, 2U);
    EXPECT_EQ(stats.unacked, 0U);
    EXPECT_FALSE(a.queue->ack(a.sink->deliveries[0].id, kT0)) << "requeued, no longer unacked";
}

TEST(ClassicQueue, StatsCountEverything) {
    VirtualHost vhost(options());
    declare(vhost, "q");
    publishAll(vhost, "q", {"aa", "bbb", "c"});
    auto c = consume(vhost, "q", 2);
    auto stats = c.queue->stats();
    EXPECT_EQ(stats.ready, 1U);
    EXPECT_EQ(stats.readyBytes, 1U);
    EXPECT_EQ(stats.unacked, 2U);
    EXPECT_EQ(stats.unackedBytes, 5U);
    EXPECT_EQ(stats.totalBytes(), 6U);
    EXPECT_EQ(stats.consumers, 1U);
    EXPECT_EQ(stats.published, 3U);
    EXPECT_EQ(stats.delivered, 2U);
    ASSERT_TRUE(c.queue->ack(c.sink->deliveries[0].id, kT0));
    ASSERT_TRUE(c.queue->reject(c.sink->deliveries[1].id, false, kT0));
    stats = c.queue->stats();
    EXPECT_EQ(stats.acked, 1U);
    EXPECT_EQ(stats.deadLettered, 0U) << "no DLX: a rejected message is just gone";
    EXPECT_EQ(stats.delivered, 3U);
    EXPECT_EQ(stats.unacked, 1U);
    EXPECT_EQ(stats.ready, 0U);
}

class RecordingStore : public QueueStoreHooks {
public:
    void messageStored(std::string_view queue, const AmqpMessage& m) override {
        events.push_back("+" + std::string(queue) + ":" + m.body);
    }
    void messageRemoved(std::string_view queue, const AmqpMessage& m) override {
        events.push_back("-" + std::string(queue) + ":" + m.body);
    }
    std::vector<std::string> events;
};

TEST(ClassicQueue, StoreHooksSeePersistentMessagesInDurableQueuesOnly) {
    auto store = std::make_shared<RecordingStore>();
    auto o = options();
    o.storeHooks = store;
    VirtualHost vhost(o);
    QueueDeclare durable;
    durable.name = "durable";
    durable.durable = true;
    ASSERT_TRUE(vhost.declareQueue(durable, kT0).ok());
    declare(vhost, "transient");
    ASSERT_TRUE(vhost.bindQueue("durable", "amq.fanout", "", {}, 1).ok());
    ASSERT_TRUE(vhost.bindQueue("transient", "amq.fanout", "", {}, 1).ok());
    auto persistent = message("amq.fanout", "", "p");
    persistent.properties.deliveryMode = 2;
    publish(vhost, persistent);
    publish(vhost, message("amq.fanout", "", "t"));
    auto got = vhost.get("durable", 1, 1, false, kT0);
    ASSERT_TRUE(got.ok() && got->has_value());
    EXPECT_EQ(store->events, Bodies{"+durable:p"});
    auto queue = vhost.findQueue("durable");
    ASSERT_TRUE(queue->reject((*got)->id, true, kT0));
    EXPECT_EQ(store->events.size(), 1U) << "requeue keeps it stored";
    got = vhost.get("durable", 1, 1, false, kT0);
    ASSERT_TRUE(queue->ack((*got)->id, kT0));
    EXPECT_EQ(store->events, (Bodies{"+durable:p", "-durable:p"}));
}

}  // namespace
}  // namespace sbx::broker::amqp
