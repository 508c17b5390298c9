#include <gtest/gtest.h>

#include "free_port.h"
#include "process.h"

namespace sbx {
namespace {

test::ProcessResult sbx(std::vector<std::string> args) {
    args.insert(args.begin(), SBX_CLI_PATH);
    return test::runProcess(args);
}

TEST(BenchCli, UnreachableBrokerFailsWithConnectionRefused) {
    const auto port = std::to_string(test::freeLocalPort());
    const auto result = sbx({"bench", "mqtt", "--port", port});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_EQ(result.err,
              "sbx: error: cannot connect to 127.0.0.1:" + port + ": connection refused\n");
    EXPECT_TRUE(result.out.empty()) << result.out;
}

TEST(BenchCli, HelpListsTheMqttBenchmarkAndItsOptions) {
    const auto bench = sbx({"bench", "--help"});
    EXPECT_EQ(bench.exitCode, 0);
    EXPECT_NE(bench.out.find("mqtt"), std::string::npos) << bench.out;

    const auto mqtt = sbx({"bench", "mqtt", "--help"});
    EXPECT_EQ(mqtt.exitCode, 0);
    for (const auto* option :
         {"--host", "--port", "--mqtt-version", "--publishers", "--subscribers", "--qos", "--size",
          "--rate", "--duration", "--warmup", "--fanout", "--threads", "--json"}) {
        EXPECT_NE(mqtt.out.find(option), std::string::npos) << option;
    }
}

TEST(BenchCli, BenchWithoutABrokerKindIsAUsageError) {
    EXPECT_EQ(sbx({"bench"}).exitCode, 2);
}

TEST(BenchCli, OutOfRangeOptionsAreUsageErrors) {
    for (const auto& args :
         std::vector<std::vector<std::string>>{{"bench", "mqtt", "--qos", "3"},
                                               {"bench", "mqtt", "--mqtt-version", "4"},
                                               {"bench", "mqtt", "--publishers", "0"}}) {
        const auto result = sbx(args);
        EXPECT_EQ(result.exitCode, 2) << args[2];
        EXPECT_FALSE(result.err.empty());
    }
}

TEST(BenchCli, PayloadTooSmallForTheStampFailsClearly) {
    const auto result = sbx({"bench", "mqtt", "--size", "8"});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.err.find("at least 16 bytes"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace sbx
