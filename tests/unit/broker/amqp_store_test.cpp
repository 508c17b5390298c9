// AMQP durability below the sockets: the store codec, the hooks writing a vhost into a
// real DurableStore and the loader rebuilding it in a fresh broker context.
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>

#include "amqp_store_codec.h"
#include "broker_context.h"
#include "state_loader.h"
#include "temp_dir.h"

namespace sbx::broker {
namespace {

using amqp::FieldArray;
using amqp::FieldTable;
using amqp::FieldValue;

amqp::AmqpMessage persistentMessage(std::string body) {
    amqp::AmqpMessage message;
    message.exchange = "";
    message.routingKey = "q";
    message.properties.deliveryMode = 2;
    message.body = std::move(body);
    return message;
}

TEST(AmqpStoreCodecTest, MessageKeepsPropertiesHeadersAndBinaryBody) {
    amqp::AmqpMessage message;
    message.exchange = "x";
    message.routingKey = "a.b";
    message.properties.deliveryMode = 2;
    message.properties.expiration = "60000";
    message.properties.contentType = "application/octet-stream";
    FieldTable death;
    death.set("queue", FieldValue(std::string("q0")));
    death.set("count", FieldValue(std::int64_t{2}));
    FieldTable headers;
    headers.set("trace", FieldValue(std::string("kept")));
    headers.set("x-death", FieldValue(FieldArray{FieldValue(death)}));
    message.properties.headers = headers;
    message.body = std::string("a\0b\xff", 4);
    message.id = 42;
    message.publishedAt = amqp::TimePoint(std::chrono::milliseconds(1'700'000'000'123));

    const auto decoded = decodeAmqpMessage(encodeAmqpMessage(message));
    ASSERT_TRUE(decoded.has_value());
    EXPECT_EQ(decoded->exchange, "x");
    EXPECT_EQ(decoded->routingKey, "a.b");
    EXPECT_EQ(decoded->properties, message.properties);
    EXPECT_EQ(decoded->body, message.body);
    EXPECT_EQ(decoded->id, 42U);
    EXPECT_EQ(decoded->publishedAt, message.publishedAt);
}

TEST(AmqpStoreCodecTest, StreamMessagesKeepTheirOffset) {
    amqp::AmqpMessage message;
    message.routingKey = "s";
    message.body = "payload";
    message.id = 7;
    const auto stream = decodeStoredAmqpMessage(encodeAmqpMessage(message, 1234));
    ASSERT_TRUE(stream.has_value());
    EXPECT_EQ(stream->streamOffset, std::optional<std::int64_t>(1234));
    EXPECT_EQ(stream->message.body, "payload");
    const auto classic = decodeStoredAmqpMessage(encodeAmqpMessage(message));
    ASSERT_TRUE(classic.has_value());
    EXPECT_FALSE(classic->streamOffset.has_value());
}

TEST(AmqpStoreCodecTest, TopologyRecordsRoundTripAndGarbageIsRefused) {
    amqp::Exchange exchange;
    exchange.name = "ex";
    exchange.type = amqp::ExchangeType::Topic;
    exchange.durable = true;
    exchange.internal = true;
    exchange.arguments.set("alternate-exchange", FieldValue(std::string("ae")));
    const auto storedExchange = decodeAmqpExchange(encodeAmqpExchange("v/1", exchange));
    ASSERT_TRUE(storedExchange.has_value());
    EXPECT_EQ(storedExchange->vhost, "v/1");
    EXPECT_EQ(storedExchange->declare.name, "ex");
    EXPECT_EQ(storedExchange->declare.type, "topic");
    EXPECT_TRUE(storedExchange->declare.durable);
    EXPECT_TRUE(storedExchange->declare.internal);
    EXPECT_FALSE(storedExchange->declare.autoDelete);
    EXPECT_EQ(storedExchange->declare.arguments, exchange.arguments);

    amqp::QueueSettings queue;
    queue.name = "q";
    queue.vhost = "/";
    queue.durable = true;
    queue.autoDelete = true;
    queue.arguments.set("x-max-length", FieldValue(std::int32_t{5}));
    const auto storedQueue = decodeAmqpQueue(encodeAmqpQueue(queue));
    ASSERT_TRUE(storedQueue.has_value());
    EXPECT_EQ(storedQueue->declare.name, "q");
    EXPECT_TRUE(storedQueue->declare.autoDelete);
    EXPECT_EQ(storedQueue->declare.arguments, queue.arguments);

    amqp::Binding binding{"ex", amqp::DestinationKind::Exchange, "ex2", "k.#", {}};
    const auto storedBinding = decodeAmqpBinding(encodeAmqpBinding("/", binding));
    ASSERT_TRUE(storedBinding.has_value());
    EXPECT_EQ(storedBinding->binding, binding);

    EXPECT_FALSE(decodeAmqpMessage("not a table").has_value());
    // Vhost names may hold '/': keys of different vhosts must not collide.
    EXPECT_NE(amqpRecordKey("a/b", "c"), amqpRecordKey("a", "b/c"));
    EXPECT_NE(
        amqpBindingKey("/", binding),
        amqpBindingKey("/", amqp::Binding{"ex", amqp::DestinationKind::Queue, "ex2", "k.#", {}}));
}

// One broker life over a data dir: a context with its store, torn down cleanly.
class Life {
public:
    explicit Life(const std::filesystem::path& dir) {
        auto opened = store::DurableStore::open(dir);
        EXPECT_TRUE(opened.ok());
        store = std::move(opened).value();
        context = std::make_unique<BrokerContext>(config, log, store.get());
        const auto loaded = loadPersistedState(*context);
        EXPECT_TRUE(loaded.ok());
    }
    ~Life() {
        context.reset();
        EXPECT_TRUE(store->flush().ok());
    }
    amqp::VirtualHost& host() { return *context->amqpHost("/"); }

    BrokerConfig config;
    LogHub log;
    std::unique_ptr<store::DurableStore> store;
    std::unique_ptr<BrokerContext> context;
};

amqp::QueueDeclare queueDeclare(std::string name, bool durable) {
    amqp::QueueDeclare declare;
    declare.name = std::move(name);
    declare.durable = durable;
    return declare;
}

std::optional<amqp::Delivery> getOne(amqp::VirtualHost& host, const std::string& queue,
                                     bool noAck) {
    auto got = host.get(queue, 1, 1, noAck, amqp::Clock::now());
    EXPECT_TRUE(got.ok());
    return got.ok() ? *got : std::nullopt;
}

TEST(AmqpStoreTest, DurableTopologyAndPersistentMessagesSurviveARestart) {
    test::TempDir dir;
    {
        Life life(dir.path());
        auto& host = life.host();
        amqp::ExchangeDeclare exchange;
        exchange.name = "ex";
        exchange.type = "direct";
        exchange.durable = true;
        ASSERT_TRUE(host.declareExchange(exchange).ok());
        ASSERT_TRUE(host.declareQueue(queueDeclare("q", true), amqp::Clock::now()).ok());
        ASSERT_TRUE(host.declareQueue(queueDeclare("t", false), amqp::Clock::now()).ok());
        ASSERT_TRUE(host.bindQueue("q", "ex", "k", {}, 0).ok());
        ASSERT_TRUE(host.bindQueue("t", "ex", "k", {}, 0).ok());

        for (const char* body : {"one", "two", "three", "four"}) {
            auto message = persistentMessage(body);
            message.exchange = "ex";
            message.routingKey = "k";
            ASSERT_TRUE(host.publish(std::move(message), amqp::Clock::now()).ok());
        }
        auto transient = persistentMessage("transient");
        transient.properties.deliveryMode = 1;
        ASSERT_TRUE(host.publish(std::move(transient), amqp::Clock::now()).ok());
        // "one" is consumed for good; "two" is delivered and left unacknowledged.
        ASSERT_TRUE(getOne(host, "q", true).has_value());
        const auto unacked = getOne(host, "q", false);
        ASSERT_TRUE(unacked.has_value());
        EXPECT_FALSE(unacked->redelivered);
    }
    Life life(dir.path());
    auto& host = life.host();
    EXPECT_EQ(host.findQueue("t"), nullptr);
    ASSERT_NE(host.findQueue("q"), nullptr);
    EXPECT_TRUE(host.findQueue("q")->settings().durable);
    const auto two = getOne(host, "q", true);
    ASSERT_TRUE(two.has_value());
    EXPECT_EQ(two->message->body, "two");
    EXPECT_TRUE(two->redelivered);
    const auto three = getOne(host, "q", true);
    ASSERT_TRUE(three.has_value());
    EXPECT_EQ(three->message->body, "three");
    EXPECT_FALSE(three->redelivered);
    EXPECT_EQ(getOne(host, "q", true)->message->body, "four");
    EXPECT_FALSE(getOne(host, "q", true).has_value());

    // The binding came back with the exchange; new ids do not collide with restored ones.
    auto after = persistentMessage("after");
    after.exchange = "ex";
    after.routingKey = "k";
    const auto routed = host.publish(std::move(after), amqp::Clock::now());
    ASSERT_TRUE(routed.ok());
    EXPECT_EQ(routed->queues, 1U);
}

// As RabbitMQ's message store: a persistent message that leaves its queue before the
// writer took its append (here: within an hour-long batch window) is never written, and
// whoever waited for the write (a publisher confirm) is released at once.
TEST(AmqpStoreTest, AMessageGoneBeforeItsWriteIsNeverWritten) {
    test::TempDir dir;
    auto opened = store::DurableStore::open(dir.path(), {.maxBatchDelayMicros = 3'600'000'000U});
    ASSERT_TRUE(opened.ok());
    const auto store = std::move(opened).value();
    BrokerConfig config;
    LogHub log;
    {
        BrokerContext context(config, log, store.get());
        auto& host = *context.amqpHost("/");
        ASSERT_TRUE(host.declareQueue(queueDeclare("q", true), amqp::Clock::now()).ok());
        bool confirmed = false;
        auto barrier = AckBarrier::create([&](bool ok) { confirmed = ok; });
        {
            const AmqpStoreWait wait(barrier);
            ASSERT_TRUE(host.publish(persistentMessage("m"), amqp::Clock::now()).ok());
        }
        barrier->release();  // routing done; the write still holds it
        EXPECT_FALSE(confirmed);
        const auto delivery = getOne(host, "q", false);
        ASSERT_TRUE(delivery.has_value());
        ASSERT_TRUE(host.findQueue("q")->ack(delivery->id, amqp::Clock::now()));
        EXPECT_TRUE(confirmed);  // before any commit
    }
    ASSERT_TRUE(store->flush().ok());
    EXPECT_EQ(store->stats().cancelledAppends, 2U);  // the message and its delivered marker
    EXPECT_TRUE(store->loadMessages(amqpMessageQueue("/", "q"))->empty());
    EXPECT_TRUE(store->loadMessages(amqpDeliveredQueue("/", "q"))->empty());
}

TEST(AmqpStoreTest, DeletedEntitiesAndTheirMessagesAreErased) {
    test::TempDir dir;
    {
        Life life(dir.path());
        auto& host = life.host();
        amqp::ExchangeDeclare exchange;
        exchange.name = "ex";
        exchange.type = "fanout";
        exchange.durable = true;
        ASSERT_TRUE(host.declareExchange(exchange).ok());
        ASSERT_TRUE(host.declareQueue(queueDeclare("gone", true), amqp::Clock::now()).ok());
        ASSERT_TRUE(host.declareQueue(queueDeclare("kept", true), amqp::Clock::now()).ok());
        ASSERT_TRUE(host.bindQueue("kept", "ex", "", {}, 0).ok());
        ASSERT_TRUE(host.bindQueue("kept", "amq.fanout", "", {}, 0).ok());
        auto toKept = persistentMessage("x");
        toKept.routingKey = "kept";
        ASSERT_TRUE(host.publish(std::move(toKept), amqp::Clock::now()).ok());
        auto toGone = persistentMessage("y");
        toGone.routingKey = "gone";
        ASSERT_TRUE(host.publish(std::move(toGone), amqp::Clock::now()).ok());
        ASSERT_TRUE(host.deleteQueue("gone", false, false, 0).ok());
        ASSERT_TRUE(host.deleteExchange("ex", false).ok());
    }
    Life life(dir.path());
    auto& host = life.host();
    EXPECT_EQ(host.findQueue("gone"), nullptr);
    EXPECT_FALSE(host.findExchange("ex").has_value());
    ASSERT_NE(host.findQueue("kept"), nullptr);
    const auto bindings = host.bindings();
    ASSERT_EQ(bindings.size(), 1U);
    EXPECT_EQ(bindings[0].source, "amq.fanout");
    auto queues = life.store->listQueues();
    ASSERT_TRUE(queues.ok());
    for (const auto& queue : *queues) {
        EXPECT_EQ(queue.find("gone"), std::string::npos) << queue;
    }
    auto records = life.store->loadRecords(std::string(kAmqpBindingNamespace));
    ASSERT_TRUE(records.ok());
    EXPECT_EQ(records->size(), 1U);
}

TEST(AmqpStoreTest, DeadLettersArePersistedAsMessagesOfTheirOwn) {
    test::TempDir dir;
    {
        Life life(dir.path());
        auto& host = life.host();
        auto source = queueDeclare("src", true);
        source.arguments.set("x-dead-letter-exchange", FieldValue(std::string("")));
        source.arguments.set("x-dead-letter-routing-key", FieldValue(std::string("dlq")));
        ASSERT_TRUE(host.declareQueue(source, amqp::Clock::now()).ok());
        ASSERT_TRUE(host.declareQueue(queueDeclare("dlq", true), amqp::Clock::now()).ok());
        auto message = persistentMessage("dead");
        message.routingKey = "src";
        ASSERT_TRUE(host.publish(std::move(message), amqp::Clock::now()).ok());
        const auto delivery = getOne(host, "src", false);
        ASSERT_TRUE(delivery.has_value());
        ASSERT_TRUE(host.findQueue("src")->reject(delivery->id, false, amqp::Clock::now()));
    }
    Life life(dir.path());
    auto& host = life.host();
    EXPECT_FALSE(getOne(host, "src", true).has_value());
    const auto dead = getOne(host, "dlq", true);
    ASSERT_TRUE(dead.has_value());
    EXPECT_EQ(dead->message->body, "dead");
    ASSERT_TRUE(dead->message->properties.headers.has_value());
    EXPECT_NE(dead->message->properties.headers->find("x-death"), nullptr);
}

}  // namespace
}  // namespace sbx::broker
