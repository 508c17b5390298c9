#include "source_options.h"

#include <random>

#include "topic_filter.h"

namespace sbx::mqtt_connector {

namespace {

std::string randomClientId() {
    std::random_device device;
    std::uniform_int_distribution<unsigned> digit(0, 15);
    std::string id = "signalbox-";
    for (int i = 0; i < 8; ++i) {
        id += "0123456789abcdef"[digit(device)];
    }
    return id;
}

Result<bool> parseSwitch(const std::string& key, const std::string& value) {
    if (value == "on" || value == "true" || value == "1" || value == "yes") {
        return true;
    }
    if (value == "off" || value == "false" || value == "0" || value == "no") {
        return false;
    }
    return Error{ErrorCode::InvalidArgument,
                 "option " + key + " must be on or off, not '" + value + "'"};
}

Result<mqtt::ProtocolVersion> parseVersion(const std::string& value) {
    if (value == "5" || value == "5.0" || value == "mqttv5") {
        return mqtt::ProtocolVersion::V5;
    }
    if (value == "3.1.1" || value == "311" || value == "mqttv311") {
        return mqtt::ProtocolVersion::V311;
    }
    return Error{ErrorCode::InvalidArgument,
                 "option protocol_version must be 5 or 3.1.1, not '" + value + "'"};
}

}  // namespace

Result<SourceOptions> sourceOptions(const connect::ConnectionProfile& profile,
                                    const connect::Credentials& credentials) {
    SourceOptions options;
    options.name = profile.name.empty() ? profile.host : profile.name;
    auto& client = options.client;
    client.host = profile.host;
    client.tls = profile.tls;
    client.port =
        profile.port != 0 ? profile.port : (profile.tls.enabled ? kDefaultTlsPort : kDefaultPort);
    client.username = profile.username;
    client.password = credentials.password;
    client.timeout = profile.timeout;
    auto version = parseVersion(profile.option("protocol_version", "5"));
    if (!version) {
        return version.error();
    }
    client.version = *version;
    client.clientId = profile.option("client_id");
    if (client.clientId.empty()) {
        client.clientId = randomClientId();
    }
    options.discoveryFilter = profile.option("discovery_filter", "#");
    if (!isValidFilter(options.discoveryFilter)) {
        return Error{ErrorCode::InvalidArgument,
                     "option discovery_filter '" + options.discoveryFilter +
                         "' is not an MQTT topic filter ('#', 'sensors/#', 'site/+/temp')"};
    }
    auto sys = parseSwitch("sys_topics", profile.option("sys_topics", "on"));
    if (!sys) {
        return sys.error();
    }
    options.sysTopics = *sys;
    return options;
}

}  // namespace sbx::mqtt_connector
