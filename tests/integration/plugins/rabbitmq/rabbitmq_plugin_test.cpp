// The RabbitMQ connector plugin, loaded through the PluginRegistry, against a real
// rabbitmq-server with the management plugin (one node for the whole binary). What the
// plugin reports is checked against rabbitmqctl, and messages are sent with pika.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <thread>

#include "child_process.h"
#include "rabbitmq_node.h"
#include "sbx/connect/plugin_registry.h"
#include "sbx/connect/reconnecting_source.h"

namespace sbx::test {
namespace {

using namespace std::chrono_literals;
using observe::BrokerSnapshot;
using observe::Destination;

RabbitNode* gNode = nullptr;

class NodeEnvironment : public ::testing::Environment {
public:
    void SetUp() override {
        node_ = std::make_unique<RabbitNode>();
        std::string problem;
        ASSERT_TRUE(node_->start(problem)) << problem;
        gNode = node_.get();
    }
    void TearDown() override {
        gNode = nullptr;
        node_.reset();
    }

private:
    std::unique_ptr<RabbitNode> node_;
};

connect::ConnectionProfile profile(std::uint16_t port = 0, std::uint16_t amqpPort = 0) {
    connect::ConnectionProfile p;
    p.id = "test-rabbit";
    p.name = "test rabbit";
    p.connector = "rabbitmq";
    p.host = "127.0.0.1";
    p.port = port != 0 ? port : gNode->managementPort();
    p.username = "guest";
    p.options["amqpPort"] = std::to_string(amqpPort != 0 ? amqpPort : gNode->amqpPort());
    p.timeout = 5s;
    return p;
}

class RabbitMqPlugin : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_NE(gNode, nullptr) << "the RabbitMQ node did not start";
        registry_.scan({SBX_RABBITMQ_PLUGIN_DIR});
        ASSERT_NE(registry_.find("rabbitmq"), nullptr) << "plugin not loaded";
    }

    Result<std::unique_ptr<observe::BrokerSource>> open(const connect::ConnectionProfile& p,
                                                        const std::string& password = "guest") {
        return registry_.open(p, connect::Credentials{password});
    }

    std::unique_ptr<observe::BrokerSource> source() {
        auto opened = open(profile());
        EXPECT_TRUE(opened) << opened.error().message;
        return opened ? std::move(*opened) : nullptr;
    }

    static const Destination* find(const BrokerSnapshot& snapshot, const std::string& id) {
        for (const auto& d : snapshot.destinations) {
            if (d.id == id) {
                return &d;
            }
        }
        return nullptr;
    }

    // Snapshots until `done` holds (statistics refresh every 500 ms here).
    static BrokerSnapshot snapshotUntil(observe::BrokerSource& source,
                                        const std::function<bool(const BrokerSnapshot&)>& done,
                                        std::chrono::milliseconds limit = 15s) {
        const auto deadline = std::chrono::steady_clock::now() + limit;
        BrokerSnapshot last;
        while (std::chrono::steady_clock::now() < deadline) {
            auto snapshot = source.snapshot();
            EXPECT_TRUE(snapshot) << snapshot.error().message;
            if (snapshot) {
                last = std::move(*snapshot);
                if (done(last)) {
                    return last;
                }
            }
            std::this_thread::sleep_for(250ms);
        }
        ADD_FAILURE() << "the snapshot never reached the expected state";
        return last;
    }

    connect::PluginRegistry registry_;
};

TEST_F(RabbitMqPlugin, SnapshotMatchesRabbitmqctl) {
    gNode->python(
        "c = connect(); ch = c.channel()\n"
        "ch.queue_declare('snap.depth')\n"
        "for i in range(7): ch.basic_publish('', 'snap.depth', b'm%d' % i)\n"
        "ch.queue_declare('snap.consumed')\n"
        "c.close()\n");
    // A consumer that stays: prefetch 3, manual acks, 5 messages taken and not acked.
    ChildProcess consumer({"/usr/bin/env", "AMQP_PORT=" + std::to_string(gNode->amqpPort()),
                           "/usr/bin/python3", "-c",
                           "import os, pika, sys, time\n"
                           "c = pika.BlockingConnection(pika.ConnectionParameters('127.0.0.1', "
                           "int(os.environ['AMQP_PORT']), client_properties={'connection_name': "
                           "'snap-consumer'}))\n"
                           "ch = c.channel(); ch.basic_qos(prefetch_count=3)\n"
                           "for i in range(5): ch.basic_publish('', 'snap.consumed', b'x')\n"
                           "ch.basic_consume('snap.consumed', lambda *a: None, "
                           "consumer_tag='snap-tag')\n"
                           "print('ready', flush=True)\n"
                           "c.sleep(60)\n"});
    ASSERT_FALSE(consumer.readLineContaining("ready", 20s).empty());

    auto src = source();
    ASSERT_TRUE(src);
    auto snapshot = snapshotUntil(*src, [](const BrokerSnapshot& s) {
        const auto* depth = find(s, "queue://snap.depth");
        const auto* consumed = find(s, "queue://snap.consumed");
        return depth && depth->messagesReady == 7 && depth->counters.published == 7 && consumed &&
               consumed->messagesUnacked == 3 && consumed->consumers == 1;
    });
    const auto queues = gNode->listQueues();
    const auto* depth = find(snapshot, "queue://snap.depth");
    const auto* consumed = find(snapshot, "queue://snap.consumed");
    ASSERT_TRUE(depth && consumed);
    EXPECT_EQ(queues.at("snap.depth"),
              (std::vector<std::uint64_t>{depth->messagesReady, depth->messagesUnacked,
                                          depth->consumers}));
    EXPECT_EQ(queues.at("snap.consumed"),
              (std::vector<std::uint64_t>{consumed->messagesReady, consumed->messagesUnacked,
                                          consumed->consumers}));
    EXPECT_EQ(depth->kind, observe::DestinationKind::Queue);
    EXPECT_EQ(depth->type, "classic");
    EXPECT_GT(depth->bytes, 0U);
    EXPECT_TRUE(snapshot.overview.product.starts_with("RabbitMQ 3.")) << snapshot.overview.product;
    EXPECT_NE(std::find(snapshot.overview.vhosts.begin(), snapshot.overview.vhosts.end(), "/"),
              snapshot.overview.vhosts.end());
    EXPECT_NE(find(snapshot, "exchange://amq.topic"), nullptr);
    EXPECT_NE(find(snapshot, "exchange://"), nullptr);

    const observe::Client* client = nullptr;
    for (const auto& c : snapshot.clients) {
        if (c.name == "snap-consumer") {
            client = &c;
        }
    }
    ASSERT_NE(client, nullptr);
    EXPECT_EQ(client->protocol, "amqp");
    EXPECT_EQ(client->protocolVersion, "0-9-1");
    EXPECT_EQ(client->user, "guest");
    ASSERT_EQ(client->subscriptions.size(), 1U);
    EXPECT_EQ(client->subscriptions[0].destinationId, "queue://snap.consumed");
    EXPECT_EQ(client->subscriptions[0].tag, "snap-tag");
    EXPECT_EQ(client->subscriptions[0].prefetch, 3U);

    // The user can be disconnected; rabbitmqctl no longer lists the consumer.
    ASSERT_TRUE(src->disconnectClient(client->id));
    snapshotUntil(*src, [](const BrokerSnapshot& s) {
        const auto* q = find(s, "queue://snap.consumed");
        return q && q->consumers == 0 && q->messagesReady == 5;
    });
    EXPECT_EQ(gNode->listQueues().at("snap.consumed")[2], 0U);
}

TEST_F(RabbitMqPlugin, RatesFollowTraffic) {
    gNode->python("c = connect(); c.channel().queue_declare('rates'); c.close()\n");
    ChildProcess publisher({"/usr/bin/env", "AMQP_PORT=" + std::to_string(gNode->amqpPort()),
                            "/usr/bin/python3", "-c",
                            "import os, pika, time\n"
                            "c = pika.BlockingConnection(pika.ConnectionParameters('127.0.0.1', "
                            "int(os.environ['AMQP_PORT'])))\n"
                            "ch = c.channel(); print('go', flush=True)\n"
                            "end = time.time() + 20\n"
                            "while time.time() < end:\n"
                            "    ch.basic_publish('', 'rates', b'r'); c.sleep(0.01)\n"});
    ASSERT_FALSE(publisher.readLineContaining("go", 20s).empty());
    auto src = source();
    ASSERT_TRUE(src);
    auto snapshot = snapshotUntil(*src, [](const BrokerSnapshot& s) {
        const auto* q = find(s, "queue://rates");
        return q && q->rates.published > 5 && s.overview.rates.published > 5;
    });
    const auto* q = find(snapshot, "queue://rates");
    ASSERT_NE(q, nullptr);
    EXPECT_LT(q->rates.published, 200);  // about 100/s are sent
    publisher.kill();
}

TEST_F(RabbitMqPlugin, PeekOfAClassicQueueNeedsConsentToRequeue) {
    gNode->python(
        "c = connect(); ch = c.channel(); ch.queue_declare('peek.me')\n"
        "for i in range(3): ch.basic_publish('', 'peek.me', ('hello %d' % i).encode(), "
        "pika.BasicProperties(content_type='text/plain', message_id='id%d' % i, "
        "headers={'tenant': 'acme'}))\n"
        "c.close()\n");
    auto src = source();
    ASSERT_TRUE(src);
    observe::PeekRequest request;
    request.destinationId = "queue://peek.me";
    auto refused = src->peek(request);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::Unsupported);
    EXPECT_TRUE(refused.error().message.starts_with("RabbitMQ cannot peek without consuming: "))
        << refused.error().message;
    EXPECT_NE(refused.error().message.find("get-and-requeue"), std::string::npos);
    EXPECT_NE(refused.error().message.find("redelivered"), std::string::npos);

    request.allowRequeue = true;
    auto messages = src->peek(request);
    ASSERT_TRUE(messages) << messages.error().message;
    ASSERT_EQ(messages->size(), 3U);
    EXPECT_EQ((*messages)[0].payload, "hello 0");
    EXPECT_EQ((*messages)[2].payload, "hello 2");
    const auto& props = (*messages)[0].properties;
    EXPECT_NE(std::find(props.begin(), props.end(), observe::Field{"content-type", "text/plain"}),
              props.end());
    EXPECT_NE(std::find(props.begin(), props.end(), observe::Field{"message-id", "id0"}),
              props.end());
    EXPECT_EQ((*messages)[0].headers, (std::vector<observe::Field>{{"tenant", "acme"}}));
    EXPECT_EQ(gNode->listQueues().at("peek.me")[0], 3U);  // all still there
}

TEST_F(RabbitMqPlugin, StreamPeekFromAnOffset) {
    auto src = source();
    ASSERT_TRUE(src);
    observe::DeclareRequest declare;
    declare.kind = observe::DestinationKind::Stream;
    declare.name = "events";
    ASSERT_TRUE(src->declare(declare));
    for (int i = 0; i < 5; ++i) {
        observe::PublishRequest publish;
        publish.routingKey = "events";
        publish.payload = "event " + std::to_string(i);
        publish.headers = {{"n", std::to_string(i)}};
        auto sent = src->publish(publish);
        ASSERT_TRUE(sent) << sent.error().message;
    }
    observe::PeekRequest request;
    request.destinationId = "queue://events";
    request.streamOffset = "first";
    auto all = src->peek(request);
    ASSERT_TRUE(all) << all.error().message;
    ASSERT_EQ(all->size(), 5U);
    EXPECT_EQ((*all)[0].payload, "event 0");
    EXPECT_EQ((*all)[4].payload, "event 4");
    EXPECT_EQ((*all)[4].position, 4U);

    request.streamOffset = "3";
    request.maxCount = 10;
    auto tail = src->peek(request);
    ASSERT_TRUE(tail) << tail.error().message;
    ASSERT_EQ(tail->size(), 2U);
    EXPECT_EQ((*tail)[0].payload, "event 3");
    EXPECT_EQ((*tail)[0].position, 3U);

    request.streamOffset = "first";
    request.maxCount = 2;
    auto two = src->peek(request);
    ASSERT_TRUE(two);
    EXPECT_EQ(two->size(), 2U);

    auto snapshot = snapshotUntil(*src, [](const BrokerSnapshot& s) {
        const auto* d = find(s, "queue://events");
        return d && d->messagesReady == 5;
    });
    const auto* stream = find(snapshot, "queue://events");
    ASSERT_NE(stream, nullptr);
    EXPECT_EQ(stream->kind, observe::DestinationKind::Stream);
    EXPECT_EQ(stream->type, "stream");
}

TEST_F(RabbitMqPlugin, PublishWithConfirmsAndPurge) {
    auto src = source();
    ASSERT_TRUE(src);
    observe::DeclareRequest declare;
    declare.name = "orders.in";
    ASSERT_TRUE(src->declare(declare));
    for (int i = 0; i < 4; ++i) {
        observe::PublishRequest publish;
        publish.routingKey = "orders.in";
        publish.payload = "order " + std::to_string(i);
        publish.properties = {{"content-type", "application/json"}, {"delivery-mode", "2"}};
        auto sent = src->publish(publish);
        ASSERT_TRUE(sent) << sent.error().message;
    }
    // Confirmed means in the queue: rabbitmqctl sees them at once.
    EXPECT_EQ(gNode->listQueues().at("orders.in")[0], 4U);
    const auto body = gNode->python(
        "c = connect(); ch = c.channel()\n"
        "m = ch.basic_get('orders.in', auto_ack=False)\n"
        "print(m[2].decode(), m[1].content_type, m[1].delivery_mode)\n"
        "c.close()\n");
    EXPECT_EQ(body, "order 0 application/json 2\n");

    observe::PublishRequest nowhere;
    nowhere.exchange = "amq.direct";
    nowhere.routingKey = "no-such-binding";
    nowhere.payload = "lost";
    auto unroutable = src->publish(nowhere);
    ASSERT_FALSE(unroutable);
    EXPECT_EQ(unroutable.error().code, ErrorCode::NotFound);
    EXPECT_NE(unroutable.error().message.find("NO_ROUTE"), std::string::npos)
        << unroutable.error().message;

    snapshotUntil(*src, [](const BrokerSnapshot& s) {
        const auto* d = find(s, "queue://orders.in");
        return d && d->messagesReady == 4;
    });
    auto purged = src->purge("queue://orders.in");
    ASSERT_TRUE(purged) << purged.error().message;
    EXPECT_EQ(*purged, 4U);
    EXPECT_EQ(gNode->listQueues().at("orders.in")[0], 0U);

    auto missing = src->purge("queue://no.such.queue");
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
    EXPECT_NE(missing.error().message.find("no.such.queue"), std::string::npos);
}

TEST_F(RabbitMqPlugin, DeclareBindUnbindRemove) {
    auto src = source();
    ASSERT_TRUE(src);
    observe::DeclareRequest exchange;
    exchange.kind = observe::DestinationKind::Exchange;
    exchange.name = "billing";
    exchange.type = "topic";
    ASSERT_TRUE(src->declare(exchange));
    observe::DeclareRequest queue;
    queue.name = "billing.eu";
    queue.arguments = {{"x-max-length", "100"}};
    ASSERT_TRUE(src->declare(queue));
    observe::BindRequest bind;
    bind.source = "billing";
    bind.destinationId = "queue://billing.eu";
    bind.routingKey = "invoice.eu.*";
    auto bound = src->bind(bind);
    ASSERT_TRUE(bound) << bound.error().message;

    observe::PublishRequest publish;
    publish.exchange = "billing";
    publish.routingKey = "invoice.eu.fr";
    publish.payload = "invoice";
    ASSERT_TRUE(src->publish(publish));
    EXPECT_EQ(gNode->listQueues().at("billing.eu")[0], 1U);

    auto snapshot = src->snapshot();
    ASSERT_TRUE(snapshot);
    const auto* declared = find(*snapshot, "queue://billing.eu");
    ASSERT_NE(declared, nullptr);
    EXPECT_NE(std::find(declared->arguments.begin(), declared->arguments.end(),
                        observe::Field{"x-max-length", "100"}),
              declared->arguments.end());
    const auto* topic = find(*snapshot, "exchange://billing");
    ASSERT_NE(topic, nullptr);
    EXPECT_EQ(topic->type, "topic");
    EXPECT_TRUE(std::any_of(snapshot->bindings.begin(), snapshot->bindings.end(), [](auto& b) {
        return b.source == "billing" && b.destinationId == "queue://billing.eu" &&
               b.routingKey == "invoice.eu.*";
    }));

    auto unbound = src->unbind(bind);
    ASSERT_TRUE(unbound) << unbound.error().message;
    EXPECT_EQ(
        gNode->ctl({"list_bindings", "-q", "--no-table-headers", "source_name", "destination_name"})
            .find("billing\tbilling.eu"),
        std::string::npos);
    ASSERT_TRUE(src->remove("queue://billing.eu"));
    ASSERT_TRUE(src->remove("exchange://billing"));
    EXPECT_FALSE(gNode->listQueues().contains("billing.eu"));
    auto builtIn = src->remove("exchange://amq.topic");
    EXPECT_FALSE(builtIn);
}

TEST_F(RabbitMqPlugin, DeadLettersAreMarkedAndRedriven) {
    gNode->python(
        "c = connect(); ch = c.channel()\n"
        "ch.exchange_declare('dlx', 'fanout')\n"
        "ch.queue_declare('orders.dead')\n"
        "ch.queue_bind('orders.dead', 'dlx')\n"
        "ch.queue_declare('orders', arguments={'x-dead-letter-exchange': 'dlx'})\n"
        "for i in range(3): ch.basic_publish('', 'orders', ('o%d' % i).encode(), "
        "pika.BasicProperties(message_id='o%d' % i))\n"
        "for i in range(3):\n"
        "    m = ch.basic_get('orders')\n"
        "    ch.basic_reject(m[0].delivery_tag, requeue=False)\n"
        "c.close()\n");
    EXPECT_EQ(gNode->listQueues().at("orders.dead")[0], 3U);
    auto src = source();
    ASSERT_TRUE(src);
    auto snapshot = src->snapshot();
    ASSERT_TRUE(snapshot) << snapshot.error().message;
    const auto* orders = find(*snapshot, "queue://orders");
    const auto* dead = find(*snapshot, "queue://orders.dead");
    ASSERT_TRUE(orders && dead);
    EXPECT_EQ(orders->deadLetterExchange, "dlx");
    EXPECT_FALSE(orders->deadLetters);
    EXPECT_TRUE(dead->deadLetters);

    observe::PeekRequest peek;
    peek.destinationId = "queue://orders.dead";
    peek.allowRequeue = true;
    auto letters = src->peek(peek);
    ASSERT_TRUE(letters) << letters.error().message;
    ASSERT_EQ(letters->size(), 3U);
    ASSERT_EQ((*letters)[0].deaths.size(), 1U);
    EXPECT_EQ((*letters)[0].deaths[0].queue, "orders");
    EXPECT_EQ((*letters)[0].deaths[0].reason, "rejected");
    EXPECT_EQ((*letters)[0].deaths[0].exchange, "");
    EXPECT_EQ((*letters)[0].deaths[0].routingKeys, (std::vector<std::string>{"orders"}));

    observe::RedriveRequest redrive;
    redrive.sourceId = "queue://orders.dead";
    auto moved = src->redrive(redrive);
    ASSERT_TRUE(moved) << moved.error().message;
    EXPECT_EQ(moved->moved, 3U);
    EXPECT_EQ(moved->remaining, 0U);
    const auto queues = gNode->listQueues();
    EXPECT_EQ(queues.at("orders")[0], 3U);
    EXPECT_EQ(queues.at("orders.dead")[0], 0U);
    EXPECT_EQ(queues.at("orders.dead")[1], 0U);
    // Back in order, x-death kept as RabbitMQ's shovel would.
    EXPECT_EQ(gNode->python("c = connect(); ch = c.channel()\n"
                            "print(','.join(ch.basic_get('orders', auto_ack=True)[2].decode() "
                            "for i in range(3)))\n"),
              "o0,o1,o2\n");

    // To an explicit target that cannot take them: nothing is lost.
    gNode->python(
        "c = connect(); ch = c.channel()\n"
        "m = ch.basic_publish('', 'orders', b'again')\n"
        "m = ch.basic_get('orders'); ch.basic_reject(m[0].delivery_tag, requeue=False)\n"
        "c.close()\n");
    redrive.targetId = "exchange://amq.direct";
    auto failed = src->redrive(redrive);
    ASSERT_FALSE(failed);
    EXPECT_NE(failed.error().message.find("stays in the queue"), std::string::npos)
        << failed.error().message;
    EXPECT_EQ(gNode->listQueues().at("orders.dead")[0], 1U);
}

TEST_F(RabbitMqPlugin, WrongPasswordSaysSo) {
    auto opened = open(profile(), "not-the-password");
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().code, ErrorCode::Unauthenticated);
    EXPECT_EQ(opened.error().message,
              "RabbitMQ at 127.0.0.1:" + std::to_string(gNode->managementPort()) +
                  " refused user 'guest': wrong user name or password");
}

TEST_F(RabbitMqPlugin, UserWithoutTagIsToldWhichTagIsNeeded) {
    gNode->ctl({"add_user", "plain-user", "pw"});
    gNode->ctl({"set_permissions", "plain-user", ".*", ".*", ".*"});
    auto p = profile();
    p.username = "plain-user";
    auto opened = open(p, "pw");
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().code, ErrorCode::PermissionDenied);
    EXPECT_NE(opened.error().message.find("user 'plain-user' lacks the 'monitoring' or "
                                          "'management' tag"),
              std::string::npos)
        << opened.error().message;
}

TEST_F(RabbitMqPlugin, UnreachablePortIsRefused) {
    const auto closed = freeLoopbackPort();
    const auto closedAmqp = freeLoopbackPort();
    auto opened = open(profile(closed, closedAmqp));
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().code, ErrorCode::Unavailable);
    EXPECT_NE(
        opened.error().message.find("connection refused by 127.0.0.1:" + std::to_string(closed)),
        std::string::npos)
        << opened.error().message;
}

TEST_F(RabbitMqPlugin, MissingManagementPluginIsNamed) {
    // AMQP answers, the management port does not: the plugin is off (or elsewhere).
    auto opened = open(profile(freeLoopbackPort(), gNode->amqpPort()));
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().code, ErrorCode::Unavailable);
    EXPECT_NE(
        opened.error().message.find("the management plugin is not enabled (rabbitmq-plugins enable "
                                    "rabbitmq_management)"),
        std::string::npos)
        << opened.error().message;
}

TEST_F(RabbitMqPlugin, TlsOnThePlainPortIsATlsError) {
    auto p = profile();
    p.tls.enabled = true;
    p.tls.verifyPeer = false;
    auto opened = open(p);
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().code, ErrorCode::TlsError);
    EXPECT_NE(opened.error().message.find("does not speak TLS"), std::string::npos)
        << opened.error().message;
}

TEST_F(RabbitMqPlugin, UnreachableAmqpPortIsReportedByPublish) {
    // The management API is reachable but AMQP is not (a firewalled 5672 is common).
    auto p = profile(0, freeLoopbackPort());
    auto opened = open(p);
    ASSERT_TRUE(opened) << opened.error().message;
    observe::PublishRequest publish;
    publish.routingKey = "x";
    auto sent = (*opened)->publish(publish);
    ASSERT_FALSE(sent);
    EXPECT_EQ(sent.error().code, ErrorCode::Unavailable);
    EXPECT_NE(sent.error().message.find("AMQP connection to RabbitMQ"), std::string::npos)
        << sent.error().message;
}

// Last: the node goes away.
TEST_F(RabbitMqPlugin, ZzKilledNodeFailsClearlyAndReconnectKeepsTrying) {
    const auto p = profile();
    auto* registry = &registry_;
    connect::ReconnectingSource reconnecting(
        "test rabbit", registry_.find("rabbitmq")->capabilities,
        [registry, p]() { return registry->open(p, connect::Credentials{"guest"}); },
        connect::ReconnectingSource::Backoff{100ms, 200ms});
    ASSERT_TRUE(reconnecting.connectNow());
    ASSERT_TRUE(reconnecting.snapshot());
    gNode->kill();
    auto failed = reconnecting.snapshot();
    ASSERT_FALSE(failed);
    EXPECT_EQ(failed.error().code, ErrorCode::Unavailable);
    EXPECT_NE(failed.error().message.find("127.0.0.1:" + std::to_string(gNode->managementPort())),
              std::string::npos)
        << failed.error().message;
    EXPECT_EQ(reconnecting.health().state, connect::ReconnectingSource::State::Waiting);
}

}  // namespace
}  // namespace sbx::test

int main(int argc, char** argv) {
    ::testing::InitGoogleTest(&argc, argv);
    ::testing::AddGlobalTestEnvironment(new sbx::test::NodeEnvironment);
    return RUN_ALL_TESTS();
}
