// The topic tree of a real mosquitto as the MQTT plugin reports it: counts, bytes, last
// values, QoS, retained flags and the $SYS statistics of the overview.
#include <gtest/gtest.h>

#include <thread>

#include "connector_session.h"
#include "mosquitto.h"
#include "shared_broker.h"

namespace sbx::test {
namespace {

using namespace std::chrono_literals;

TEST(MqttPlugin, IsFoundAndDescribesItself) {
    const auto* info = registry().find("mqtt");
    ASSERT_NE(info, nullptr);
    EXPECT_EQ(info->defaultPort, 1883);
    EXPECT_TRUE(info->capabilities.has(observe::Capability::TopicTree));
    EXPECT_TRUE(info->capabilities.has(observe::Capability::PublishMqtt));
    EXPECT_TRUE(info->capabilities.has(observe::Capability::LiveMessages));
    EXPECT_FALSE(info->capabilities.has(observe::Capability::Bind));
}

TEST(MqttTopicTree, CountsLastValuesQosAndRetainedFlags) {
    auto& broker = sharedBroker();
    broker.pub({"-t", "tree/boiler/temp", "-m", "21.5", "-r", "-q", "1"});
    auto source = openMqtt(broker.profile());
    ASSERT_TRUE(source) << source.error().message;
    for (const char* value : {"1", "2", "3"}) {
        broker.pub({"-t", "tree/line1/count", "-m", value, "-q", "2"});
    }
    broker.pub({"-t", "tree/big", "-m", std::string(2000, 'x')});

    auto snapshot = snapshotUntil(**source, [](const auto& s) {
        const auto* count = findDestination(s, "topic:tree/line1/count");
        return count != nullptr && count->counters.published == 3 &&
               findDestination(s, "topic:tree/big") != nullptr;
    });
    const auto* count = findDestination(snapshot, "topic:tree/line1/count");
    ASSERT_NE(count, nullptr);
    EXPECT_EQ(count->kind, observe::DestinationKind::Topic);
    EXPECT_EQ(count->type, "topic");
    EXPECT_EQ(count->name, "tree/line1/count");
    EXPECT_EQ(count->counters.published, 3U);
    EXPECT_EQ(count->bytes, 3U);
    EXPECT_EQ(count->lastValue, "3");
    EXPECT_FALSE(count->retained);
    EXPECT_EQ(field(count->arguments, "qos"), "2");
    EXPECT_NE(count->lastMessageTime, std::chrono::system_clock::time_point{});

    const auto* boiler = findDestination(snapshot, "topic:tree/boiler/temp");
    ASSERT_NE(boiler, nullptr);
    EXPECT_TRUE(boiler->retained);
    EXPECT_EQ(boiler->lastValue, "21.5");
    EXPECT_EQ(boiler->messagesReady, 1U);
    EXPECT_EQ(field(boiler->arguments, "qos"), "1");

    const auto* big = findDestination(snapshot, "topic:tree/big");
    ASSERT_NE(big, nullptr);
    EXPECT_EQ(big->lastValue.size(), observe::Destination::kLastValueBytes);
    EXPECT_TRUE(big->lastValueTruncated);
    EXPECT_EQ(big->bytes, 2000U);
}

TEST(MqttTopicTree, ALiveRetainedPublishIsFlaggedAndAnEmptyOneClearsIt) {
    auto& broker = sharedBroker();
    auto source = openMqtt(broker.profile());
    ASSERT_TRUE(source) << source.error().message;
    broker.pub({"-t", "flag/x", "-m", "on", "-r"});
    auto snapshot = snapshotUntil(**source, [](const auto& s) {
        const auto* d = findDestination(s, "topic:flag/x");
        return d != nullptr && d->retained;
    });
    ASSERT_NE(findDestination(snapshot, "topic:flag/x"), nullptr);
    EXPECT_TRUE(findDestination(snapshot, "topic:flag/x")->retained);
    broker.pub({"-t", "flag/x", "-n", "-r"});
    snapshot = snapshotUntil(**source, [](const auto& s) {
        const auto* d = findDestination(s, "topic:flag/x");
        return d != nullptr && d->counters.published == 2;
    });
    EXPECT_FALSE(findDestination(snapshot, "topic:flag/x")->retained);
}

TEST(MqttTopicTree, SysStatisticsFillTheOverviewWithoutMixingIntoTopics) {
    auto& broker = sharedBroker();
    auto source = openMqtt(broker.profile());
    ASSERT_TRUE(source) << source.error().message;
    for (int i = 0; i < 5; ++i) {
        broker.pub({"-t", "sys/traffic", "-m", std::to_string(i)});
    }
    auto snapshot = snapshotUntil(**source, [](const auto& s) {
        const auto* received = findDestination(s, "topic:$SYS/broker/publish/messages/received");
        return s.overview.product.find("mosquitto") != std::string::npos &&
               s.overview.uptimeSeconds > 0 && s.overview.connections >= 1 && received != nullptr &&
               s.overview.counters.published >= 5;
    });
    EXPECT_EQ(snapshot.overview.product, "mosquitto version 2.0.11");
    EXPECT_GE(snapshot.overview.connections, 1U);
    EXPECT_GT(snapshot.overview.uptimeSeconds, 0U);
    EXPECT_GE(snapshot.overview.counters.published, 5U);
    EXPECT_EQ(snapshot.overview.name, "test mosquitto");
    ASSERT_EQ(snapshot.overview.listeners.size(), 1U);
    EXPECT_EQ(snapshot.overview.listeners[0].value, "127.0.0.1:" + std::to_string(broker.port()));
    // The overview's counters are the broker's own, as $SYS says them.
    const auto* received = findDestination(snapshot, "topic:$SYS/broker/publish/messages/received");
    ASSERT_NE(received, nullptr);
    EXPECT_EQ(received->type, "sys");
    EXPECT_EQ(std::to_string(snapshot.overview.counters.published), received->lastValue);
    const auto* version = findDestination(snapshot, "topic:$SYS/broker/version");
    ASSERT_NE(version, nullptr);
    EXPECT_EQ(version->lastValue, "mosquitto version 2.0.11");
}

TEST(MqttTopicTree, WithoutSysTopicsTheTotalsAreWhatTheClientSaw) {
    auto& broker = sharedBroker();
    auto profile = broker.profile();
    profile.options["sys_topics"] = "off";
    profile.options["discovery_filter"] = "nosys/#";
    auto source = openMqtt(profile);
    ASSERT_TRUE(source) << source.error().message;
    for (int i = 0; i < 4; ++i) {
        broker.pub({"-t", "nosys/a", "-m", std::to_string(i)});
    }
    broker.pub({"-t", "outside/a", "-m", "not seen"});
    auto snapshot =
        snapshotUntil(**source, [](const auto& s) { return s.overview.counters.published >= 4; });
    std::this_thread::sleep_for(1500ms);  // a $SYS round would have come by now
    snapshot = snapshotUntil(**source, [](const auto&) { return true; });
    EXPECT_EQ(snapshot.overview.counters.published, 4U);
    EXPECT_EQ(snapshot.overview.product, "MQTT 5 broker");
    ASSERT_EQ(snapshot.destinations.size(), 1U);
    EXPECT_EQ(snapshot.destinations[0].id, "topic:nosys/a");
}

TEST(MqttTopicTree, Mqtt311SeesTheTreeButSendsNoProperties) {
    auto& broker = sharedBroker();
    auto profile = broker.profile();
    profile.options["protocol_version"] = "3.1.1";
    auto source = openMqtt(profile);
    ASSERT_TRUE(source) << source.error().message;
    broker.pub({"-t", "v311/x", "-m", "old", "-q", "1"});
    auto snapshot = snapshotUntil(
        **source, [](const auto& s) { return findDestination(s, "topic:v311/x") != nullptr; });
    ASSERT_NE(findDestination(snapshot, "topic:v311/x"), nullptr);
    EXPECT_EQ(findDestination(snapshot, "topic:v311/x")->lastValue, "old");

    observe::PublishRequest request;
    request.protocol = "mqtt";
    request.routingKey = "v311/y";
    request.payload = "p";
    request.qos = 1;
    ASSERT_TRUE((*source)->publish(request));
    request.headers.push_back({"k", "v"});
    auto refused = (*source)->publish(request);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::Unsupported);
    EXPECT_NE(refused.error().message.find("3.1.1"), std::string::npos) << refused.error().message;
}

}  // namespace
}  // namespace sbx::test
