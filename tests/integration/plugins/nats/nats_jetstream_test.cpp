// Streams, consumers, peek, publish, live tails and dead letters against nats-server -js.
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <thread>

#include "nats_fixture.h"

namespace sbx::test {
namespace {

using namespace std::chrono_literals;
using observe::Destination;

class NatsJetStream : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        server_ = new NatsServer();
        auto opened = registry().open(natsProfile(server_->port(), server_->monitorPort()), {});
        ASSERT_TRUE(opened) << opened.error().message;
        source_ = opened->release();
    }
    static void TearDownTestSuite() {
        delete source_;
        delete server_;
    }

    static const Destination* find(const observe::BrokerSnapshot& snapshot, const std::string& id) {
        for (const auto& destination : snapshot.destinations) {
            if (destination.id == id) {
                return &destination;
            }
        }
        return nullptr;
    }

    static void declareStream(const std::string& name, const std::string& subjects) {
        observe::DeclareRequest stream;
        stream.kind = observe::DestinationKind::Stream;
        stream.name = name;
        stream.arguments = {{"subjects", subjects}};
        auto declared = source_->declare(stream);
        ASSERT_TRUE(declared) << declared.error().message;
    }

    static void declareConsumer(const std::string& name, std::vector<observe::Field> arguments) {
        observe::DeclareRequest consumer;
        consumer.kind = observe::DestinationKind::Queue;
        consumer.name = name;
        consumer.arguments = std::move(arguments);
        auto declared = source_->declare(consumer);
        ASSERT_TRUE(declared) << declared.error().message;
    }

    static void publish(const std::string& subject, const std::string& payload,
                        std::vector<observe::Field> headers = {}) {
        observe::PublishRequest request;
        request.protocol = "nats";
        request.routingKey = subject;
        request.payload = payload;
        request.headers = std::move(headers);
        auto published = source_->publish(request);
        ASSERT_TRUE(published) << published.error().message;
    }

    static inline NatsServer* server_ = nullptr;
    static inline observe::BrokerSource* source_ = nullptr;
};

TEST_F(NatsJetStream, StreamsAndConsumersMatchJsz) {
    declareStream("ORDERS", "orders.>");
    for (int i = 0; i < 10; ++i) {
        publish("orders.new", "order " + std::to_string(i));
    }
    declareConsumer("ORDERS/worker", {{"ack_wait", "30"}});
    RawNatsClient app(server_->port(), "order-worker");
    ASSERT_EQ(app.pull("ORDERS", "worker", 3, 2000ms).size(), 3U);  // not acked

    auto snapshot = source_->snapshot();
    ASSERT_TRUE(snapshot) << snapshot.error().message;
    EXPECT_TRUE(snapshot->overview.product.starts_with("NATS 2.")) << snapshot->overview.product;
    const auto* stream = find(*snapshot, "stream:ORDERS");
    ASSERT_NE(stream, nullptr);
    EXPECT_EQ(stream->kind, observe::DestinationKind::Stream);
    EXPECT_EQ(stream->messagesReady, 10U);
    const auto* consumer = find(*snapshot, "consumer:ORDERS/worker");
    ASSERT_NE(consumer, nullptr);
    EXPECT_EQ(consumer->parentId, "stream:ORDERS");
    EXPECT_EQ(consumer->type, "jetstream-consumer");
    EXPECT_EQ(consumer->messagesReady, 7U);
    EXPECT_EQ(consumer->messagesUnacked, 3U);

    // nats-server's own numbers agree.
    const auto jsz = server_->monitor("/jsz?accounts=true&streams=true&consumers=true");
    const auto& detail = jsz["account_details"][0]["stream_detail"];
    for (const auto& s : detail) {
        if (s["name"] == "ORDERS") {
            EXPECT_EQ(s["state"]["messages"].get<std::uint64_t>(), stream->messagesReady);
            const auto& c = s["consumer_detail"][0];
            EXPECT_EQ(c["num_pending"].get<std::uint64_t>(), consumer->messagesReady);
            EXPECT_EQ(c["num_ack_pending"].get<std::uint64_t>(), consumer->messagesUnacked);
        }
    }
    // The raw client shows up with its name.
    bool seen = false;
    for (const auto& client : snapshot->clients) {
        seen = seen || client.name == "order-worker";
    }
    EXPECT_TRUE(seen);
}

TEST_F(NatsJetStream, PeekBySequenceTimeAndLastWithoutTouchingDurables) {
    declareStream("EVENTS", "events.>");
    declareConsumer("EVENTS/audit", {});
    for (int i = 1; i <= 5; ++i) {
        publish("events.a", "early " + std::to_string(i),
                {{"Nats-Msg-Id", "e" + std::to_string(i)}});
    }
    std::this_thread::sleep_for(50ms);
    const auto middle = std::chrono::system_clock::now();
    std::this_thread::sleep_for(50ms);
    for (int i = 6; i <= 10; ++i) {
        publish("events.b", "late " + std::to_string(i));
    }

    auto bySequence = source_->peek({"stream:EVENTS", 4, "3"});
    ASSERT_TRUE(bySequence) << bySequence.error().message;
    ASSERT_EQ(bySequence->size(), 4U);
    EXPECT_EQ((*bySequence)[0].position, 3U);
    EXPECT_EQ((*bySequence)[0].payload, "early 3");
    EXPECT_EQ((*bySequence)[0].routingKey, "events.a");
    EXPECT_EQ((*bySequence)[3].payload, "late 6");
    ASSERT_FALSE((*bySequence)[0].headers.empty());
    EXPECT_EQ((*bySequence)[0].headers[0].name, "Nats-Msg-Id");
    EXPECT_EQ((*bySequence)[0].headers[0].value, "e3");

    const auto millis =
        std::chrono::duration_cast<std::chrono::milliseconds>(middle.time_since_epoch()).count();
    auto byTime = source_->peek({"stream:EVENTS", 100, std::to_string(millis)});
    ASSERT_TRUE(byTime) << byTime.error().message;
    ASSERT_EQ(byTime->size(), 5U);
    EXPECT_EQ(byTime->front().payload, "late 6");
    EXPECT_GE(byTime->front().time, middle);

    auto last = source_->peek({"stream:EVENTS", 2, "last"});
    ASSERT_TRUE(last) << last.error().message;
    ASSERT_EQ(last->size(), 2U);
    EXPECT_EQ((*last)[1].position, 10U);

    auto all = source_->peek({"stream:EVENTS", 100, "first"});
    ASSERT_TRUE(all);
    EXPECT_EQ(all->size(), 10U);

    // Peeking left the durable consumer alone and no ephemeral one behind.
    auto snapshot = source_->snapshot();
    ASSERT_TRUE(snapshot);
    EXPECT_EQ(find(*snapshot, "consumer:EVENTS/audit")->messagesReady, 10U);
    EXPECT_EQ(find(*snapshot, "consumer:EVENTS/audit")->counters.delivered, 0U);
    EXPECT_EQ(find(*snapshot, "stream:EVENTS")->consumers, 1U);
}

TEST_F(NatsJetStream, PublishIntoStreamReportsErrorsAndCorePublishTails) {
    std::mutex mutex;
    std::vector<observe::ObservedMessage> seen;
    auto watch = source_->watchMessages({"topic:live.>", ""}, [&](const observe::MessageBatch& b) {
        std::lock_guard lock(mutex);
        seen.insert(seen.end(), b.messages.begin(), b.messages.end());
    });
    ASSERT_TRUE(watch) << watch.error().message;
    publish("live.one", "hello", {{"trace", "t-1"}});
    publish("live.two", "world");
    const auto deadline = std::chrono::steady_clock::now() + 5s;
    for (;;) {
        {
            std::lock_guard lock(mutex);
            if (seen.size() >= 2 || std::chrono::steady_clock::now() > deadline) {
                break;
            }
        }
        std::this_thread::sleep_for(20ms);
    }
    source_->unwatchMessages(*watch);
    ASSERT_EQ(seen.size(), 2U);
    EXPECT_EQ(seen[0].routingKey, "live.one");
    EXPECT_EQ(seen[0].payload, "hello");
    ASSERT_EQ(seen[0].headers.size(), 1U);
    EXPECT_EQ(seen[0].headers[0].value, "t-1");

    // A duplicate Nats-Msg-Id into a stream is refused with JetStream's PubAck reason.
    declareStream("DEDUP", "dedup.>");
    publish("dedup.x", "first", {{"Nats-Msg-Id", "same"}});
    observe::PublishRequest again;
    again.routingKey = "dedup.x";
    again.payload = "second";
    again.headers = {{"Nats-Msg-Id", "same"}};
    auto refused = source_->publish(again);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::AlreadyExists);
    EXPECT_NE(refused.error().message.find("duplicate"), std::string::npos);

    again.routingKey = "bad subject";
    EXPECT_EQ(source_->publish(again).error().code, ErrorCode::InvalidArgument);
}

TEST_F(NatsJetStream, MaxDeliveriesBecomeDeadLettersAndRedrive) {
    declareStream("JOBS", "jobs.>");
    declareConsumer("JOBS/runner", {{"max_deliver", "2"}, {"ack_wait", "1"}});
    publish("jobs.resize", "image-42", {{"Nats-Msg-Id", "job-42"}});
    RawNatsClient app(server_->port(), "job-runner");

    // Deliver twice without acking; the next pull after the ack wait hits the limit.
    std::size_t letters = 0;
    const auto deadline = std::chrono::steady_clock::now() + 15s;
    while (letters == 0 && std::chrono::steady_clock::now() < deadline) {
        (void)app.pull("JOBS", "runner", 1, 1200ms);
        auto snapshot = source_->snapshot();
        ASSERT_TRUE(snapshot) << snapshot.error().message;
        const auto* dead = find(*snapshot, "deadletters:JOBS/runner");
        ASSERT_NE(dead, nullptr);
        EXPECT_TRUE(dead->deadLetters);
        EXPECT_EQ(dead->parentId, "stream:JOBS");
        letters = dead->messagesReady;
    }
    ASSERT_EQ(letters, 1U);

    auto peeked = source_->peek({"deadletters:JOBS/runner", 10, ""});
    ASSERT_TRUE(peeked) << peeked.error().message;
    ASSERT_EQ(peeked->size(), 1U);
    const auto& letter = peeked->front();
    EXPECT_EQ(letter.payload, "image-42");
    EXPECT_EQ(letter.routingKey, "jobs.resize");
    EXPECT_EQ(letter.position, 1U);
    ASSERT_EQ(letter.deaths.size(), 1U);
    EXPECT_EQ(letter.deaths[0].reason, "max_deliveries");
    EXPECT_EQ(letter.deaths[0].count, 2U);
    EXPECT_EQ(letter.deaths[0].queue, "runner");

    auto redriven = source_->redrive({"deadletters:JOBS/runner", std::nullopt, SIZE_MAX, 100});
    ASSERT_TRUE(redriven) << redriven.error().message;
    EXPECT_EQ(redriven->moved, 1U);
    EXPECT_EQ(redriven->remaining, 0U);

    // The copy is a new message the consumer gets again; the original stays in the stream.
    auto again = app.pull("JOBS", "runner", 1, 2000ms);
    ASSERT_EQ(again.size(), 1U);
    EXPECT_EQ(again[0].payload, "image-42");
    app.ack(again[0]);
    const auto jsz = server_->monitor("/jsz?accounts=true&streams=true");
    for (const auto& s : jsz["account_details"][0]["stream_detail"]) {
        if (s["name"] == "JOBS") {
            EXPECT_EQ(s["state"]["messages"].get<int>(), 2);
        }
    }
    auto snapshot = source_->snapshot();
    ASSERT_TRUE(snapshot);
    EXPECT_EQ(find(*snapshot, "deadletters:JOBS/runner")->messagesReady, 0U);
}

TEST_F(NatsJetStream, PurgeAndRemove) {
    declareStream("TEMP", "temp.>");
    declareConsumer("TEMP/reader", {});
    for (int i = 0; i < 4; ++i) {
        publish("temp.x", "t");
    }
    auto purged = source_->purge("stream:TEMP");
    ASSERT_TRUE(purged) << purged.error().message;
    EXPECT_EQ(*purged, 4U);
    ASSERT_TRUE(source_->remove("consumer:TEMP/reader"));
    ASSERT_TRUE(source_->remove("stream:TEMP"));
    auto snapshot = source_->snapshot();
    ASSERT_TRUE(snapshot);
    EXPECT_EQ(find(*snapshot, "stream:TEMP"), nullptr);
    auto missing = source_->peek({"stream:TEMP", 10, ""});
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
}

}  // namespace
}  // namespace sbx::test
