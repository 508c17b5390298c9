#include "sbx/broker/broker_config.h"

#include <gtest/gtest.h>

namespace sbx::broker {
namespace {

TEST(BrokerConfig, ReadsEveryKey) {
    auto config = parseBrokerConfig(R"({
        "bind": "0.0.0.0", "mqtt_port": 0, "ws_port": 9001, "data_dir": "/tmp/x",
        "durability": "relaxed", "sys_interval": 2, "threads": 3,
        "max_connections": 5, "max_packet_size": 1024, "max_inflight": 7, "max_queued": 9,
        "max_topic_length": 100, "max_topic_levels": 4, "topic_alias_maximum": 2,
        "max_keep_alive": 60})");
    ASSERT_TRUE(config.ok()) << config.error().describe();
    EXPECT_EQ(config->bindAddress, "0.0.0.0");
    EXPECT_EQ(config->mqttPort, std::optional<std::uint16_t>(0));
    EXPECT_EQ(config->wsPort, std::optional<std::uint16_t>(9001));
    EXPECT_EQ(config->dataDir, "/tmp/x");
    EXPECT_EQ(config->durability, store::Durability::Relaxed);
    EXPECT_EQ(config->sysIntervalSeconds, 2U);
    EXPECT_EQ(config->threads, 3U);
    EXPECT_EQ(config->limits.maxConnections, 5U);
    EXPECT_EQ(config->limits.maxPacketSize, 1024U);
    EXPECT_EQ(config->limits.maxInflight, 7);
    EXPECT_EQ(config->limits.maxQueued, 9U);
    EXPECT_EQ(config->limits.maxTopicLength, 100U);
    EXPECT_EQ(config->limits.maxTopicLevels, 4U);
    EXPECT_EQ(config->limits.topicAliasMaximum, 2);
    EXPECT_EQ(config->limits.maxKeepAlive, 60);
}

TEST(BrokerConfig, NullPortTurnsAListenerOff) {
    auto config = parseBrokerConfig(R"({"mqtt_port": null})");
    ASSERT_TRUE(config.ok());
    EXPECT_FALSE(config->mqttPort.has_value());
}

TEST(BrokerConfig, RefusesTyposAndBadValuesWithAReason) {
    const std::vector<std::pair<const char*, const char*>> cases = {
        {R"({"mqtt_prot": 1})", "unknown setting \"mqtt_prot\""},
        {R"({"mqtt_port": 70000})", "mqtt_port must be a whole number from 0 to 65535"},
        {R"({"mqtt_port": -1})", "mqtt_port must be a whole number"},
        {R"({"durability": "maybe"})", "durability must be"},
        {R"({"bind": 1})", "bind must be a string"},
        {R"({"max_inflight": 0})", "max_inflight must be at least 1"},
        {R"([1, 2])", "must be a JSON object"},
        {R"({ broken)", "must be a JSON object"},
    };
    for (const auto& [text, expected] : cases) {
        auto config = parseBrokerConfig(text);
        ASSERT_FALSE(config.ok()) << text;
        EXPECT_NE(config.error().message.find(expected), std::string::npos)
            << text << " -> " << config.error().message;
    }
}

TEST(BrokerConfig, AmqpMemoryHighWatermarkDefaultsToOneGibAndRefusesZero) {
    auto unset = parseBrokerConfig("{}");
    ASSERT_TRUE(unset.ok());
    EXPECT_EQ(unset->limits.amqpMemoryHighWatermark, std::uint64_t{1024} * 1024 * 1024);
    auto set = parseBrokerConfig(R"({"amqp_memory_high_watermark": 4096})");
    ASSERT_TRUE(set.ok()) << set.error().describe();
    EXPECT_EQ(set->limits.amqpMemoryHighWatermark, 4096U);
    // 0 would block every publisher for good: refused, saying what is allowed.
    auto zero = parseBrokerConfig(R"({"amqp_memory_high_watermark": 0})");
    ASSERT_FALSE(zero.ok());
    EXPECT_EQ(zero.error().code, ErrorCode::InvalidArgument);
    EXPECT_NE(zero.error().message.find("amqp_memory_high_watermark must be at least 1"),
              std::string::npos)
        << zero.error().message;
    auto negative = parseBrokerConfig(R"({"amqp_memory_high_watermark": -1})");
    ASSERT_FALSE(negative.ok());
    EXPECT_NE(negative.error().message.find("amqp_memory_high_watermark"), std::string::npos)
        << negative.error().message;
}

TEST(BrokerConfig, AmqpPortIsOffUnlessSet) {
    auto unset = parseBrokerConfig("{}");
    ASSERT_TRUE(unset.ok());
    EXPECT_FALSE(unset->amqpPort.has_value());
    auto set = parseBrokerConfig(R"({"amqp_port": 0})");
    ASSERT_TRUE(set.ok());
    EXPECT_EQ(set->amqpPort, std::optional<std::uint16_t>(0));
}

TEST(BrokerConfig, ReadsAmqpUsersVhostsAndPermissions) {
    auto config = parseBrokerConfig(R"({"amqp": {
        "users": [{"name": "alice", "password": "s", "tags": ["administrator"]}],
        "vhosts": ["team-a"],
        "permissions": [{"user": "alice", "vhost": "team-a", "configure": "^alice\\.",
                         "write": ".*", "read": "^$"}]}})");
    ASSERT_TRUE(config.ok()) << config.error().describe();
    ASSERT_EQ(config->amqp.users.size(), 1U);
    EXPECT_EQ(config->amqp.users[0].name, "alice");
    EXPECT_EQ(config->amqp.users[0].password, "s");
    EXPECT_EQ(config->amqp.users[0].tags, std::vector<std::string>{"administrator"});
    EXPECT_EQ(config->amqp.vhosts, std::vector<std::string>{"team-a"});
    ASSERT_EQ(config->amqp.permissions.size(), 1U);
    EXPECT_EQ(config->amqp.permissions[0].configure, "^alice\\.");
    EXPECT_EQ(config->amqp.permissions[0].read, "^$");
}

TEST(BrokerConfig, RefusesBadAmqpAccessWithAReason) {
    const std::vector<std::pair<const char*, const char*>> cases = {
        {R"({"amqp": {"user": []}})", "unknown setting \"user\" in amqp"},
        {R"({"amqp": {"users": [{"name": "a"}]}})", "needs \"password\""},
        {R"({"amqp": {"vhosts": [""]}})", "vhosts must be non-empty strings"},
        {R"({"amqp": {"permissions": [{"user": "a", "vhost": "/", "configure": "(",
             "write": "", "read": ""}]}})",
         "is not a regular expression"},
    };
    for (const auto& [text, expected] : cases) {
        auto config = parseBrokerConfig(text);
        ASSERT_FALSE(config.ok()) << text;
        EXPECT_NE(config.error().message.find(expected), std::string::npos)
            << text << " -> " << config.error().message;
    }
}

TEST(BrokerConfig, MissingFileIsNotFound) {
    auto config = loadBrokerConfig("/nonexistent/broker.json");
    ASSERT_FALSE(config.ok());
    EXPECT_EQ(config.error().code, ErrorCode::NotFound);
}

}  // namespace
}  // namespace sbx::broker
