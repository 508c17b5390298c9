#pragma once

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>

#include "redis_server.h"
#include "sbx/connect/plugin_registry.h"

namespace sbx::test {

// The redis plugin loaded from the build tree, and profiles for a RedisServer.
class RedisPluginTest : public ::testing::Test {
protected:
    RedisPluginTest();

    [[nodiscard]] static connect::ConnectionProfile profile(
        std::uint16_t port, std::map<std::string, std::string> options = {});

    Result<std::unique_ptr<observe::BrokerSource>> open(const connect::ConnectionProfile& profile,
                                                        const std::string& password = {});
    // Opens or fails the test.
    std::unique_ptr<observe::BrokerSource> mustOpen(const connect::ConnectionProfile& profile,
                                                    const std::string& password = {});

    connect::PluginRegistry registry_;
};

[[nodiscard]] const observe::Destination* findDestination(const observe::BrokerSnapshot& snapshot,
                                                          const std::string& id);

}  // namespace sbx::test
