// Live tails (BrokerSource::watchMessages): every message published to a watched queue,
// exchange or MQTT topic arrives in batches, without consuming anything.
#include "embedded_source_fixture.h"

namespace sbx::broker {
namespace {

using observe::DestinationKind;
using namespace std::chrono_literals;

class LiveCollector {
public:
    observe::BrokerSource::MessageListener listener() {
        return [this](const observe::MessageBatch& batch) {
            std::lock_guard lock(mutex_);
            ++batches_;
            lost_ += batch.lost;
            messages_.insert(messages_.end(), batch.messages.begin(), batch.messages.end());
        };
    }
    std::vector<observe::ObservedMessage> messages() {
        std::lock_guard lock(mutex_);
        return messages_;
    }
    std::size_t size() { return messages().size(); }
    std::size_t batches() {
        std::lock_guard lock(mutex_);
        return batches_;
    }

private:
    std::mutex mutex_;
    std::vector<observe::ObservedMessage> messages_;
    std::size_t batches_ = 0;
    std::uint64_t lost_ = 0;
};

class EmbeddedSourceLiveTest : public test_support::EmbeddedBrokerTest {};

TEST_F(EmbeddedSourceLiveTest, QueueWatchSeesEveryMessageInOrderWithoutConsuming) {
    declare(DestinationKind::Queue, "orders");
    declare(DestinationKind::Queue, "other");
    LiveCollector live;
    auto id = source().watchMessages({"queue://orders", ""}, live.listener());
    ASSERT_TRUE(id.ok()) << id.error().describe();
    constexpr int kCount = 500;
    for (int i = 0; i < kCount; ++i) {
        publish("", "orders", "order " + std::to_string(i), {{"message-id", std::to_string(i)}});
        publish("", "other", "not watched");
    }
    ASSERT_TRUE(waitFor([&] { return live.size() >= kCount; }));
    source().unwatchMessages(*id);
    const auto seen = live.messages();
    ASSERT_EQ(seen.size(), static_cast<std::size_t>(kCount));
    for (int i = 0; i < kCount; ++i) {
        EXPECT_EQ(seen[i].payload, "order " + std::to_string(i));
        EXPECT_EQ(seen[i].destinationId, "queue://orders");
        EXPECT_EQ(seen[i].position, static_cast<std::uint64_t>(i));
    }
    EXPECT_LT(live.batches(), static_cast<std::size_t>(kCount));  // batched, not one by one

    const auto* orders = find(snapshot(), "queue://orders");
    ASSERT_NE(orders, nullptr);
    EXPECT_EQ(orders->messagesReady, static_cast<std::uint64_t>(kCount));
    EXPECT_EQ(orders->counters.delivered, 0U);

    // After unwatch, nothing more arrives.
    publish("", "orders", "after");
    broker_->hopEvents().flush();
    std::this_thread::sleep_for(150ms);
    EXPECT_EQ(live.size(), static_cast<std::size_t>(kCount));
}

TEST_F(EmbeddedSourceLiveTest, ExchangeWatchAndDeadLettersArriving) {
    declare(DestinationKind::Exchange, "dlx", {}, "fanout");
    declare(DestinationKind::Queue, "dead");
    bind("dlx", "dead", "");
    declare(DestinationKind::Queue, "short",
            {{"x-message-ttl", "1"}, {"x-dead-letter-exchange", "dlx"}});
    LiveCollector exchange;
    LiveCollector dead;
    auto e = source().watchMessages({"exchange://amq.direct", ""}, exchange.listener());
    auto d = source().watchMessages({"queue://dead", ""}, dead.listener());
    ASSERT_TRUE(e.ok() && d.ok());
    bind("amq.direct", "short", "k");
    publish("amq.direct", "k", "via direct");
    publish("amq.direct", "nowhere", "unroutable still published to the exchange");
    ASSERT_TRUE(waitFor([&] { return exchange.size() == 2 && dead.size() == 1; }));
    EXPECT_EQ(exchange.messages()[0].exchange, "amq.direct");
    EXPECT_EQ(dead.messages()[0].payload, "via direct");
    ASSERT_FALSE(dead.messages()[0].deaths.empty());
    EXPECT_EQ(dead.messages()[0].deaths[0].reason, "expired");
    source().unwatchMessages(*e);
    source().unwatchMessages(*d);
}

TEST_F(EmbeddedSourceLiveTest, MqttTopicFilterWatch) {
    LiveCollector live;
    auto id = source().watchMessages({"", "sensors/+/temp"}, live.listener());
    ASSERT_TRUE(id.ok()) << id.error().describe();
    for (const auto* topic : {"sensors/a/temp", "sensors/b/humidity", "sensors/c/temp"}) {
        observe::PublishRequest request;
        request.protocol = "mqtt";
        request.routingKey = topic;
        request.payload = topic;
        ASSERT_TRUE(source().publish(request).ok());
    }
    ASSERT_TRUE(waitFor([&] { return live.size() == 2; }));
    std::this_thread::sleep_for(100ms);
    const auto seen = live.messages();
    ASSERT_EQ(seen.size(), 2U);
    EXPECT_EQ(seen[0].routingKey, "sensors/a/temp");
    EXPECT_EQ(seen[0].destinationId, "topic:sensors/a/temp");
    EXPECT_EQ(seen[1].routingKey, "sensors/c/temp");
    source().unwatchMessages(*id);
}

TEST_F(EmbeddedSourceLiveTest, BadWatchesAreRefused) {
    LiveCollector live;
    EXPECT_FALSE(source().watchMessages({"", "a/#/b"}, live.listener()).ok());
    EXPECT_FALSE(source().watchMessages({"nonsense", ""}, live.listener()).ok());
    EXPECT_TRUE(source().capabilities().has(observe::Capability::LiveMessages));
}

}  // namespace
}  // namespace sbx::broker
