#include <gtest/gtest.h>

#include "model_test_support.h"

namespace sbx::broker::amqp {
namespace {

using namespace test;
using Bodies = std::vector<std::string>;

Bodies drain(VirtualHost& vhost, const std::string& queue) {
    Bodies out;
    while (true) {
        auto got = vhost.get(queue, 1, 1, true, kT0);
        if (!got.ok() || !got->has_value()) {
            return out;
        }
        out.push_back((*got)->message->body);
    }
}

TEST(MaxLength, DropHeadKeepsTheNewest) {
    VirtualHost vhost(options());
    declare(vhost, "q", table({{"x-max-length", FieldValue(std::int32_t{2})}}));
    for (const char* body : {"1", "2", "3", "4"}) {
        publishTo(vhost, "q", body);
    }
    EXPECT_EQ(vhost.findQueue("q")->stats().dropped, 2U);
    EXPECT_EQ(drain(vhost, "q"), (Bodies{"3", "4"}));
}

TEST(MaxLength, OnlyReadyMessagesCount) {
    VirtualHost vhost(options());
    declare(vhost, "q", table({{"x-max-length", FieldValue(std::int32_t{1})}}));
    auto c = consume(vhost, "q", 2);
    for (const char* body : {"1", "2", "3"}) {
        publishTo(vhost, "q", body);
    }
    const auto stats = c.queue->stats();
    EXPECT_EQ(stats.unacked, 2U);
    EXPECT_EQ(stats.ready, 1U);
    EXPECT_EQ(stats.dropped, 0U);
}

TEST(MaxLength, BytesLimitCountsBodies) {
    VirtualHost vhost(options());
    declare(vhost, "q", table({{"x-max-length-bytes", FieldValue(std::int32_t{10})}}));
    publishTo(vhost, "q", "aaaa");
    publishTo(vhost, "q", "bbbb");
    publishTo(vhost, "q", "cccc");  // 12 bytes: "aaaa" goes
    EXPECT_EQ(vhost.findQueue("q")->stats().readyBytes, 8U);
    EXPECT_EQ(drain(vhost, "q"), (Bodies{"bbbb", "cccc"}));
}

TEST(MaxLength, RejectPublishRefusesAndReportsForTheConfirm) {
    VirtualHost vhost(options());
    declare(vhost, "q",
            table({{"x-max-length", FieldValue(std::int32_t{2})},
                   {"x-overflow", FieldValue(std::string("reject-publish"))}}));
    declare(vhost, "other");
    ASSERT_TRUE(vhost.bindQueue("q", "amq.fanout", "", {}, 1).ok());
    ASSERT_TRUE(vhost.bindQueue("other", "amq.fanout", "", {}, 1).ok());
    for (const char* body : {"1", "2"}) {
        auto ok = vhost.publish(message("amq.fanout", "", body), kT0);
        ASSERT_TRUE(ok.ok());
        EXPECT_FALSE(ok->rejected);
    }
    auto refused = vhost.publish(message("amq.fanout", "", "3"), kT0);
    ASSERT_TRUE(refused.ok());
    EXPECT_TRUE(refused->rejected) << "the broker nacks the confirm";
    EXPECT_FALSE(refused->unroutable);
    EXPECT_EQ(refused->queues, 1U) << "the other queue took it";
    EXPECT_EQ(vhost.findQueue("q")->stats().rejectedPublishes, 1U);
    EXPECT_EQ(drain(vhost, "q"), (Bodies{"1", "2"}));
    EXPECT_EQ(drain(vhost, "other"), (Bodies{"1", "2", "3"}));
}

TEST(MaxLength, RejectPublishCountsReadyEvenWithConsumers) {
    // RabbitMQ's will_overflow looks at the ready length only.
    VirtualHost vhost(options());
    declare(vhost, "q",
            table({{"x-max-length", FieldValue(std::int32_t{0})},
                   {"x-overflow", FieldValue(std::string("reject-publish"))}}));
    auto c = consume(vhost, "q");
    auto refused = vhost.publish(message("", "q", "x"), kT0);
    ASSERT_TRUE(refused.ok());
    EXPECT_TRUE(refused->rejected);
    EXPECT_TRUE(c.sink->deliveries.empty());
}

TEST(MaxLength, RejectPublishDlxDeadLettersTheRefusedMessage) {
    VirtualHost vhost(options());
    declare(vhost, "dead");
    declare(vhost, "q",
            table({{"x-max-length", FieldValue(std::int32_t{1})},
                   {"x-overflow", FieldValue(std::string("reject-publish-dlx"))},
                   {"x-dead-letter-exchange", FieldValue(std::string(""))},
                   {"x-dead-letter-routing-key", FieldValue(std::string("dead"))}}));
    publishTo(vhost, "q", "kept");
    auto refused = vhost.publish(message("", "q", "refused"), kT0);
    ASSERT_TRUE(refused.ok());
    EXPECT_TRUE(refused->rejected);
    EXPECT_EQ(drain(vhost, "dead"), Bodies{"refused"});
}

}  // namespace
}  // namespace sbx::broker::amqp
