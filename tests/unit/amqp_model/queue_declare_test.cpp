#include <gtest/gtest.h>

#include "model_test_support.h"

namespace sbx::broker::amqp {
namespace {

using namespace test;

QueueDeclare queueDeclare(std::string name) {
    QueueDeclare d;
    d.name = std::move(name);
    d.connection = 1;
    return d;
}

TEST(QueueDeclare, CreatesAndReportsCounts) {
    VirtualHost vhost(options());
    auto ok = vhost.declareQueue(queueDeclare("q1"), kT0);
    ASSERT_TRUE(ok.ok());
    EXPECT_EQ(ok->name, "q1");
    EXPECT_EQ(ok->messageCount, 0U);
    publishTo(vhost, "q1", "a");
    publishTo(vhost, "q1", "b");
    auto c = consume(vhost, "q1", 1);
    auto again = vhost.declareQueue(queueDeclare("q1"), kT0);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->messageCount, 1U) << "ready only: one is unacked";
    EXPECT_EQ(again->consumerCount, 1U);
}

TEST(QueueDeclare, PassiveReports404) {
    VirtualHost vhost(options());
    auto d = queueDeclare("q1");
    d.passive = true;
    auto missing = vhost.declareQueue(d, kT0);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ReplyCode::NotFound);
    EXPECT_FALSE(closesConnection(missing.error().code));
    EXPECT_EQ(missing.error().text, "NOT_FOUND - no queue 'q1' in vhost '/'");
    declare(vhost, "q1");
    d.durable = true;  // passive ignores properties
    EXPECT_TRUE(vhost.declareQueue(d, kT0).ok());
}

TEST(QueueDeclare, ServerNamedQueuesGetUniqueAmqGenNames) {
    VirtualHost vhost(options());
    auto a = vhost.declareQueue(queueDeclare(""), kT0);
    auto b = vhost.declareQueue(queueDeclare(""), kT0);
    ASSERT_TRUE(a.ok());
    ASSERT_TRUE(b.ok());
    EXPECT_TRUE(a->name.starts_with("amq.gen-")) << a->name;
    EXPECT_EQ(a->name.size(), std::string("amq.gen-").size() + 22) << a->name;
    EXPECT_EQ(a->name.find_first_not_of(
                  "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_", 8),
              std::string::npos);
    EXPECT_NE(a->name, b->name);
    EXPECT_TRUE(vhost.findQueue(a->name));
}

TEST(QueueDeclare, ReservedPrefixIsRefused) {
    VirtualHost vhost(options());
    auto refused = vhost.declareQueue(queueDeclare("amq.mine"), kT0);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ReplyCode::AccessRefused);
    EXPECT_EQ(refused.error().text,
              "ACCESS_REFUSED - queue name 'amq.mine' contains reserved prefix 'amq.*'");
}

TEST(QueueDeclare, InequivalentRedeclareUsesRabbitMqTexts) {
    VirtualHost vhost(options());
    declare(vhost, "q1", table({{"x-message-ttl", FieldValue(std::int32_t{1000})}}));
    auto durable = queueDeclare("q1");
    durable.durable = true;
    durable.arguments = table({{"x-message-ttl", FieldValue(std::int32_t{1000})}});
    auto refused = vhost.declareQueue(durable, kT0);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ReplyCode::PreconditionFailed);
    EXPECT_EQ(refused.error().text,
              "PRECONDITION_FAILED - inequivalent arg 'durable' for queue 'q1' in vhost '/': "
              "received 'true' but current is 'false'");

    auto autoDelete = queueDeclare("q1");
    autoDelete.autoDelete = true;
    autoDelete.arguments = durable.arguments;
    EXPECT_EQ(vhost.declareQueue(autoDelete, kT0).error().text,
              "PRECONDITION_FAILED - inequivalent arg 'auto_delete' for queue 'q1' in vhost '/': "
              "received 'true' but current is 'false'");

    auto ttl = queueDeclare("q1");
    ttl.arguments = table({{"x-message-ttl", FieldValue(std::int32_t{2000})}});
    EXPECT_EQ(vhost.declareQueue(ttl, kT0).error().text,
              "PRECONDITION_FAILED - inequivalent arg 'x-message-ttl' for queue 'q1' in vhost "
              "'/': received the value '2000' of type 'signedint' but current is the value "
              "'1000' of type 'signedint'");

    auto none = queueDeclare("q1");
    EXPECT_EQ(vhost.declareQueue(none, kT0).error().text,
              "PRECONDITION_FAILED - inequivalent arg 'x-message-ttl' for queue 'q1' in vhost "
              "'/': received none but current is the value '1000' of type 'signedint'");

    // Another integer width with the same value is equivalent, as in RabbitMQ.
    auto wider = queueDeclare("q1");
    wider.arguments = table({{"x-message-ttl", FieldValue(std::int64_t{1000})}});
    EXPECT_TRUE(vhost.declareQueue(wider, kT0).ok());
    // x-queue-type classic is what a queue without the argument is.
    auto typed = wider;
    typed.arguments.set("x-queue-type", FieldValue(std::string("classic")));
    EXPECT_TRUE(vhost.declareQueue(typed, kT0).ok());
}

TEST(QueueDeclare, ExclusiveQueuesBelongToTheirConnection) {
    VirtualHost vhost(options());
    auto d = queueDeclare("mine");
    d.exclusive = true;
    d.connection = 7;
    ASSERT_TRUE(vhost.declareQueue(d, kT0).ok());
    EXPECT_TRUE(vhost.declareQueue(d, kT0).ok()) << "same connection";

    const std::string locked =
        "RESOURCE_LOCKED - cannot obtain exclusive access to locked queue 'mine' in vhost '/'. "
        "It could be originally declared on another connection or the exclusive property value "
        "does not match that of the original declaration.";
    d.connection = 8;
    auto other = vhost.declareQueue(d, kT0);
    ASSERT_FALSE(other.ok());
    EXPECT_EQ(other.error().code, ReplyCode::ResourceLocked);
    EXPECT_EQ(other.error().text, locked);
    auto passive = d;
    passive.passive = true;
    EXPECT_EQ(vhost.declareQueue(passive, kT0).error().text, locked);
    EXPECT_EQ(vhost.bindQueue("mine", "amq.direct", "k", {}, 8).error().text, locked);
    EXPECT_EQ(vhost.purgeQueue("mine", 8).error().text, locked);
    EXPECT_EQ(vhost.deleteQueue("mine", false, false, 8).error().text, locked);
    EXPECT_EQ(vhost.get("mine", 8, 1, false, kT0).error().text, locked);
    ConsumeRequest r;
    r.connection = 8;
    r.sink = std::make_shared<RecordingSink>();
    EXPECT_EQ(vhost.consume("mine", r, kT0).error().text, locked);

    // Redeclaring without exclusive from the owner: the property does not match.
    auto notExclusive = queueDeclare("mine");
    notExclusive.connection = 7;
    EXPECT_EQ(vhost.declareQueue(notExclusive, kT0).error().code, ReplyCode::ResourceLocked);

    vhost.connectionClosed(8, kT0);
    EXPECT_TRUE(vhost.findQueue("mine"));
    vhost.connectionClosed(7, kT0);
    EXPECT_FALSE(vhost.findQueue("mine"));
}

TEST(QueueDeclare, StreamsMustBeDurableSharedAndKept) {
    VirtualHost vhost(options());
    auto d = queueDeclare("s");
    d.arguments = table({{"x-queue-type", FieldValue(std::string("stream"))}});
    d.durable = true;
    d.autoDelete = true;
    EXPECT_EQ(vhost.declareQueue(d, kT0).error().text,
              "PRECONDITION_FAILED - invalid property 'auto-delete' for queue 's' in vhost '/'");
    d.autoDelete = false;
    d.exclusive = true;
    EXPECT_EQ(vhost.declareQueue(d, kT0).error().text,
              "PRECONDITION_FAILED - invalid property 'exclusive-owner' for queue 's' in vhost "
              "'/'");
    d.exclusive = false;
    d.durable = false;
    EXPECT_EQ(vhost.declareQueue(d, kT0).error().text,
              "PRECONDITION_FAILED - invalid property 'non-durable' for queue 's' in vhost '/'");
    d.durable = true;
    ASSERT_TRUE(vhost.declareQueue(d, kT0).ok());
    EXPECT_EQ(vhost.findQueue("s")->type(), QueueType::Stream);
    // A stream redeclared as classic is inequivalent.
    auto classic = queueDeclare("s");
    classic.durable = true;
    EXPECT_EQ(vhost.declareQueue(classic, kT0).error().text,
              "PRECONDITION_FAILED - inequivalent arg 'x-queue-type' for queue 's' in vhost '/': "
              "received the value 'classic' of type 'longstr' but current is the value 'stream' "
              "of type 'longstr'");
}

TEST(QueueDeclare, BadArgumentsRefuseTheDeclare) {
    VirtualHost vhost(options());
    auto d = queueDeclare("q1");
    d.arguments = table({{"x-max-length", FieldValue(std::string("ten"))}});
    auto refused = vhost.declareQueue(d, kT0);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().text,
              "PRECONDITION_FAILED - invalid arg 'x-max-length' for queue 'q1' in vhost '/': "
              "{unacceptable_type,longstr}");
    EXPECT_FALSE(vhost.findQueue("q1"));
}

TEST(QueueBind, ErrorsNameTheMissingResource) {
    VirtualHost vhost(options());
    declare(vhost, "q1");
    EXPECT_EQ(vhost.bindQueue("q1", "nope", "k", {}, 1).error().text,
              "NOT_FOUND - no exchange 'nope' in vhost '/'");
    EXPECT_EQ(vhost.bindQueue("nope", "amq.direct", "k", {}, 1).error().text,
              "NOT_FOUND - no queue 'nope' in vhost '/'");
    EXPECT_EQ(vhost.bindQueue("q1", "", "q1", {}, 1).error().text,
              "ACCESS_REFUSED - operation not permitted on the default exchange");
    EXPECT_EQ(vhost.unbindQueue("q1", "nope", "k", {}, 1).error().text,
              "NOT_FOUND - no exchange 'nope' in vhost '/'");
    EXPECT_TRUE(vhost.unbindQueue("q1", "amq.direct", "never-bound", {}, 1).ok());
}

TEST(QueueDelete, IfUnusedIfEmptyAndCounts) {
    VirtualHost vhost(options());
    declare(vhost, "q1");
    publishTo(vhost, "q1", "a");
    publishTo(vhost, "q1", "b");
    auto c = consume(vhost, "q1", 1);
    auto inUse = vhost.deleteQueue("q1", true, false, 1);
    ASSERT_FALSE(inUse.ok());
    EXPECT_EQ(inUse.error().text, "PRECONDITION_FAILED - queue 'q1' in vhost '/' in use");
    auto notEmpty = vhost.deleteQueue("q1", false, true, 1);
    ASSERT_FALSE(notEmpty.ok());
    EXPECT_EQ(notEmpty.error().text, "PRECONDITION_FAILED - queue 'q1' in vhost '/' not empty");
    auto deleted = vhost.deleteQueue("q1", false, false, 1);
    ASSERT_TRUE(deleted.ok());
    EXPECT_EQ(*deleted, 1U) << "the ready message; the unacked one is not counted";
    EXPECT_EQ(c.sink->cancelledTags, std::vector<std::string>{"ctag"});
    EXPECT_FALSE(vhost.findQueue("q1"));
    auto missing = vhost.deleteQueue("q1", false, false, 1);
    ASSERT_TRUE(missing.ok());
    EXPECT_EQ(*missing, 0U);
}

TEST(QueuePurge, RemovesReadyMessagesOnly) {
    VirtualHost vhost(options());
    declare(vhost, "q1");
    for (const char* body : {"a", "b", "c"}) {
        publishTo(vhost, "q1", body);
    }
    auto got = vhost.get("q1", 1, 1, false, kT0);
    ASSERT_TRUE(got.ok() && got->has_value());
    auto purged = vhost.purgeQueue("q1", 1);
    ASSERT_TRUE(purged.ok());
    EXPECT_EQ(*purged, 2U);
    const auto stats = vhost.findQueue("q1")->stats();
    EXPECT_EQ(stats.ready, 0U);
    EXPECT_EQ(stats.unacked, 1U);
    EXPECT_EQ(vhost.purgeQueue("nope", 1).error().text, "NOT_FOUND - no queue 'nope' in vhost '/'");
}

TEST(QueueDeclare, AutoDeleteQueueGoesWithItsLastConsumer) {
    VirtualHost vhost(options());
    auto d = queueDeclare("temp");
    d.autoDelete = true;
    ASSERT_TRUE(vhost.declareQueue(d, kT0).ok());
    auto a = consume(vhost, "temp", 0, 1, "a");
    auto b = consume(vhost, "temp", 0, 1, "b");
    EXPECT_TRUE(a.queue->cancel(a.id, kT0));
    EXPECT_TRUE(vhost.findQueue("temp"));
    EXPECT_TRUE(b.queue->cancel(b.id, kT0));
    EXPECT_FALSE(vhost.findQueue("temp"));
}

TEST(QueueDeclare, AutoDeleteQueueWithoutConsumersStays) {
    VirtualHost vhost(options());
    auto d = queueDeclare("temp");
    d.autoDelete = true;
    ASSERT_TRUE(vhost.declareQueue(d, kT0).ok());
    vhost.tick(at(1'000'000));
    EXPECT_TRUE(vhost.findQueue("temp"));
}

}  // namespace
}  // namespace sbx::broker::amqp
