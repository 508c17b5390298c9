// The embedded broker's observe::BrokerSource, driven by real clients (pika, paho).
#include <gtest/gtest.h>

#include <algorithm>
#include <mutex>
#include <set>
#include <thread>

#include "child_process.h"
#include "process.h"
#include "sbx/broker/broker.h"
#include "sbx/observe/broker_source.h"
#include "sbx/observe/hop_event_bus.h"

namespace sbx::broker {
namespace {

using namespace std::chrono_literals;
using observe::DestinationKind;

const std::string kClients = SBX_TEST_CLIENTS_DIR;
const std::string kPython = "/usr/bin/python3";

class EmbeddedSourceTest : public ::testing::Test {
protected:
    void SetUp() override {
        BrokerConfig config;
        config.mqttPort = 0;
        config.amqpPort = 0;
        config.sysIntervalSeconds = 0;
        auto started = Broker::start(config, log_);
        ASSERT_TRUE(started.ok()) << started.error().describe();
        broker_ = std::move(started).value();
    }

    std::uint16_t port(const std::string& protocol) const {
        for (const auto& endpoint : broker_->endpoints()) {
            if (endpoint.protocol == protocol) {
                return endpoint.port;
            }
        }
        return 0;
    }
    std::string portText(const std::string& protocol) const {
        return std::to_string(port(protocol));
    }
    observe::BrokerSource& source() { return broker_->source(); }

    observe::BrokerSnapshot snapshot() {
        auto taken = source().snapshot();
        EXPECT_TRUE(taken.ok());
        return taken.ok() ? std::move(taken).value() : observe::BrokerSnapshot{};
    }
    static const observe::Destination* find(const observe::BrokerSnapshot& s,
                                            const std::string& id) {
        auto it = std::find_if(s.destinations.begin(), s.destinations.end(),
                               [&](const auto& d) { return d.id == id; });
        return it == s.destinations.end() ? nullptr : &*it;
    }
    static const observe::Client* findClient(const observe::BrokerSnapshot& s,
                                             const std::string& name) {
        auto it = std::find_if(s.clients.begin(), s.clients.end(),
                               [&](const auto& c) { return c.name == name; });
        return it == s.clients.end() ? nullptr : &*it;
    }
    // Polls snapshots until `done` holds (the broker works on its own threads).
    template <typename Predicate>
    bool eventually(Predicate done, std::chrono::milliseconds timeout = 10s) {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (std::chrono::steady_clock::now() < deadline) {
            if (done(snapshot())) {
                return true;
            }
            std::this_thread::sleep_for(20ms);
        }
        return false;
    }
    void publishWithPika(const std::string& exchange, const std::string& key, int count,
                         const std::string& extra = "") {
        std::vector<std::string> argv{kPython,
                                      kClients + "/amqp_publish.py",
                                      portText("amqp"),
                                      exchange,
                                      key,
                                      std::to_string(count),
                                      "m"};
        if (!extra.empty()) {
            argv.push_back(extra);
        }
        auto result = test::runProcess(argv);
        ASSERT_EQ(result.exitCode, 0) << result.err;
    }
    void declareQueue(const std::string& name, std::vector<observe::Field> arguments = {},
                      DestinationKind kind = DestinationKind::Queue) {
        observe::DeclareRequest declare;
        declare.kind = kind;
        declare.name = name;
        declare.durable = kind == DestinationKind::Stream;  // streams must be durable
        declare.arguments = std::move(arguments);
        auto status = source().declare(declare);
        ASSERT_TRUE(status.ok()) << status.error().describe();
    }
    void bind(const std::string& exchange, const std::string& queue, const std::string& key) {
        observe::BindRequest request;
        request.source = exchange;
        request.destinationId = "queue://" + queue;
        request.routingKey = key;
        auto status = source().bind(request);
        ASSERT_TRUE(status.ok()) << status.error().describe();
    }

    LogHub log_;
    std::unique_ptr<Broker> broker_;
};

TEST_F(EmbeddedSourceTest, SnapshotShowsQueueDepthUnackedConsumersBindingsAndClients) {
    declareQueue("work", {{"x-message-ttl", "60000"}, {"x-dead-letter-exchange", "dlx"}});
    bind("amq.direct", "work", "work.key");
    publishWithPika("amq.direct", "work.key", 5);

    test::ChildProcess consumer(
        {kPython, kClients + "/amqp_consumer.py", portText("amqp"), "work", "2", "observer-test"});
    ASSERT_FALSE(consumer.readLineContaining("got 2", 20s).empty());

    ASSERT_TRUE(eventually([](const observe::BrokerSnapshot& s) {
        const auto* q = find(s, "queue://work");
        return q != nullptr && q->messagesUnacked == 2;
    }));
    const auto s = snapshot();
    const auto* queue = find(s, "queue://work");
    ASSERT_NE(queue, nullptr);
    EXPECT_EQ(queue->kind, DestinationKind::Queue);
    EXPECT_EQ(queue->type, "classic");
    EXPECT_EQ(queue->messagesReady, 3U);
    EXPECT_EQ(queue->messagesUnacked, 2U);
    EXPECT_EQ(queue->bytes, 5U * std::string("body-0").size());
    EXPECT_EQ(queue->consumers, 1U);
    EXPECT_EQ(queue->counters.published, 5U);
    EXPECT_EQ(queue->counters.delivered, 2U);
    EXPECT_EQ(queue->deadLetterExchange, "dlx");
    EXPECT_NE(std::find(queue->arguments.begin(), queue->arguments.end(),
                        observe::Field{"x-message-ttl", "60000"}),
              queue->arguments.end());
    EXPECT_NE(find(s, "exchange://amq.direct"), nullptr);
    EXPECT_NE(find(s, "exchange://"), nullptr);  // the default exchange
    EXPECT_TRUE(std::any_of(s.bindings.begin(), s.bindings.end(), [](const auto& b) {
        return b.source == "amq.direct" && b.destinationId == "queue://work" &&
               b.routingKey == "work.key";
    }));
    EXPECT_EQ(s.overview.product.rfind("Signalbox ", 0), 0U);
    EXPECT_EQ(s.overview.messagesReady, 3U);
    EXPECT_FALSE(s.overview.listeners.empty());

    const auto* client = findClient(s, "observer-test");
    ASSERT_NE(client, nullptr);
    EXPECT_EQ(client->protocol, "amqp");
    EXPECT_EQ(client->user, "guest");
    EXPECT_EQ(client->vhost, "/");
    EXPECT_EQ(client->channels, 1U);
    EXPECT_EQ(client->messagesOut, 2U);
    ASSERT_EQ(client->subscriptions.size(), 1U);
    EXPECT_EQ(client->subscriptions[0].destinationId, "queue://work");
    EXPECT_EQ(client->subscriptions[0].tag, "observer-ctag");
    EXPECT_EQ(client->subscriptions[0].prefetch, 2U);

    // disconnectClient closes the connection the way RabbitMQ's management does.
    ASSERT_TRUE(source().disconnectClient(client->id).ok());
    EXPECT_NE(consumer.readLineContaining("closed", 10s).find("320"), std::string::npos);
    ASSERT_TRUE(eventually([](const observe::BrokerSnapshot& now) {
        const auto* q = find(now, "queue://work");
        return findClient(now, "observer-test") == nullptr && q && q->messagesReady == 5;
    }));
    EXPECT_EQ(source().disconnectClient(client->id).error().code, ErrorCode::NotFound);
}

TEST_F(EmbeddedSourceTest, PeekDoesNotConsumeAndRendersPropertiesAndHeaders) {
    declareQueue("browse");
    bind("amq.direct", "browse", "browse");
    publishWithPika("amq.direct", "browse", 4);

    auto peeked = source().peek({"queue://browse", 3, ""});
    ASSERT_TRUE(peeked.ok()) << peeked.error().describe();
    ASSERT_EQ(peeked->size(), 3U);
    const auto& first = peeked->front();
    EXPECT_EQ(first.payload, "body-0");
    EXPECT_EQ(first.exchange, "amq.direct");
    EXPECT_EQ(first.routingKey, "browse");
    EXPECT_NE(std::find(first.properties.begin(), first.properties.end(),
                        observe::Field{"message-id", "m-0"}),
              first.properties.end());
    EXPECT_NE(std::find(first.properties.begin(), first.properties.end(),
                        observe::Field{"content-type", "text/plain"}),
              first.properties.end());
    EXPECT_NE(
        std::find(first.headers.begin(), first.headers.end(), observe::Field{"tenant", "acme"}),
        first.headers.end());
    EXPECT_EQ((*peeked)[2].payload, "body-2");

    const auto* queue = find(snapshot(), "queue://browse");
    ASSERT_NE(queue, nullptr);
    EXPECT_EQ(queue->messagesReady, 4U);
    EXPECT_EQ(queue->counters.delivered, 0U);
}

TEST_F(EmbeddedSourceTest, PurgeRemoveDeclareBindAndUnbind) {
    declareQueue("jobs", {{"x-max-length", "100"}});
    observe::DeclareRequest exchange;
    exchange.kind = DestinationKind::Exchange;
    exchange.name = "jobs.x";
    exchange.type = "topic";
    ASSERT_TRUE(source().declare(exchange).ok());
    bind("jobs.x", "jobs", "jobs.#");

    for (int i = 0; i < 3; ++i) {
        observe::PublishRequest publish;
        publish.exchange = "jobs.x";
        publish.routingKey = "jobs.new";
        publish.payload = "job " + std::to_string(i);
        publish.properties = {{"delivery-mode", "2"}, {"priority", "3"}};
        ASSERT_TRUE(source().publish(publish).ok());
    }
    auto s = snapshot();
    ASSERT_NE(find(s, "exchange://jobs.x"), nullptr);
    EXPECT_EQ(find(s, "exchange://jobs.x")->type, "topic");
    EXPECT_EQ(find(s, "queue://jobs")->messagesReady, 3U);

    auto purged = source().purge("queue://jobs");
    ASSERT_TRUE(purged.ok());
    EXPECT_EQ(*purged, 3U);
    EXPECT_EQ(find(snapshot(), "queue://jobs")->messagesReady, 0U);

    observe::BindRequest binding{"/", "jobs.x", "queue://jobs", "jobs.#", {}};
    ASSERT_TRUE(source().unbind(binding).ok());
    EXPECT_TRUE(snapshot().bindings.empty());

    ASSERT_TRUE(source().remove("queue://jobs").ok());
    ASSERT_TRUE(source().remove("exchange://jobs.x").ok());
    s = snapshot();
    EXPECT_EQ(find(s, "queue://jobs"), nullptr);
    EXPECT_EQ(find(s, "exchange://jobs.x"), nullptr);
    EXPECT_EQ(source().remove("queue://jobs").error().code, ErrorCode::NotFound);
    EXPECT_EQ(source().purge("queue:nowhere/jobs").error().code, ErrorCode::NotFound);
}

TEST_F(EmbeddedSourceTest, StreamsArePeekedFromAnOffset) {
    declareQueue("events", {}, DestinationKind::Stream);
    for (int i = 0; i < 5; ++i) {
        observe::PublishRequest publish;
        publish.routingKey = "events";  // the default exchange
        publish.payload = "event " + std::to_string(i);
        ASSERT_TRUE(source().publish(publish).ok());
    }
    const auto* stream = find(snapshot(), "queue://events");
    ASSERT_NE(stream, nullptr);
    EXPECT_EQ(stream->kind, DestinationKind::Stream);
    EXPECT_EQ(stream->messagesReady, 5U);

    auto all = source().peek({"queue://events", 100, "first"});
    ASSERT_TRUE(all.ok()) << all.error().describe();
    ASSERT_EQ(all->size(), 5U);
    EXPECT_EQ(all->back().position, 4U);
    auto tail = source().peek({"queue://events", 100, "3"});
    ASSERT_TRUE(tail.ok());
    ASSERT_EQ(tail->size(), 2U);
    EXPECT_EQ(tail->front().payload, "event 3");
    EXPECT_EQ(tail->front().position, 3U);
}

TEST_F(EmbeddedSourceTest, RedriveMovesEveryDeadLetterExactlyOnce) {
    observe::DeclareRequest dlx;
    dlx.kind = DestinationKind::Exchange;
    dlx.name = "dlx";
    dlx.type = "fanout";
    ASSERT_TRUE(source().declare(dlx).ok());
    declareQueue("dead");
    bind("dlx", "dead", "");
    declareQueue("orders", {{"x-message-ttl", "1"}, {"x-dead-letter-exchange", "dlx"}});
    bind("amq.direct", "orders", "orders");
    constexpr int kCount = 250;
    publishWithPika("amq.direct", "orders", kCount);
    ASSERT_TRUE(eventually([](const observe::BrokerSnapshot& s) {
        const auto* dead = find(s, "queue://dead");
        return dead && dead->messagesReady == kCount;
    }));
    auto letters = source().peek({"queue://dead", 1, ""});
    ASSERT_TRUE(letters.ok());
    ASSERT_EQ(letters->size(), 1U);
    ASSERT_FALSE(letters->front().deaths.empty());
    EXPECT_EQ(letters->front().deaths[0].reason, "expired");
    EXPECT_EQ(letters->front().deaths[0].queue, "orders");
    EXPECT_EQ(letters->front().deaths[0].exchange, "amq.direct");
    EXPECT_EQ(letters->front().deaths[0].count, 1U);

    // Back where they came from: a fresh "orders" without the TTL.
    ASSERT_TRUE(source().remove("queue://orders").ok());
    declareQueue("orders");
    bind("amq.direct", "orders", "orders");
    observe::RedriveRequest request;
    request.sourceId = "queue://dead";
    request.batchSize = 100;
    auto result = source().redrive(request);
    ASSERT_TRUE(result.ok()) << result.error().describe();
    EXPECT_EQ(result->moved, static_cast<std::uint64_t>(kCount));
    EXPECT_EQ(result->remaining, 0U);
    const auto s = snapshot();
    EXPECT_EQ(find(s, "queue://dead")->messagesReady, 0U);
    EXPECT_EQ(find(s, "queue://dead")->messagesUnacked, 0U);
    EXPECT_EQ(find(s, "queue://orders")->messagesReady, static_cast<std::uint64_t>(kCount));
    // Each message once: the payloads are all different.
    auto moved = source().peek({"queue://orders", 1000, ""});
    ASSERT_TRUE(moved.ok());
    std::vector<std::string> payloads;
    for (const auto& m : *moved) {
        payloads.push_back(m.payload);
    }
    std::sort(payloads.begin(), payloads.end());
    EXPECT_EQ(std::unique(payloads.begin(), payloads.end()), payloads.end());
    EXPECT_EQ(payloads.size(), static_cast<std::size_t>(kCount));
}

TEST_F(EmbeddedSourceTest, HopEventsFollowAnAmqpMessageWithItsIds) {
    std::mutex mutex;
    std::vector<observe::HopEvent> events;
    const auto id = source().watchHops([&](const std::vector<observe::HopEvent>& batch) {
        std::lock_guard lock(mutex);
        events.insert(events.end(), batch.begin(), batch.end());
    });
    declareQueue("traced");
    publishWithPika("", "traced", 1, "get-ack");
    broker_->hopEvents().flush();
    source().unwatchHops(id);

    std::lock_guard lock(mutex);
    const auto published = std::find_if(events.begin(), events.end(), [](const auto& e) {
        return e.protocol == "amqp" && e.kind == observe::HopKind::Published;
    });
    ASSERT_NE(published, events.end());
    EXPECT_EQ(published->ids.messageId, "m-0");
    EXPECT_EQ(published->ids.correlationId, "corr-0");
    EXPECT_EQ(published->ids.traceparent,
              "00-00000000000000000000000000000000-0000000000000000-01");
    EXPECT_EQ(published->routingKey, "traced");
    std::vector<observe::HopKind> kinds;
    for (const auto& e : events) {
        if (e.messageId == published->messageId && e.protocol == "amqp") {
            kinds.push_back(e.kind);
        }
    }
    const std::vector<observe::HopKind> expected{
        observe::HopKind::Published, observe::HopKind::Routed, observe::HopKind::Delivered,
        observe::HopKind::Acked};
    EXPECT_EQ(kinds, expected);
    const auto routed = std::find_if(events.begin(), events.end(), [](const auto& e) {
        return e.kind == observe::HopKind::Routed && e.protocol == "amqp";
    });
    EXPECT_EQ(routed->count, 1U);
}

// Traces key hops by the broker's message id: MQTT messages and AMQP messages must never
// share one (each protocol and vhost used to count from 1 on its own).
TEST_F(EmbeddedSourceTest, MessageIdsAreUniqueAcrossProtocols) {
    std::mutex mutex;
    std::vector<observe::HopEvent> published;
    const auto listener = source().watchHops([&](const std::vector<observe::HopEvent>& batch) {
        std::lock_guard lock(mutex);
        for (const auto& e : batch) {
            if (e.kind == observe::HopKind::Published) {
                published.push_back(e);
            }
        }
    });
    declareQueue("ids");
    for (int i = 0; i < 3; ++i) {
        observe::PublishRequest mqtt;
        mqtt.protocol = "mqtt";
        mqtt.routingKey = "ids/mqtt";
        mqtt.payload = "m";
        ASSERT_TRUE(source().publish(mqtt).ok());
        observe::PublishRequest amqp;
        amqp.protocol = "amqp";
        amqp.routingKey = "ids";
        amqp.payload = "a";
        ASSERT_TRUE(source().publish(amqp).ok());
    }
    broker_->hopEvents().flush();
    source().unwatchHops(listener);
    std::lock_guard lock(mutex);
    std::set<std::uint64_t> ids;
    ASSERT_EQ(published.size(), 6U);
    for (const auto& e : published) {
        EXPECT_TRUE(ids.insert(e.messageId).second) << e.protocol << " #" << e.messageId;
    }
}

TEST_F(EmbeddedSourceTest, TopicTreeClientsRetainedPeekAndMqttDisconnect) {
    test::ChildProcess subscriber({kPython, kClients + "/mqtt_client.py", "subscribe",
                                   portText("mqtt"), "sub-1", "sensors/#"});
    ASSERT_FALSE(subscriber.readLineContaining("subscribed", 20s).empty());
    auto published = test::runProcess({kPython, kClients + "/mqtt_client.py", "publish",
                                       portText("mqtt"), "sensors/t1", "21.5", "1", "1"});
    ASSERT_EQ(published.exitCode, 0) << published.err;
    ASSERT_FALSE(subscriber.readLineContaining("message sensors/t1 21.5", 10s).empty());

    observe::PublishRequest publish;
    publish.protocol = "mqtt";
    publish.routingKey = "sensors/t2";
    publish.payload = std::string(2000, 'x');
    publish.qos = 1;
    ASSERT_TRUE(source().publish(publish).ok());
    ASSERT_FALSE(subscriber.readLineContaining("message sensors/t2", 10s).empty());

    const auto s = snapshot();
    const auto* t1 = find(s, "topic:sensors/t1");
    ASSERT_NE(t1, nullptr);
    EXPECT_EQ(t1->kind, DestinationKind::Topic);
    EXPECT_EQ(t1->lastValue, "21.5");
    EXPECT_TRUE(t1->retained);
    EXPECT_EQ(t1->counters.published, 1U);
    EXPECT_EQ(t1->counters.delivered, 1U);
    const auto* t2 = find(s, "topic:sensors/t2");
    ASSERT_NE(t2, nullptr);
    EXPECT_EQ(t2->lastValue.size(), observe::Destination::kLastValueBytes);
    EXPECT_TRUE(t2->lastValueTruncated);
    EXPECT_FALSE(t2->retained);

    auto retained = source().peek({"topic:sensors/t1", 10, ""});
    ASSERT_TRUE(retained.ok());
    ASSERT_EQ(retained->size(), 1U);
    EXPECT_EQ(retained->front().payload, "21.5");
    EXPECT_EQ(source().peek({"topic:sensors/t2", 10, ""})->size(), 0U);

    const auto* client = findClient(s, "sub-1");
    ASSERT_NE(client, nullptr);
    EXPECT_EQ(client->id, "mqtt:sub-1");
    EXPECT_EQ(client->protocolVersion, "5.0");
    EXPECT_EQ(client->messagesOut, 2U);
    ASSERT_EQ(client->subscriptions.size(), 1U);
    EXPECT_EQ(client->subscriptions[0].destinationId, "topic:sensors/#");
    EXPECT_EQ(client->subscriptions[0].qos, 1U);

    ASSERT_TRUE(source().disconnectClient("mqtt:sub-1").ok());
    EXPECT_FALSE(subscriber.readLineContaining("disconnected", 10s).empty());
    EXPECT_TRUE(eventually(
        [](const observe::BrokerSnapshot& now) { return findClient(now, "sub-1") == nullptr; }));
}

}  // namespace
}  // namespace sbx::broker
