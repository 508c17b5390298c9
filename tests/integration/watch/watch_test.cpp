#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "child_process.h"
#include "process.h"
#include "sbx/alerts/alert_rule.h"
#include "sbx/connect/connection_profile.h"
#include "temp_dir.h"

namespace sbx {
namespace {

using namespace std::chrono_literals;
using Json = nlohmann::json;

std::uint16_t portOf(const std::string& line) {
    return static_cast<std::uint16_t>(std::stoi(line.substr(line.rfind(':') + 1)));
}

std::uint16_t closedPort() {
    // The broker's listeners pick free ports; a port of a process that has ended is free.
    test::ChildProcess probe({SBX_CLI_PATH, "broker", "--mqtt-port", "0", "--sys-interval", "0"});
    const auto line = probe.readLineContaining("listening mqtt ", 20s);
    probe.terminate();
    return portOf(line);
}

alerts::AlertRule rule(std::string id, alerts::Condition condition, std::uint64_t threshold,
                       std::string destination = "*") {
    alerts::AlertRule r;
    r.id = std::move(id);
    r.name = r.id;
    r.condition = condition;
    r.threshold = threshold;
    r.destination = std::move(destination);
    return r;
}

class SbxWatch : public ::testing::Test {
protected:
    void SetUp() override {
        broker_ = std::make_unique<test::ChildProcess>(
            std::vector<std::string>{SBX_CLI_PATH, "broker", "--amqp-port", "0", "--mqtt-port", "0",
                                     "--http-port", "0", "--sys-interval", "0"});
        const auto http = broker_->readLineContaining("listening http ", 20s);
        ASSERT_FALSE(http.empty());
        httpPort_ = portOf(http);
        for (const auto& line : broker_->lines()) {
            if (line.starts_with("listening amqp ")) {
                amqpPort_ = portOf(line);
            }
        }
        ASSERT_NE(amqpPort_, 0);
        auto created =
            test::runProcess({SBX_CLI_PATH, "workspace", "init", (dir_ / "ws").string()});
        ASSERT_EQ(created.exitCode, 0) << created.err;
        addProfile("local", httpPort_);
    }

    void addProfile(const std::string& id, std::uint16_t port) {
        connect::ConnectionProfile profile;
        profile.id = id;
        profile.name = id;
        profile.connector = "signalbox";
        profile.port = port;
        profile.timeout = 2s;
        ASSERT_TRUE(connect::saveProfile(dir_ / "ws" / "connections", profile));
    }

    void publishOrders(int count) {
        const auto url = "amqp://guest:guest@127.0.0.1:" + std::to_string(amqpPort_);
        auto declared = test::runProcess({"amqp-declare-queue", "-u", url, "-q", "orders", "-d"});
        ASSERT_EQ(declared.exitCode, 0) << declared.err;
        for (int i = 0; i < count; ++i) {
            auto published = test::runProcess(
                {"amqp-publish", "-u", url, "-r", "orders", "-b", "order " + std::to_string(i)});
            ASSERT_EQ(published.exitCode, 0) << published.err;
        }
    }

    test::ProcessResult watch(std::vector<std::string> extra) {
        std::vector<std::string> argv{SBX_CLI_PATH, "watch", "--workspace", (dir_ / "ws").string(),
                                      "--interval", "0.2",   "--once"};
        argv.insert(argv.end(), extra.begin(), extra.end());
        return test::runProcess(argv, {.timeout = 60s});
    }

    test::TempDir dir_;
    std::unique_ptr<test::ChildProcess> broker_;
    std::uint16_t httpPort_ = 0;
    std::uint16_t amqpPort_ = 0;
};

TEST_F(SbxWatch, ExitsZeroWhenNothingFires) {
    ASSERT_TRUE(
        alerts::saveRules(dir_ / "ws", {rule("depth", alerts::Condition::DepthAbove, 100)}));
    publishOrders(1);
    auto result = watch({});
    EXPECT_EQ(result.exitCode, 0) << result.out << result.err;
    EXPECT_NE(result.out.find("local (signalbox): reachable"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("0 alerts firing"), std::string::npos) << result.out;
}

TEST_F(SbxWatch, ReportsADeepQueueAndOneWithoutConsumersAsJson) {
    auto depth = rule("orders-depth", alerts::Condition::DepthAbove, 2, "orders");
    depth.forDuration = 1s;
    ASSERT_TRUE(alerts::saveRules(
        dir_ / "ws", {depth, rule("idle", alerts::Condition::NoConsumers, 0, "orders")}));
    publishOrders(3);
    auto result = watch({"--json"});
    ASSERT_EQ(result.exitCode, 1) << result.out << result.err;
    const auto report = Json::parse(result.out);
    EXPECT_EQ(report["firing"], 2);
    EXPECT_EQ(report["brokers"][0]["reachable"], true);
    std::vector<std::string> messages;
    for (const auto& alert : report["alerts"]) {
        messages.push_back(alert["message"]);
        EXPECT_EQ(alert["broker"], "local");
    }
    EXPECT_NE(std::find(messages.begin(), messages.end(), "orders: 3 ready messages (above 2)"),
              messages.end());
    EXPECT_NE(std::find(messages.begin(), messages.end(), "orders: no consumers"), messages.end());
}

TEST_F(SbxWatch, AnUnreachableBrokerFiresItsAlertWithTheReason) {
    const auto port = closedPort();
    addProfile("gone", port);
    ASSERT_TRUE(alerts::saveRules(dir_ / "ws", {rule("down", alerts::Condition::Unreachable, 0)}));
    auto result = watch({"--profile", "gone"});
    ASSERT_EQ(result.exitCode, 1) << result.out << result.err;
    EXPECT_NE(result.out.find("gone (signalbox): unreachable: cannot reach 127.0.0.1:" +
                              std::to_string(port) + ": connection refused"),
              std::string::npos)
        << result.out;
    EXPECT_NE(result.out.find("1 alert firing"), std::string::npos) << result.out;
}

TEST_F(SbxWatch, ContinuousModePrintsFiredAndResolved) {
    ASSERT_TRUE(alerts::saveRules(dir_ / "ws",
                                  {rule("depth", alerts::Condition::DepthAbove, 0, "orders")}));
    publishOrders(1);
    test::ChildProcess watching(
        {SBX_CLI_PATH, "watch", "--workspace", (dir_ / "ws").string(), "--interval", "0.2"});
    const auto fired = watching.readLineContaining("FIRED", 20s);
    EXPECT_NE(fired.find("local  depth: orders: 1 ready messages (above 0)"), std::string::npos)
        << fired;
    auto purged = test::runProcess({"curl", "-sS", "--fail", "-X", "POST",
                                    "http://127.0.0.1:" + std::to_string(httpPort_) +
                                        "/api/v1/destinations/queue%3A%2F%2Forders/purge"});
    ASSERT_EQ(purged.exitCode, 0) << purged.err;
    const auto resolved = watching.readLineContaining("RESOLVED", 20s);
    EXPECT_NE(resolved.find("orders"), std::string::npos) << resolved;
    EXPECT_EQ(WEXITSTATUS(watching.terminate()), 0);
}

TEST_F(SbxWatch, BadRulesAreAUsageErrorThatNamesTheFile) {
    std::ofstream(dir_ / "ws" / "alerts.json") << R"({"rules":[{"id":"x","condition":"deep"}]})";
    auto result = watch({});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("alerts.json: rule 1: unknown condition 'deep'"), std::string::npos)
        << result.err;
}

TEST_F(SbxWatch, AProfileWithoutItsPluginIsReportedNotFatal) {
    connect::ConnectionProfile profile;
    profile.id = "kafka-prod";
    profile.connector = "kafka";
    ASSERT_TRUE(connect::saveProfile(dir_ / "ws" / "connections", profile));
    ASSERT_TRUE(alerts::saveRules(dir_ / "ws", {rule("down", alerts::Condition::Unreachable, 0)}));
    auto result = watch({});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.out.find("kafka-prod (kafka): unreachable: no plugin for 'kafka' brokers"),
              std::string::npos)
        << result.out;
    EXPECT_NE(result.out.find("local (signalbox): reachable"), std::string::npos);
}

}  // namespace
}  // namespace sbx
