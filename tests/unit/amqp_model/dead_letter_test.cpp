#include "sbx/broker/amqp/dead_letter.h"

#include <gtest/gtest.h>

#include "model_test_support.h"

namespace sbx::broker::amqp {
namespace {

using namespace test;
using sbx::amqp::FieldTableEntry;
using sbx::amqp::Timestamp;

FieldValue text(const char* s) {
    return FieldValue(std::string(s));
}
FieldValue keys(std::initializer_list<const char*> list) {
    FieldArray array;
    for (const char* k : list) {
        array.push_back(text(k));
    }
    return FieldValue(std::move(array));
}
FieldValue seconds(std::uint64_t s) {
    return FieldValue(Timestamp{s});
}
FieldValue count(std::int64_t n) {
    return FieldValue(n);
}

std::vector<std::string> names(const FieldTable& t) {
    std::vector<std::string> out;
    for (const auto& e : t.entries) {
        out.push_back(e.name);
    }
    return out;
}

const FieldArray& deathsOf(const AmqpMessage& m) {
    static const FieldArray kNone;
    const FieldValue* v = m.properties.headers ? m.properties.headers->find("x-death") : nullptr;
    return v != nullptr && v->asArray() != nullptr ? *v->asArray() : kNone;
}

// A (TTL) -> dlx1 -> B (max-length 1, drop-head) -> dlx2 with key "to-c" -> C.
TEST(DeadLettering, ChainWritesXDeathExactlyAsRabbitMq) {
    VirtualHost vhost(options());
    for (auto [name, type] : {std::pair{"dlx1", "direct"}, std::pair{"dlx2", "direct"}}) {
        ExchangeDeclare d;
        d.name = name;
        d.type = type;
        ASSERT_TRUE(vhost.declareExchange(d).ok());
    }
    declare(vhost, "A",
            table({{"x-message-ttl", FieldValue(std::int32_t{1000})},
                   {"x-dead-letter-exchange", text("dlx1")}}));
    declare(vhost, "B",
            table({{"x-max-length", FieldValue(std::int32_t{1})},
                   {"x-dead-letter-exchange", text("dlx2")},
                   {"x-dead-letter-routing-key", text("to-c")}}));
    declare(vhost, "C");
    ASSERT_TRUE(vhost.bindQueue("A", "amq.direct", "orders.new", {}, 1).ok());
    ASSERT_TRUE(vhost.bindQueue("B", "dlx1", "orders.new", {}, 1).ok());
    ASSERT_TRUE(vhost.bindQueue("C", "dlx2", "to-c", {}, 1).ok());

    auto m = message("amq.direct", "orders.new", "order-1");
    m.properties.expiration = "5000";  // longer than A's TTL: A's 1000 ms wins
    m.properties.headers = table({{"trace", text("t-1")}});
    publish(vhost, m, at(0));

    vhost.tick(at(1000));  // expires in A, lands in B
    EXPECT_EQ(vhost.findQueue("A")->stats().expired, 1U);
    EXPECT_EQ(vhost.findQueue("A")->stats().deadLettered, 1U);
    EXPECT_EQ(vhost.findQueue("B")->stats().ready, 1U);

    publishTo(vhost, "B", "order-2", at(2000));  // pushes order-1 out of B
    EXPECT_EQ(vhost.findQueue("B")->stats().dropped, 1U);
    EXPECT_EQ(vhost.findQueue("B")->stats().deadLettered, 1U);

    auto got = vhost.get("C", 1, 1, true, at(2500));
    ASSERT_TRUE(got.ok() && got->has_value());
    const AmqpMessage& dead = *(*got)->message;
    EXPECT_EQ(dead.body, "order-1");
    EXPECT_EQ(dead.exchange, "dlx2");
    EXPECT_EQ(dead.routingKey, "to-c");
    EXPECT_FALSE(dead.properties.expiration) << "cleared, kept as original-expiration";

    const FieldTable& headers = *dead.properties.headers;
    EXPECT_EQ(names(headers),
              (std::vector<std::string>{"trace", "x-death", "x-first-death-exchange",
                                        "x-first-death-queue", "x-first-death-reason",
                                        "x-last-death-exchange", "x-last-death-queue",
                                        "x-last-death-reason"}));
    EXPECT_EQ(stringHeader(dead, "trace"), "t-1");
    EXPECT_EQ(stringHeader(dead, "x-first-death-reason"), "expired");
    EXPECT_EQ(stringHeader(dead, "x-first-death-queue"), "A");
    EXPECT_EQ(stringHeader(dead, "x-first-death-exchange"), "amq.direct");
    EXPECT_EQ(stringHeader(dead, "x-last-death-reason"), "maxlen");
    EXPECT_EQ(stringHeader(dead, "x-last-death-queue"), "B");
    EXPECT_EQ(stringHeader(dead, "x-last-death-exchange"), "dlx1");

    const FieldArray& deaths = deathsOf(dead);
    ASSERT_EQ(deaths.size(), 2U);
    // Newest first. A later event's table is sorted by key.
    const FieldTable expectedB{{
        {"count", count(1)},
        {"exchange", text("dlx1")},
        {"queue", text("B")},
        {"reason", text("maxlen")},
        {"routing-keys", keys({"orders.new"})},
        {"time", seconds(kT0Seconds + 2)},
    }};
    // The first event keeps the order rabbit_dead_letter builds it in.
    const FieldTable expectedA{{
        {"count", count(1)},
        {"reason", text("expired")},
        {"queue", text("A")},
        {"time", seconds(kT0Seconds + 1)},
        {"exchange", text("amq.direct")},
        {"routing-keys", keys({"orders.new"})},
        {"original-expiration", text("5000")},
    }};
    ASSERT_NE(deaths[0].asTable(), nullptr);
    ASSERT_NE(deaths[1].asTable(), nullptr);
    EXPECT_EQ(names(*deaths[0].asTable()), names(expectedB));
    EXPECT_EQ(names(*deaths[1].asTable()), names(expectedA));
    for (const auto& [actual, expected] :
         {std::pair{deaths[0].asTable(), &expectedB}, std::pair{deaths[1].asTable(), &expectedA}}) {
        for (const auto& entry : expected->entries) {
            const FieldValue* value = actual->find(entry.name);
            ASSERT_NE(value, nullptr) << entry.name;
            EXPECT_TRUE(*value == entry.value) << entry.name;
        }
    }
}

// work --reject--> retry (TTL) --expire--> work --reject--> ...: RabbitMQ merges the
// repeated work/rejected event into one entry with count 2, moved to the front.
TEST(DeadLettering, RepeatedDeathsMergeWithACount) {
    VirtualHost vhost(options());
    declare(vhost, "work",
            table({{"x-dead-letter-exchange", text("")},
                   {"x-dead-letter-routing-key", text("retry")}}));
    declare(vhost, "retry",
            table({{"x-message-ttl", FieldValue(std::int32_t{100})},
                   {"x-dead-letter-exchange", text("")},
                   {"x-dead-letter-routing-key", text("work")}}));
    publishTo(vhost, "work", "job", at(0));
    auto work = vhost.findQueue("work");

    auto first = vhost.get("work", 1, 1, false, at(10));
    ASSERT_TRUE(first.ok() && first->has_value());
    ASSERT_TRUE(work->reject((*first)->id, false, at(10)));
    EXPECT_EQ(vhost.findQueue("retry")->stats().ready, 1U);
    vhost.tick(at(2000));  // back to work

    auto second = vhost.get("work", 1, 1, false, at(3000));
    ASSERT_TRUE(second.ok() && second->has_value());
    const FieldArray& afterRetry = deathsOf(*(*second)->message);
    ASSERT_EQ(afterRetry.size(), 2U);
    EXPECT_EQ(*afterRetry[0].asTable()->find("queue"), text("retry"));
    EXPECT_EQ(*afterRetry[0].asTable()->find("reason"), text("expired"));
    EXPECT_EQ(*afterRetry[0].asTable()->find("exchange"), text(""));
    EXPECT_EQ(*afterRetry[0].asTable()->find("routing-keys"), keys({"retry"}));
    ASSERT_TRUE(work->reject((*second)->id, false, at(3000)));

    vhost.tick(at(5000));
    auto third = vhost.get("work", 1, 1, true, at(5000));
    ASSERT_TRUE(third.ok() && third->has_value());
    const AmqpMessage& m = *(*third)->message;
    const FieldArray& deaths = deathsOf(m);
    ASSERT_EQ(deaths.size(), 2U) << "one entry per queue and reason";
    const FieldTable& expired = *deaths[0].asTable();  // the newest event first
    EXPECT_EQ(names(expired), (std::vector<std::string>{"count", "exchange", "queue", "reason",
                                                        "routing-keys", "time"}));
    EXPECT_EQ(*expired.find("count"), count(2)) << "retry expired the message twice";
    EXPECT_EQ(*expired.find("queue"), text("retry"));
    EXPECT_EQ(*expired.find("reason"), text("expired"));
    EXPECT_EQ(*expired.find("time"), seconds(kT0Seconds + 2)) << "the first event's time stays";
    const FieldTable& rejected = *deaths[1].asTable();
    EXPECT_EQ(names(rejected), (std::vector<std::string>{"count", "exchange", "queue", "reason",
                                                         "routing-keys", "time"}))
        << "sorted once the history had two entries";
    EXPECT_EQ(*rejected.find("count"), count(2));
    EXPECT_EQ(*rejected.find("queue"), text("work"));
    EXPECT_EQ(*rejected.find("reason"), text("rejected"));
    EXPECT_EQ(*rejected.find("time"), seconds(kT0Seconds));
    EXPECT_EQ(*rejected.find("routing-keys"), keys({"work"}));
    EXPECT_EQ(stringHeader(m, "x-first-death-queue"), "work");
    EXPECT_EQ(stringHeader(m, "x-first-death-reason"), "rejected");
    EXPECT_EQ(stringHeader(m, "x-last-death-queue"), "retry");
    EXPECT_EQ(stringHeader(m, "x-last-death-reason"), "expired");
}

TEST(DeadLettering, FullyAutomaticCyclesAreDropped) {
    VirtualHost vhost(options());
    // Expired messages dead-letter to their own queue (the DLX is the default exchange
    // and the routing key the queue's name): RabbitMQ drops them instead of looping.
    declare(vhost, "loop",
            table({{"x-message-ttl", FieldValue(std::int32_t{10})},
                   {"x-dead-letter-exchange", text("")}}));
    publishTo(vhost, "loop", "m", at(0));
    vhost.tick(at(100));
    const auto stats = vhost.findQueue("loop")->stats();
    EXPECT_EQ(stats.ready, 0U);
    EXPECT_EQ(stats.expired, 1U);
    EXPECT_EQ(stats.deadLettered, 1U);
    EXPECT_EQ(stats.published, 1U) << "not re-enqueued";
}

TEST(DeadLettering, RejectionsNeverCountAsCycles) {
    VirtualHost vhost(options());
    declare(vhost, "self", table({{"x-dead-letter-exchange", text("")}}));
    publishTo(vhost, "self", "m");
    auto got = vhost.get("self", 1, 1, false, kT0);
    ASSERT_TRUE(got.ok() && got->has_value());
    ASSERT_TRUE(vhost.findQueue("self")->reject((*got)->id, false, kT0));
    auto back = vhost.get("self", 1, 1, true, kT0);
    ASSERT_TRUE(back.ok() && back->has_value());
    EXPECT_EQ(stringHeader(*(*back)->message, "x-first-death-reason"), "rejected");
    EXPECT_FALSE((*back)->redelivered) << "a dead letter is a new message";
}

TEST(DeadLettering, MissingDeadLetterExchangeDropsTheMessage) {
    VirtualHost vhost(options());
    declare(vhost, "q", table({{"x-dead-letter-exchange", text("not-there")}}));
    publishTo(vhost, "q", "m");
    auto got = vhost.get("q", 1, 1, false, kT0);
    ASSERT_TRUE(got.ok() && got->has_value());
    EXPECT_TRUE(vhost.findQueue("q")->reject((*got)->id, false, kT0));
    EXPECT_EQ(vhost.findQueue("q")->stats().ready, 0U);
}

TEST(DeadLettering, CycleRuleOnHandBuiltHistories) {
    auto m = message("", "q", "");
    const auto death = [](const char* queue, const char* reason) {
        return FieldValue(FieldTable{{{"queue", FieldValue(std::string(queue))},
                                      {"reason", FieldValue(std::string(reason))}}});
    };
    m.properties.headers =
        table({{"x-death", FieldValue(FieldArray{death("b", "expired"), death("a", "maxlen")})}});
    EXPECT_TRUE(isDeadLetterCycle(m, DeadLetterReason::Expired, "a"));
    EXPECT_TRUE(isDeadLetterCycle(m, DeadLetterReason::Expired, "b"));
    EXPECT_FALSE(isDeadLetterCycle(m, DeadLetterReason::Expired, "c"));
    EXPECT_FALSE(isDeadLetterCycle(m, DeadLetterReason::Rejected, "a"));
    m.properties.headers =
        table({{"x-death", FieldValue(FieldArray{death("b", "rejected"), death("a", "maxlen")})}});
    EXPECT_FALSE(isDeadLetterCycle(m, DeadLetterReason::Expired, "a"))
        << "a rejection in the loop means a client is involved";
}

TEST(DeadLettering, DeadLetterRoutingKeyDropsCcButRecordsIt) {
    auto m = message("amq.direct", "k1", "");
    m.properties.headers = table({{"CC", keys({"k2", "k3"})}});
    const AmqpMessage dead =
        makeDeadLetter(m, DeadLetterReason::Rejected, "q", "dlx", std::string("dl-key"), kT0);
    EXPECT_EQ(dead.routingKey, "dl-key");
    EXPECT_EQ(dead.properties.headers->find("CC"), nullptr);
    const FieldTable& event = *deathsOf(dead)[0].asTable();
    EXPECT_EQ(*event.find("routing-keys"), keys({"k1", "k2", "k3"}));

    const AmqpMessage kept =
        makeDeadLetter(m, DeadLetterReason::Rejected, "q", "dlx", std::nullopt, kT0);
    EXPECT_EQ(kept.routingKey, "k1");
    EXPECT_NE(kept.properties.headers->find("CC"), nullptr);
}

}  // namespace
}  // namespace sbx::broker::amqp
