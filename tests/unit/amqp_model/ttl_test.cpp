#include <gtest/gtest.h>

#include "model_test_support.h"

namespace sbx::broker::amqp {
namespace {

using namespace test;
using Bodies = std::vector<std::string>;

TEST(MessageTtl, QueueTtlExpiresMessagesAtTheHead) {
    VirtualHost vhost(options());
    declare(vhost, "q", table({{"x-message-ttl", FieldValue(std::int32_t{1000})}}));
    publishTo(vhost, "q", "old", at(0));
    publishTo(vhost, "q", "new", at(600));
    vhost.tick(at(999));
    EXPECT_EQ(vhost.findQueue("q")->stats().ready, 2U);
    vhost.tick(at(1000));
    auto stats = vhost.findQueue("q")->stats();
    EXPECT_EQ(stats.ready, 1U);
    EXPECT_EQ(stats.expired, 1U);
    auto got = vhost.get("q", 1, 1, true, at(1100));
    ASSERT_TRUE(got.ok() && got->has_value());
    EXPECT_EQ((*got)->message->body, "new");
}

TEST(MessageTtl, ExpiredMessagesAreNeverDeliveredEvenWithoutATick) {
    VirtualHost vhost(options());
    declare(vhost, "q", table({{"x-message-ttl", FieldValue(std::int32_t{100})}}));
    publishTo(vhost, "q", "stale", at(0));
    auto c = consume(vhost, "q", 0, 1, "late", at(500));
    EXPECT_TRUE(c.sink->deliveries.empty());
    EXPECT_EQ(c.queue->stats().expired, 1U);
    auto got = vhost.get("q", 1, 1, true, at(500));
    ASSERT_TRUE(got.ok());
    EXPECT_FALSE(got->has_value());
}

TEST(MessageTtl, PerMessageExpirationAndTheSmallerOfBoth) {
    VirtualHost vhost(options());
    declare(vhost, "q", table({{"x-message-ttl", FieldValue(std::int32_t{5000})}}));
    auto shortLived = message("", "q", "short");
    shortLived.properties.expiration = "200";
    auto longLived = message("", "q", "long");
    longLived.properties.expiration = "60000";  // capped by the queue's 5000
    publish(vhost, shortLived, at(0));
    publish(vhost, longLived, at(0));
    vhost.tick(at(200));
    EXPECT_EQ(vhost.findQueue("q")->stats().ready, 1U);
    vhost.tick(at(5000));
    EXPECT_EQ(vhost.findQueue("q")->stats().ready, 0U);
}

TEST(MessageTtl, OnlyTheHeadExpiresAsInRabbitMq) {
    VirtualHost vhost(options());
    declare(vhost, "q");
    auto lasting = message("", "q", "lasting");
    lasting.properties.expiration = "10000";
    auto brief = message("", "q", "brief");
    brief.properties.expiration = "10";
    publish(vhost, lasting, at(0));
    publish(vhost, brief, at(0));
    vhost.tick(at(100));
    // "brief" is past its expiry but behind a live head: it stays until it reaches the head.
    EXPECT_EQ(vhost.findQueue("q")->stats().ready, 2U);
    auto got = vhost.get("q", 1, 1, true, at(100));
    ASSERT_TRUE(got.ok() && got->has_value());
    EXPECT_EQ((*got)->message->body, "lasting");
    auto next = vhost.get("q", 1, 1, true, at(100));
    ASSERT_TRUE(next.ok());
    EXPECT_FALSE(next->has_value()) << "expired on reaching the head";
    EXPECT_EQ(vhost.findQueue("q")->stats().expired, 1U);
}

TEST(MessageTtl, ZeroTtlReachesAWaitingConsumerOrNobody) {
    VirtualHost vhost(options());
    declare(vhost, "q", table({{"x-message-ttl", FieldValue(std::int32_t{0})}}));
    publishTo(vhost, "q", "lost", at(0));
    EXPECT_EQ(vhost.findQueue("q")->stats().ready, 0U);
    EXPECT_EQ(vhost.findQueue("q")->stats().expired, 1U);
    auto c = consume(vhost, "q", 0, 1, "c", at(1));
    publishTo(vhost, "q", "caught", at(2));
    EXPECT_EQ(c.sink->bodies(), Bodies{"caught"});
}

TEST(MessageTtl, RequeuedMessagesKeepTheirExpiry) {
    VirtualHost vhost(options());
    declare(vhost, "q", table({{"x-message-ttl", FieldValue(std::int32_t{1000})}}));
    publishTo(vhost, "q", "m", at(0));
    auto got = vhost.get("q", 1, 1, false, at(10));
    ASSERT_TRUE(got.ok() && got->has_value());
    ASSERT_TRUE(vhost.findQueue("q")->reject((*got)->id, true, at(2000)));
    EXPECT_EQ(vhost.findQueue("q")->stats().ready, 0U);
    EXPECT_EQ(vhost.findQueue("q")->stats().expired, 1U);
}

TEST(QueueExpires, UnusedQueueIsDeletedAfterXExpires) {
    VirtualHost vhost(options());
    declare(vhost, "q", table({{"x-expires", FieldValue(std::int32_t{1000})}}), at(0));
    vhost.tick(at(999));
    EXPECT_TRUE(vhost.findQueue("q"));
    // basic.get counts as use and restarts the timer.
    ASSERT_TRUE(vhost.get("q", 1, 1, true, at(900)).ok());
    vhost.tick(at(1800));
    EXPECT_TRUE(vhost.findQueue("q"));
    vhost.tick(at(1900));
    EXPECT_FALSE(vhost.findQueue("q"));
}

TEST(QueueExpires, ConsumersKeepAQueueAliveAndRedeclareRestartsTheTimer) {
    VirtualHost vhost(options());
    const auto args = table({{"x-expires", FieldValue(std::int32_t{1000})}});
    declare(vhost, "q", args, at(0));
    auto c = consume(vhost, "q", 0, 1, "c", at(100));
    vhost.tick(at(5000));
    EXPECT_TRUE(vhost.findQueue("q")) << "in use";
    ASSERT_TRUE(c.queue->cancel(c.id, at(6000)));
    declare(vhost, "q", args, at(6500));
    vhost.tick(at(7000));
    EXPECT_TRUE(vhost.findQueue("q"));
    vhost.tick(at(7500));
    EXPECT_FALSE(vhost.findQueue("q"));
}

}  // namespace
}  // namespace sbx::broker::amqp
