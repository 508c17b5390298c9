// Messages through the MQTT plugin against a real mosquitto: peek with MQTT 5
// properties (mosquitto_pub -D, paho), the live tail, publish seen by mosquitto_sub, and
// removing a retained message.
#include <gtest/gtest.h>

#include <mutex>
#include <thread>

#include "connector_session.h"
#include "mosquitto.h"
#include "shared_broker.h"

namespace sbx::test {
namespace {

using namespace std::chrono_literals;

TEST(MqttPeek, ShowsTheMqtt5PropertiesOfARetainedMessage) {
    auto& broker = sharedBroker();
    broker.pub({"-V",
                "mqttv5",
                "-r",
                "-q",
                "1",
                "-t",
                "props/x",
                "-m",
                "hello",
                "-D",
                "publish",
                "user-property",
                "site",
                "north",
                "-D",
                "publish",
                "correlation-data",
                "req-42",
                "-D",
                "publish",
                "response-topic",
                "reply/here",
                "-D",
                "publish",
                "content-type",
                "text/plain",
                "-D",
                "publish",
                "message-expiry-interval",
                "3600",
                "-D",
                "publish",
                "payload-format-indicator",
                "1"});
    auto source = openMqtt(broker.profile());
    ASSERT_TRUE(source) << source.error().message;
    snapshotUntil(**source,
                  [](const auto& s) { return findDestination(s, "topic:props/x") != nullptr; });
    auto peeked = (*source)->peek({.destinationId = "topic:props/x"});
    ASSERT_TRUE(peeked) << peeked.error().message;
    ASSERT_EQ(peeked->size(), 1U);
    const auto& message = peeked->front();
    EXPECT_EQ(message.payload, "hello");
    EXPECT_EQ(message.routingKey, "props/x");
    EXPECT_EQ(message.destinationId, "topic:props/x");
    EXPECT_EQ(field(message.properties, "retain"), "true");
    EXPECT_EQ(field(message.properties, "qos"), "1");
    EXPECT_EQ(field(message.properties, "content-type"), "text/plain");
    EXPECT_EQ(field(message.properties, "response-topic"), "reply/here");
    EXPECT_EQ(field(message.properties, "correlation-data"), "req-42");
    EXPECT_EQ(field(message.properties, "payload-format-indicator"), "1");
    const auto expiry = field(message.properties, "message-expiry-interval");
    ASSERT_TRUE(expiry);
    EXPECT_GE(std::stoi(*expiry), 3590);
    EXPECT_LE(std::stoi(*expiry), 3600);
    EXPECT_EQ(field(message.headers, "site"), "north");

    auto unknown = (*source)->peek({.destinationId = "topic:never/seen"});
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().code, ErrorCode::NotFound);
    auto queue = (*source)->peek({.destinationId = "queue:/q"});
    ASSERT_FALSE(queue);
    EXPECT_NE(queue.error().message.find("only topics"), std::string::npos);
}

TEST(MqttPeek, KeepsTheLastTwentyMessagesPahoSent) {
    auto& broker = sharedBroker();
    auto source = openMqtt(broker.profile());
    ASSERT_TRUE(source) << source.error().message;
    const std::string script = R"(
import sys
import paho.mqtt.client as mqtt
from paho.mqtt.properties import Properties
from paho.mqtt.packettypes import PacketTypes
c = mqtt.Client(client_id="paho-ring", protocol=mqtt.MQTTv5)
c.connect("127.0.0.1", int(sys.argv[1]))
c.loop_start()
for i in range(25):
    p = Properties(PacketTypes.PUBLISH)
    p.UserProperty = [("seq", str(i))]
    p.ContentType = "text/plain"
    c.publish("paho/ring", "m%d" % i, qos=1, properties=p).wait_for_publish()
c.disconnect()
c.loop_stop()
)";
    auto paho = runProcess({"/usr/bin/python3", "-c", script, std::to_string(broker.port())});
    ASSERT_EQ(paho.exitCode, 0) << paho.err;
    snapshotUntil(**source, [](const auto& s) {
        const auto* d = findDestination(s, "topic:paho/ring");
        return d != nullptr && d->counters.published == 25;
    });
    auto peeked = (*source)->peek({.destinationId = "topic:paho/ring", .maxCount = 100});
    ASSERT_TRUE(peeked) << peeked.error().message;
    ASSERT_EQ(peeked->size(), 20U);
    for (std::size_t i = 0; i < 20; ++i) {
        EXPECT_EQ((*peeked)[i].payload, "m" + std::to_string(i + 5));
        EXPECT_EQ(field((*peeked)[i].headers, "seq"), std::to_string(i + 5));
        EXPECT_EQ(field((*peeked)[i].properties, "content-type"), "text/plain");
        EXPECT_EQ(field((*peeked)[i].properties, "qos"), "1");
        EXPECT_EQ(field((*peeked)[i].properties, "retain"), "false");
    }
    auto newest = (*source)->peek({.destinationId = "topic:paho/ring", .maxCount = 2});
    ASSERT_TRUE(newest);
    ASSERT_EQ(newest->size(), 2U);
    EXPECT_EQ(newest->back().payload, "m24");
}

// Collects what a watch delivers.
struct Collected {
    std::mutex mutex;
    std::vector<observe::ObservedMessage> messages;
    int batches = 0;

    observe::BrokerSource::MessageListener listener() {
        return [this](const observe::MessageBatch& batch) {
            std::lock_guard lock(mutex);
            ++batches;
            messages.insert(messages.end(), batch.messages.begin(), batch.messages.end());
        };
    }
    std::vector<std::string> topics() {
        std::lock_guard lock(mutex);
        std::vector<std::string> out;
        for (const auto& m : messages) {
            out.push_back(m.routingKey);
        }
        return out;
    }
    bool waitFor(std::size_t count) {
        const auto deadline = std::chrono::steady_clock::now() + 10s;
        while (std::chrono::steady_clock::now() < deadline) {
            {
                std::lock_guard lock(mutex);
                if (messages.size() >= count) {
                    return true;
                }
            }
            std::this_thread::sleep_for(20ms);
        }
        return false;
    }
};

TEST(MqttLiveTail, DeliversTheMatchingMessagesInBatchesUntilUnwatched) {
    auto& broker = sharedBroker();
    auto source = openMqtt(broker.profile());
    ASSERT_TRUE(source) << source.error().message;
    EXPECT_TRUE((*source)->capabilities().has(observe::Capability::LiveMessages));
    Collected collected;
    auto id = (*source)->watchMessages({.topicFilter = "live/#"}, collected.listener());
    ASSERT_TRUE(id) << id.error().message;
    broker.pub({"-t", "live/a", "-m", "1"});
    broker.pub({"-t", "other/b", "-m", "2"});
    broker.pub(
        {"-V", "mqttv5", "-t", "live/c/d", "-m", "3", "-D", "publish", "user-property", "k", "v"});
    ASSERT_TRUE(collected.waitFor(2));
    std::this_thread::sleep_for(200ms);
    EXPECT_EQ(collected.topics(), (std::vector<std::string>{"live/a", "live/c/d"}));
    {
        std::lock_guard lock(collected.mutex);
        EXPECT_EQ(field(collected.messages[1].headers, "k"), "v");
        EXPECT_EQ(collected.messages[1].payload, "3");
    }
    (*source)->unwatchMessages(*id);
    broker.pub({"-t", "live/after", "-m", "4"});
    std::this_thread::sleep_for(300ms);
    EXPECT_EQ(collected.topics().size(), 2U);
}

TEST(MqttLiveTail, SubscribesForAFilterTheDiscoveryFilterDoesNotCover) {
    auto& broker = sharedBroker();
    auto profile = broker.profile();
    profile.options["discovery_filter"] = "plant/#";
    auto source = openMqtt(profile);
    ASSERT_TRUE(source) << source.error().message;
    Collected collected;
    auto id = (*source)->watchMessages({.topicFilter = "elsewhere/+"}, collected.listener());
    ASSERT_TRUE(id) << id.error().message;
    Collected byTopic;
    auto topicId =
        (*source)->watchMessages({.destinationId = "topic:plant/one"}, byTopic.listener());
    ASSERT_TRUE(topicId) << topicId.error().message;
    broker.pub({"-t", "elsewhere/a", "-m", "x"});
    broker.pub({"-t", "plant/one", "-m", "y"});
    ASSERT_TRUE(collected.waitFor(1));
    ASSERT_TRUE(byTopic.waitFor(1));
    std::this_thread::sleep_for(200ms);
    EXPECT_EQ(collected.topics(), std::vector<std::string>{"elsewhere/a"});
    EXPECT_EQ(byTopic.topics(), std::vector<std::string>{"plant/one"});
    auto snapshot = snapshotUntil(
        **source, [](const auto& s) { return findDestination(s, "topic:plant/one") != nullptr; });
    EXPECT_EQ(findDestination(snapshot, "topic:elsewhere/a"), nullptr);
    (*source)->unwatchMessages(*id);
    (*source)->unwatchMessages(*topicId);
}

TEST(MqttPublish, QosRetainAndPropertiesReachMosquittoSub) {
    auto& broker = sharedBroker();
    auto source = openMqtt(broker.profile());
    ASSERT_TRUE(source) << source.error().message;
    ChildProcess sub(broker.subCommand(
        {"-V", "mqttv5", "-q", "2", "-C", "1", "-t", "out/x", "-F", "%t|%p|%q|%C|%R|%P"}));
    observe::PublishRequest request;
    request.protocol = "mqtt";
    request.routingKey = "out/x";
    request.payload = R"({"ok":true})";
    request.qos = 1;
    request.properties = {{"content-type", "application/json"}, {"response-topic", "r/1"}};
    request.headers = {{"origin", "signalbox"}};
    // mosquitto_sub subscribes some time after it starts: publish until it has one.
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (!sub.waitForLines(1, 100ms) && std::chrono::steady_clock::now() < deadline) {
        auto published = (*source)->publish(request);
        ASSERT_TRUE(published) << published.error().message;
    }
    ASSERT_FALSE(sub.lines().empty());
    EXPECT_EQ(sub.lines().front(), R"(out/x|{"ok":true}|1|application/json|r/1|origin:signalbox)");

    request.qos = 2;
    request.routingKey = "out/qos2";
    auto exactlyOnce = (*source)->publish(request);
    ASSERT_TRUE(exactlyOnce) << exactlyOnce.error().message;
    auto snapshot = snapshotUntil(
        **source, [](const auto& s) { return findDestination(s, "topic:out/qos2") != nullptr; });
    ASSERT_NE(findDestination(snapshot, "topic:out/qos2"), nullptr);
    EXPECT_EQ(field(findDestination(snapshot, "topic:out/qos2")->arguments, "qos"), "2");

    request.routingKey = "bad/#";
    auto bad = (*source)->publish(request);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().code, ErrorCode::InvalidArgument);
    request.routingKey = "out/x";
    request.protocol = "amqp";
    auto amqp = (*source)->publish(request);
    ASSERT_FALSE(amqp);
    EXPECT_NE(amqp.error().message.find("MQTT messages"), std::string::npos);
    auto declare = (*source)->declare({});
    ASSERT_FALSE(declare);
    EXPECT_EQ(declare.error().code, ErrorCode::Unsupported);
}

TEST(MqttPublish, RemovingATopicClearsItsRetainedMessage) {
    auto& broker = sharedBroker();
    auto source = openMqtt(broker.profile());
    ASSERT_TRUE(source) << source.error().message;
    observe::PublishRequest request;
    request.protocol = "mqtt";
    request.routingKey = "ret/x";
    request.payload = "keep";
    request.qos = 1;
    request.retain = true;
    ASSERT_TRUE((*source)->publish(request));
    auto held = broker.sub({"-t", "ret/x", "--retained-only", "-C", "1", "-W", "3"});
    EXPECT_EQ(held.out, "keep\n");
    auto snapshot = snapshotUntil(**source, [](const auto& s) {
        const auto* d = findDestination(s, "topic:ret/x");
        return d != nullptr && d->retained;
    });
    ASSERT_NE(findDestination(snapshot, "topic:ret/x"), nullptr);
    EXPECT_TRUE(findDestination(snapshot, "topic:ret/x")->retained);

    auto removed = (*source)->remove("topic:ret/x");
    ASSERT_TRUE(removed) << removed.error().message;
    auto gone = broker.sub({"-t", "ret/x", "--retained-only", "-C", "1", "-W", "1"});
    EXPECT_EQ(gone.out, "");
    snapshot = snapshotUntil(**source, [](const auto& s) {
        const auto* d = findDestination(s, "topic:ret/x");
        return d != nullptr && !d->retained;
    });
    EXPECT_FALSE(findDestination(snapshot, "topic:ret/x")->retained);
    auto purged = (*source)->purge("topic:ret/x");
    ASSERT_TRUE(purged);
    EXPECT_EQ(*purged, 0U);
}

}  // namespace
}  // namespace sbx::test
