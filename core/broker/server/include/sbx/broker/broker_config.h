#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "sbx/common/result.h"
#include "sbx/store/durable_store.h"

namespace sbx::broker {

// Every limit the broker enforces; beyond one a client gets the spec's reason code (v5)
// or a clean disconnect (3.1.1), and the broker neither crashes nor grows.
struct BrokerLimits {
    std::uint32_t maxConnections = 10000;
    std::uint32_t maxPacketSize = 16 * 1024 * 1024;  // bytes, whole packet
    // Unacked QoS>0 per direction (our Receive Maximum). 20 as mosquitto: a deeper window
    // buys no throughput on loopback but adds queueing latency (docs/benchmarks.md).
    std::uint16_t maxInflight = 20;
    std::uint32_t maxQueued = 10000;  // messages waiting per session
    std::uint32_t maxTopicLength = 65535;
    std::uint32_t maxTopicLevels = 128;
    std::uint16_t topicAliasMaximum = 100;  // aliases a client may set towards us
    std::uint16_t maxKeepAlive = 65535;     // seconds; larger requests get Server Keep Alive
    // Bytes queued for writing to one client before QoS 0 messages to it are dropped.
    std::uint32_t maxOutboundBytes = 2 * 1024 * 1024;
    // RabbitMQ's memory alarm, over the message bytes held in AMQP queues: at this many
    // publishing connections are blocked (connection.blocked), below 90 % of it they are
    // released again.
    std::uint64_t amqpMemoryHighWatermark = std::uint64_t{1024} * 1024 * 1024;
};

// AMQP users, virtual hosts and permissions, as RabbitMQ scopes them (the "amqp" key).
// Added to the defaults: vhost "/" and user guest/guest (loopback only) with full
// permissions on "/".
struct AmqpUserConfig {
    std::string name;
    std::string password;
    std::vector<std::string> tags;
};
struct AmqpPermissionConfig {
    std::string user;
    std::string vhost;
    // Regular expressions over resource names, as RabbitMQ's set_permissions.
    std::string configure;
    std::string write;
    std::string read;
};
struct AmqpAccessConfig {
    std::vector<AmqpUserConfig> users;
    std::vector<std::string> vhosts;
    std::vector<AmqpPermissionConfig> permissions;
};

struct BrokerConfig {
    std::string bindAddress = "127.0.0.1";         // loopback unless the user says otherwise
    std::optional<std::uint16_t> mqttPort = 1883;  // 0 picks a free port; nullopt: off
    std::optional<std::uint16_t> wsPort;           // MQTT over WebSocket
    std::optional<std::uint16_t> amqpPort;         // AMQP 0-9-1; nullopt: off
    std::filesystem::path dataDir;                 // empty: nothing persists
    store::Durability durability = store::Durability::Synced;
    std::uint32_t sysIntervalSeconds = 10;  // $SYS topics; 0 disables them
    unsigned threads = 0;                   // io threads; 0 = one per core
    BrokerLimits limits;
    AmqpAccessConfig amqp;
};

// Reads a JSON config file (keys as in docs/broker.md); unknown keys are errors, so a
// typo never silently leaves a default in place.
Result<BrokerConfig> loadBrokerConfig(const std::filesystem::path& file);
Result<BrokerConfig> parseBrokerConfig(std::string_view json);

}  // namespace sbx::broker
