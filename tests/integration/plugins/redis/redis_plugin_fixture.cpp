#include "redis_plugin_fixture.h"

namespace sbx::test {

RedisPluginTest::RedisPluginTest() {
    registry_.scan({SBX_REDIS_PLUGIN_DIR});
}

connect::ConnectionProfile RedisPluginTest::profile(std::uint16_t port,
                                                    std::map<std::string, std::string> options) {
    connect::ConnectionProfile profile;
    profile.id = "test-redis";
    profile.name = "test redis";
    profile.connector = "redis";
    profile.host = "127.0.0.1";
    profile.port = port;
    profile.options = std::move(options);
    profile.timeout = std::chrono::milliseconds(3000);
    return profile;
}

Result<std::unique_ptr<observe::BrokerSource>> RedisPluginTest::open(
    const connect::ConnectionProfile& profile, const std::string& password) {
    return registry_.open(profile, connect::Credentials{password});
}

std::unique_ptr<observe::BrokerSource> RedisPluginTest::mustOpen(
    const connect::ConnectionProfile& profile, const std::string& password) {
    auto source = open(profile, password);
    EXPECT_TRUE(source.ok()) << (source ? "" : source.error().message);
    return source ? std::move(source).value() : nullptr;
}

const observe::Destination* findDestination(const observe::BrokerSnapshot& snapshot,
                                            const std::string& id) {
    for (const auto& destination : snapshot.destinations) {
        if (destination.id == id) {
            return &destination;
        }
    }
    return nullptr;
}

}  // namespace sbx::test
