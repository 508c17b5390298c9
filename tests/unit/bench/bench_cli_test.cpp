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

TEST(BenchCli, AmqpUnreachableBrokerFailsWithConnectionRefused) {
    const auto port = std::to_string(test::freeLocalPort());
    const auto result = sbx({"bench", "amqp", "--port", port});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_EQ(result.err,
              "sbx: error: cannot connect to 127.0.0.1:" + port + ": connection refused\n");
    EXPECT_TRUE(result.out.empty()) << result.out;
}

TEST(BenchCli, HelpListsTheAmqpBenchmarkAndPerfTestsOptions) {
    const auto bench = sbx({"bench", "--help"});
    EXPECT_NE(bench.out.find("amqp"), std::string::npos) << bench.out;

    const auto amqp = sbx({"bench", "amqp", "--help"});
    EXPECT_EQ(amqp.exitCode, 0);
    for (const auto* option :
         {"--host",         "--port",          "--user",        "--password",    "--vhost",
          "-x,--producers", "-y,--consumers",  "-q,--prefetch", "-c,--confirm",  "-f,--flag",
          "-a,--autoack",   "-s,--size",       "-r,--rate",     "-z,--duration", "-t,--type",
          "--queue-args",   "--consumer-args", "--warmup",      "--threads",     "--json"}) {
        EXPECT_NE(amqp.out.find(option), std::string::npos) << option;
    }
}

TEST(BenchCli, AmqpOutOfRangeOptionsAreUsageErrors) {
    for (const auto& args :
         std::vector<std::vector<std::string>>{{"bench", "amqp", "-t", "headers"},
                                               {"bench", "amqp", "-f", "mandatory"},
                                               {"bench", "amqp", "-x", "0"},
                                               {"bench", "amqp", "-z", "0"}}) {
        const auto result = sbx(args);
        EXPECT_EQ(result.exitCode, 2) << args[2] << " " << args[3];
        EXPECT_FALSE(result.err.empty());
    }
}

TEST(BenchCli, AmqpMalformedArgumentsAndImpossibleStreamsFailClearly) {
    const auto arguments = sbx({"bench", "amqp", "--queue-args", "x-queue-type"});
    EXPECT_EQ(arguments.exitCode, 1);
    EXPECT_EQ(arguments.err, "sbx: error: 'x-queue-type' is not name=value\n");

    const auto stream = sbx({"bench", "amqp", "--queue-args", "x-queue-type=stream"});
    EXPECT_EQ(stream.exitCode, 1);
    EXPECT_NE(stream.err.find("need a prefetch"), std::string::npos) << stream.err;
}

}  // namespace
}  // namespace sbx
