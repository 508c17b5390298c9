#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>

#include "child_process.h"
#include "process.h"
#include "sbx/broker/broker.h"
#include "temp_dir.h"

namespace sbx::broker {
namespace {

BrokerConfig freePorts() {
    BrokerConfig config;
    config.mqttPort = 0;
    config.wsPort = 0;
    config.sysIntervalSeconds = 0;
    return config;
}

TEST(BrokerRuntime, StartsOnFreePortsAndStopsTwice) {
    LogHub log;
    auto broker = Broker::start(freePorts(), log);
    ASSERT_TRUE(broker.ok()) << broker.error().describe();
    const auto& endpoints = (*broker)->endpoints();
    ASSERT_EQ(endpoints.size(), 2U);
    EXPECT_EQ(endpoints[0].protocol, "mqtt");
    EXPECT_EQ(endpoints[1].protocol, "ws");
    EXPECT_NE(endpoints[0].port, 0);
    EXPECT_EQ(endpoints[0].address, "127.0.0.1");
    (*broker)->stop();
    (*broker)->stop();
}

TEST(BrokerRuntime, PortInUseIsAClearError) {
    LogHub log;
    auto first = Broker::start(freePorts(), log);
    ASSERT_TRUE(first.ok());
    auto config = freePorts();
    config.mqttPort = (*first)->endpoints()[0].port;
    auto second = Broker::start(config, log);
    ASSERT_FALSE(second.ok());
    EXPECT_NE(second.error().message.find("cannot listen on 127.0.0.1:"), std::string::npos)
        << second.error().message;
    EXPECT_NE(second.error().message.find("in use"), std::string::npos) << second.error().message;
}

TEST(BrokerRuntime, TwoBrokersCannotShareADataDir) {
    test::TempDir dir;
    LogHub log;
    auto config = freePorts();
    config.dataDir = dir.path();
    auto first = Broker::start(config, log);
    ASSERT_TRUE(first.ok()) << first.error().describe();
    auto second = Broker::start(config, log);
    ASSERT_FALSE(second.ok());
    EXPECT_NE(second.error().message.find("another broker"), std::string::npos)
        << second.error().message;
}

TEST(BrokerRuntime, BadBindAddressIsAClearError) {
    LogHub log;
    auto config = freePorts();
    config.bindAddress = "not-an-address";
    auto broker = Broker::start(config, log);
    ASSERT_FALSE(broker.ok());
    EXPECT_NE(broker.error().message.find("not an IP address"), std::string::npos);
}

// The headless contract scripts rely on: listening lines on stdout, clean exit on SIGTERM.
TEST(SbxBroker, PrintsListenersAndExitsCleanlyOnSigterm) {
    test::ChildProcess broker({SBX_CLI_PATH, "broker", "--mqtt-port", "0", "--ws-port", "0"});
    ASSERT_TRUE(broker.waitForLines(2, std::chrono::seconds(20)));
    EXPECT_EQ(broker.lines()[0].rfind("listening mqtt 127.0.0.1:", 0), 0U) << broker.lines()[0];
    EXPECT_EQ(broker.lines()[1].rfind("listening ws 127.0.0.1:", 0), 0U) << broker.lines()[1];
    const int status = broker.terminate();
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0);
}

TEST(SbxBroker, BadConfigExitsWithTheReason) {
    test::TempDir dir;
    const auto file = dir / "broker.json";
    FILE* f = std::fopen(file.c_str(), "w");
    std::fputs(R"({"mqtt_port": 0, "max_inflihgt": 3})", f);
    std::fclose(f);
    const auto result = test::runProcess({SBX_CLI_PATH, "broker", "--config", file.string()});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.err.find("unknown setting \"max_inflihgt\""), std::string::npos) << result.err;
}

}  // namespace
}  // namespace sbx::broker
