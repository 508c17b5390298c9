// What the plugin reports against what redis-cli says about the same server.
#include "redis_plugin_fixture.h"

namespace sbx::test {
namespace {

using observe::DestinationKind;

class RedisSnapshotTest : public RedisPluginTest {
protected:
    RedisServer redis_;
};

std::uint64_t number(const std::string& text) {
    return text.empty() ? 0 : std::stoull(text);
}

TEST_F(RedisSnapshotTest, StreamsGroupsAndConsumersMatchXinfo) {
    for (int i = 0; i < 5; ++i) {
        redis_.run({"XADD", "orders", "*", "payload", "order " + std::to_string(i)});
    }
    redis_.run({"XGROUP", "CREATE", "orders", "billing", "0"});
    redis_.run({"XGROUP", "CREATE", "orders", "shipping", "$"});
    // Three entries delivered to c1 and never acknowledged, one of them then acknowledged.
    const auto delivered = redis_.lines(
        {"XREADGROUP", "GROUP", "billing", "c1", "COUNT", "3", "STREAMS", "orders", ">"});
    ASSERT_GE(delivered.size(), 2U);
    redis_.run({"XACK", "orders", "billing", delivered[1]});
    redis_.run({"XREADGROUP", "GROUP", "billing", "c2", "COUNT", "1", "STREAMS", "orders", ">"});
    redis_.run({"SET", "not-a-stream", "x"});

    auto source = mustOpen(profile(redis_.port()));
    ASSERT_TRUE(source);
    auto snapshot = source->snapshot();
    ASSERT_TRUE(snapshot.ok()) << snapshot.error().message;

    const auto stream = redis_.lines({"XINFO", "STREAM", "orders"});
    const auto* orders = findDestination(snapshot.value(), "stream:orders");
    ASSERT_NE(orders, nullptr);
    EXPECT_EQ(orders->kind, DestinationKind::Stream);
    EXPECT_EQ(orders->messagesReady, number(valueAfter(stream, "length")));
    EXPECT_EQ(orders->messagesReady, 5U);
    EXPECT_EQ(orders->counters.published, number(valueAfter(stream, "entries-added")));
    EXPECT_EQ(orders->consumers, 2U);  // c1 and c2 of billing
    EXPECT_EQ(findDestination(snapshot.value(), "stream:not-a-stream"), nullptr);

    const auto groups = redis_.lines({"XINFO", "GROUPS", "orders"});
    const auto* billing = findDestination(snapshot.value(), "group:orders/billing");
    ASSERT_NE(billing, nullptr);
    EXPECT_EQ(billing->kind, DestinationKind::Queue);
    EXPECT_EQ(billing->type, "consumer-group");
    EXPECT_EQ(billing->parentId, "stream:orders");
    EXPECT_EQ(billing->messagesUnacked, number(valueAfter(groups, "pending")));
    EXPECT_EQ(billing->messagesUnacked, 3U);  // 2 of c1, 1 of c2
    EXPECT_EQ(billing->messagesReady, number(valueAfter(groups, "lag")));
    EXPECT_EQ(billing->messagesReady, 1U);
    EXPECT_EQ(billing->consumers, number(valueAfter(groups, "consumers")));
    EXPECT_EQ(billing->counters.delivered, number(valueAfter(groups, "entries-read")));

    const auto* shipping = findDestination(snapshot.value(), "group:orders/shipping");
    ASSERT_NE(shipping, nullptr);
    EXPECT_EQ(shipping->messagesReady, 0U);
    EXPECT_EQ(shipping->consumers, 0U);

    const auto xpending = redis_.lines({"XPENDING", "orders", "billing"});
    ASSERT_FALSE(xpending.empty());
    EXPECT_EQ(billing->messagesUnacked, number(xpending[0]));

    // Consumers are clients subscribed to their group, holding their pending entries.
    std::map<std::string, std::uint64_t> pendingByConsumer;
    for (const auto& client : snapshot->clients) {
        ASSERT_EQ(client.subscriptions.size(), 1U);
        EXPECT_EQ(client.subscriptions[0].destinationId, "group:orders/billing");
        pendingByConsumer[client.name] = client.messagesOut;
    }
    EXPECT_EQ(pendingByConsumer, (std::map<std::string, std::uint64_t>{{"c1", 2}, {"c2", 1}}));

    // Each group has its dead letters under the stream; none are idle for a minute yet.
    const auto* dead = findDestination(snapshot.value(), "deadletters:orders/billing");
    ASSERT_NE(dead, nullptr);
    EXPECT_TRUE(dead->deadLetters);
    EXPECT_EQ(dead->parentId, "stream:orders");
    EXPECT_EQ(dead->messagesReady, 0U);

    EXPECT_EQ(snapshot->overview.product.rfind("Redis 7.", 0), 0U) << snapshot->overview.product;
    EXPECT_GE(snapshot->overview.connections, 1U);
    EXPECT_EQ(snapshot->overview.messagesReady, 5U);
    EXPECT_EQ(snapshot->overview.messagesUnacked, 3U);
}

TEST_F(RedisSnapshotTest, PatternAndDatabaseChooseTheStreams) {
    redis_.run({"XADD", "app:one", "*", "a", "1"});
    redis_.run({"XADD", "other", "*", "a", "1"});
    redis_.run({"-n", "2", "XADD", "in-db-two", "*", "a", "1"});

    auto source = mustOpen(profile(redis_.port(), {{"stream_pattern", "app:*"}}));
    ASSERT_TRUE(source);
    auto snapshot = source->snapshot();
    ASSERT_TRUE(snapshot.ok()) << snapshot.error().message;
    ASSERT_EQ(snapshot->destinations.size(), 1U);
    EXPECT_EQ(snapshot->destinations[0].id, "stream:app:one");

    auto dbTwo = mustOpen(profile(redis_.port(), {{"db", "2"}}));
    ASSERT_TRUE(dbTwo);
    auto second = dbTwo->snapshot();
    ASSERT_TRUE(second.ok()) << second.error().message;
    ASSERT_EQ(second->destinations.size(), 1U);
    EXPECT_EQ(second->destinations[0].id, "stream:in-db-two");
}

// Discovery walks SCAN's cursor and pipelines XINFO: a thousand streams with a group each.
TEST_F(RedisSnapshotTest, AThousandStreamsAreAllFound) {
    redis_.run({"EVAL",
                "for i=1,1000 do redis.call('XADD','bulk:'..i,'*','payload',i) "
                "redis.call('XGROUP','CREATE','bulk:'..i,'g','0') end",
                "0"});
    auto source = mustOpen(profile(redis_.port(), {{"stream_pattern", "bulk:*"}}));
    ASSERT_TRUE(source);
    auto snapshot = source->snapshot();
    ASSERT_TRUE(snapshot.ok()) << snapshot.error().message;
    std::size_t streams = 0;
    std::size_t groups = 0;
    for (const auto& destination : snapshot->destinations) {
        streams += destination.kind == DestinationKind::Stream ? 1 : 0;
        groups += destination.type == "consumer-group" ? 1 : 0;
        if (destination.type == "consumer-group") {
            EXPECT_EQ(destination.messagesReady, 1U) << destination.id;
        }
    }
    EXPECT_EQ(streams, 1000U);
    EXPECT_EQ(groups, 1000U);
}

TEST_F(RedisSnapshotTest, RatesComeFromEntriesAdded) {
    redis_.run({"XADD", "rated", "*", "a", "1"});
    auto source = mustOpen(profile(redis_.port()));
    ASSERT_TRUE(source);
    ASSERT_TRUE(source->snapshot().ok());
    for (int i = 0; i < 20; ++i) {
        redis_.run({"XADD", "rated", "*", "a", std::to_string(i)});
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // one rate window
    auto snapshot = source->snapshot();
    ASSERT_TRUE(snapshot.ok()) << snapshot.error().message;
    const auto* rated = findDestination(snapshot.value(), "stream:rated");
    ASSERT_NE(rated, nullptr);
    EXPECT_GT(rated->rates.published, 0.0);
    EXPECT_EQ(rated->counters.published, 21U);
}

}  // namespace
}  // namespace sbx::test
