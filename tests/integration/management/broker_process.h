#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "child_process.h"
#include "process.h"

namespace sbx::management::test {

// `sbx broker` as a process on free ports (all 0): its MQTT, AMQP and HTTP ports are read
// from the "listening <protocol> 127.0.0.1:NNNN" lines it prints.
class BrokerProcess : public ::testing::Test {
protected:
    void SetUp() override {
        using namespace std::chrono_literals;
        broker_ = std::make_unique<sbx::test::ChildProcess>(
            std::vector<std::string>{SBX_CLI_PATH, "broker", "--amqp-port", "0", "--mqtt-port", "0",
                                     "--http-port", "0", "--sys-interval", "0"});
        const auto http = broker_->readLineContaining("listening http ", 20s);
        ASSERT_FALSE(http.empty()) << "the broker printed no http listener";
        EXPECT_NE(http.find("listening http 127.0.0.1:"), std::string::npos) << http;
        httpPort_ = portOf(http);
        for (const auto& line : broker_->lines()) {
            if (line.starts_with("listening mqtt ")) {
                mqttPort_ = portOf(line);
            } else if (line.starts_with("listening amqp ")) {
                amqpPort_ = portOf(line);
            }
        }
        ASSERT_NE(mqttPort_, 0);
        ASSERT_NE(amqpPort_, 0);
    }

    static std::uint16_t portOf(const std::string& line) {
        const auto colon = line.rfind(':');
        return static_cast<std::uint16_t>(std::stoi(line.substr(colon + 1)));
    }

    std::string url(const std::string& path) const {
        return "http://127.0.0.1:" + std::to_string(httpPort_) + path;
    }

    std::string curl(const std::string& path) const {
        auto result = sbx::test::runProcess({"curl", "-sS", "--fail", url(path)});
        EXPECT_EQ(result.exitCode, 0) << path << ": " << result.err;
        return result.out;
    }

    std::unique_ptr<sbx::test::ChildProcess> broker_;
    std::uint16_t httpPort_ = 0;
    std::uint16_t mqttPort_ = 0;
    std::uint16_t amqpPort_ = 0;
};

}  // namespace sbx::management::test
