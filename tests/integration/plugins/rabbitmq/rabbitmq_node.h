#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "child_process.h"
#include "temp_dir.h"

namespace sbx::test {

// A private rabbitmq-server node with the management plugin, on free loopback ports, all
// of its files in a temp folder, with its own epmd. rabbitmqctl runs with the same
// environment.
class RabbitNode {
public:
    RabbitNode();
    ~RabbitNode();

    // Starts the node and waits until AMQP and the management API answer; false with
    // `problem` set when it did not come up.
    bool start(std::string& problem);
    // kill -9 of the Erlang VM: the broker vanishes mid-session.
    void kill();
    void stop();

    // rabbitmqctl <args>; its stdout, or "" with a test failure when it failed.
    std::string ctl(const std::vector<std::string>& args);
    // /usr/bin/python3 -c <script> with AMQP_PORT set; its stdout (failure when it fails).
    std::string python(const std::string& script);
    // {name: [ready, unacked, consumers]} from rabbitmqctl list_queues.
    std::map<std::string, std::vector<std::uint64_t>> listQueues();

    [[nodiscard]] std::uint16_t amqpPort() const { return amqpPort_; }
    [[nodiscard]] std::uint16_t managementPort() const { return managementPort_; }

private:
    std::vector<std::string> envArgv(const std::string& program) const;

    TempDir dir_;
    std::map<std::string, std::string> env_;
    std::uint16_t amqpPort_ = 0;
    std::uint16_t managementPort_ = 0;
    std::unique_ptr<ChildProcess> epmd_;
    std::unique_ptr<ChildProcess> server_;
};

std::uint16_t freeLoopbackPort();

}  // namespace sbx::test
