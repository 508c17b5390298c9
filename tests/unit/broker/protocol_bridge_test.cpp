#include "protocol_bridge.h"

#include <gtest/gtest.h>

#include "broker_context.h"

namespace sbx::broker {
namespace {

TEST(ProtocolBridge, TopicLevelsMapOntoRoutingKeyWords) {
    EXPECT_EQ(mqttTopicToRoutingKey("sensors/room1/temp"), "sensors.room1.temp");
    EXPECT_EQ(routingKeyToMqttTopic("sensors.room1.temp"), "sensors/room1/temp");
    EXPECT_EQ(mqttTopicToRoutingKey(""), "");
}

class ProtocolBridgeTest : public testing::Test {
protected:
    void SetUp() override {
        amqp::QueueDeclare declare;
        declare.name = "q";
        ASSERT_TRUE(host().declareQueue(declare, amqp::Clock::now()).ok());
        ASSERT_TRUE(host().bindQueue("q", "amq.topic", "a.*", {}, 0).ok());
    }
    amqp::VirtualHost& host() { return *context.amqpHost("/"); }
    std::size_t ready() { return host().findQueue("q")->stats().ready; }

    BrokerConfig config;
    LogHub log;
    BrokerContext context{config, log, nullptr};
};

TEST_F(ProtocolBridgeTest, MqttPublishesReachQueuesBoundToAmqTopic) {
    Message message;
    message.topic = "a/b";
    message.payload = "x";
    message.qos = 1;
    bridgeMqttToAmqp(context, message);
    ASSERT_EQ(ready(), 1U);
    auto got = host().get("q", 0, 1, true, amqp::Clock::now());
    ASSERT_TRUE(got.ok());
    ASSERT_TRUE(got->has_value());
    const auto& delivered = *(*got)->message;
    EXPECT_EQ(delivered.exchange, "amq.topic");
    EXPECT_EQ(delivered.routingKey, "a.b");
    EXPECT_EQ(delivered.body, "x");
    EXPECT_TRUE(delivered.properties.persistent());
}

TEST_F(ProtocolBridgeTest, SysTopicsStayOnTheMqttSide) {
    ASSERT_TRUE(host().bindQueue("q", "amq.topic", "#", {}, 0).ok());
    Message sys;
    sys.topic = "$SYS/broker/uptime";
    bridgeMqttToAmqp(context, sys);
    EXPECT_EQ(ready(), 0U);
    Message other;
    other.topic = "b/c";
    bridgeMqttToAmqp(context, other);
    EXPECT_EQ(ready(), 1U);
}

}  // namespace
}  // namespace sbx::broker
