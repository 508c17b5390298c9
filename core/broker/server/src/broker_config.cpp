#include "sbx/broker/broker_config.h"

#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>

#include "amqp_access_config.h"

namespace sbx::broker {

namespace {

using Json = nlohmann::json;

template <typename T>
Status readNumber(const Json& json, const char* key, T& into) {
    const auto& value = json.at(key);
    if (!value.is_number_unsigned() ||
        value.get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<T>::max())) {
        return Error{ErrorCode::InvalidArgument, std::string(key) +
                                                     " must be a whole number from 0 to " +
                                                     std::to_string(std::numeric_limits<T>::max())};
    }
    into = value.get<T>();
    return {};
}

Status readPort(const Json& json, const char* key, std::optional<std::uint16_t>& into) {
    if (json.at(key).is_null()) {
        into.reset();
        return {};
    }
    std::uint16_t port = 0;
    auto status = readNumber(json, key, port);
    if (status) {
        into = port;
    }
    return status;
}

Status readString(const Json& json, const char* key, std::string& into) {
    if (!json.at(key).is_string()) {
        return Error{ErrorCode::InvalidArgument, std::string(key) + " must be a string"};
    }
    into = json.at(key).get<std::string>();
    return {};
}

Status applyKey(const Json& json, const std::string& key, BrokerConfig& config) {
    auto& limits = config.limits;
    if (key == "bind") {
        return readString(json, "bind", config.bindAddress);
    }
    if (key == "mqtt_port") {
        return readPort(json, "mqtt_port", config.mqttPort);
    }
    if (key == "ws_port") {
        return readPort(json, "ws_port", config.wsPort);
    }
    if (key == "amqp_port") {
        return readPort(json, "amqp_port", config.amqpPort);
    }
    if (key == "amqp") {
        return parseAmqpAccess(json.at(key), config.amqp);
    }
    if (key == "data_dir") {
        std::string dir;
        auto status = readString(json, "data_dir", dir);
        config.dataDir = dir;
        return status;
    }
    if (key == "durability") {
        std::string value;
        if (auto status = readString(json, "durability", value); !status) {
            return status;
        }
        if (value == "synced") {
            config.durability = store::Durability::Synced;
        } else if (value == "relaxed") {
            config.durability = store::Durability::Relaxed;
        } else {
            return Error{ErrorCode::InvalidArgument,
                         "durability must be \"synced\" or \"relaxed\""};
        }
        return {};
    }
    if (key == "sys_interval") {
        return readNumber(json, "sys_interval", config.sysIntervalSeconds);
    }
    if (key == "threads") {
        return readNumber(json, "threads", config.threads);
    }
    if (key == "max_connections") {
        return readNumber(json, "max_connections", limits.maxConnections);
    }
    if (key == "max_packet_size") {
        return readNumber(json, "max_packet_size", limits.maxPacketSize);
    }
    if (key == "max_inflight") {
        return readNumber(json, "max_inflight", limits.maxInflight);
    }
    if (key == "max_queued") {
        return readNumber(json, "max_queued", limits.maxQueued);
    }
    if (key == "max_topic_length") {
        return readNumber(json, "max_topic_length", limits.maxTopicLength);
    }
    if (key == "max_topic_levels") {
        return readNumber(json, "max_topic_levels", limits.maxTopicLevels);
    }
    if (key == "topic_alias_maximum") {
        return readNumber(json, "topic_alias_maximum", limits.topicAliasMaximum);
    }
    if (key == "amqp_memory_high_watermark") {
        return readNumber(json, "amqp_memory_high_watermark", limits.amqpMemoryHighWatermark);
    }
    if (key == "max_keep_alive") {
        return readNumber(json, "max_keep_alive", limits.maxKeepAlive);
    }
    return Error{ErrorCode::InvalidArgument, "unknown setting \"" + key + "\""};
}

}  // namespace

Result<BrokerConfig> parseBrokerConfig(std::string_view text) {
    const auto json = Json::parse(text, nullptr, false);
    if (json.is_discarded() || !json.is_object()) {
        return Error{ErrorCode::ParseError, "the broker config must be a JSON object"};
    }
    BrokerConfig config;
    for (const auto& [key, value] : json.items()) {
        if (auto status = applyKey(json, key, config); !status) {
            return status.error();
        }
    }
    if (config.limits.amqpMemoryHighWatermark == 0) {
        return Error{ErrorCode::InvalidArgument, "amqp_memory_high_watermark must be at least 1"};
    }
    if (config.limits.maxInflight == 0) {
        return Error{ErrorCode::InvalidArgument, "max_inflight must be at least 1"};
    }
    return config;
}

Result<BrokerConfig> loadBrokerConfig(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return Error{ErrorCode::NotFound, "cannot read " + file.string()};
    }
    std::stringstream text;
    text << in.rdbuf();
    auto config = parseBrokerConfig(text.str());
    if (!config) {
        return Error{config.error().code, file.string() + ": " + config.error().message};
    }
    return config;
}

}  // namespace sbx::broker
