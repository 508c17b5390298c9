#include "rabbitmq_node.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <thread>

#include "process.h"

namespace sbx::test {

namespace {

const std::string kBin = "/usr/lib/rabbitmq/bin/";

void writeFile(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path) << text;
}

bool accepts(std::uint16_t port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    ::close(fd);
    return ok;
}

}  // namespace

std::uint16_t freeLoopbackPort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    socklen_t length = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    ::close(fd);
    return ntohs(address.sin_port);
}

RabbitNode::RabbitNode() {
    amqpPort_ = freeLoopbackPort();
    managementPort_ = freeLoopbackPort();
    std::uint16_t dist = freeLoopbackPort();
    if (dist + 41 > 65535) {
        dist = static_cast<std::uint16_t>(20000 + dist % 20000);
    }
    const std::uint16_t epmd = freeLoopbackPort();
    const auto dir = dir_.path().string();
    std::filesystem::create_directories(dir_ / "home");
    env_ = {
        {"HOME", dir + "/home"},
        {"RABBITMQ_NODENAME", "sbxplugin" + std::to_string(amqpPort_) + "@localhost"},
        {"RABBITMQ_USE_LONGNAME", "false"},
        {"RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1"},
        {"RABBITMQ_NODE_PORT", std::to_string(amqpPort_)},
        {"RABBITMQ_DIST_PORT", std::to_string(dist)},
        {"ERL_EPMD_PORT", std::to_string(epmd)},
        {"ERL_EPMD_ADDRESS", "127.0.0.1"},
        {"RABBITMQ_MNESIA_BASE", dir + "/mnesia"},
        {"RABBITMQ_LOG_BASE", dir + "/log"},
        {"RABBITMQ_CONFIG_FILE", dir + "/rabbitmq.conf"},
        {"RABBITMQ_ADVANCED_CONFIG_FILE", dir + "/advanced.config"},
        {"RABBITMQ_CONF_ENV_FILE", dir + "/rabbitmq-env.conf"},
        {"RABBITMQ_ENABLED_PLUGINS_FILE", dir + "/enabled_plugins"},
        {"RABBITMQ_PID_FILE", dir + "/rabbit.pid"},
        {"RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "-kernel inet_dist_use_interface {127,0,0,1}"},
        {"RABBITMQ_CTL_DIST_PORT_MIN", std::to_string(dist + 1)},
        {"RABBITMQ_CTL_DIST_PORT_MAX", std::to_string(dist + 40)},
        {"AMQP_PORT", std::to_string(amqpPort_)},
    };
    writeFile(dir_ / "rabbitmq.conf",
              "listeners.tcp.default = 127.0.0.1:" + std::to_string(amqpPort_) +
                  "\n"
                  "management.tcp.port = " +
                  std::to_string(managementPort_) +
                  "\n"
                  "management.tcp.ip = 127.0.0.1\n"
                  "loopback_users = none\n"
                  "management_agent.disable_metrics_collector = false\n"
                  "collect_statistics_interval = 500\n"
                  "log.console = false\n"
                  "log.file.level = info\n"
                  "disk_free_limit.absolute = 1MB\n"
                  "vm_memory_high_watermark.relative = 0.8\n");
    writeFile(dir_ / "advanced.config", "[].\n");
    writeFile(dir_ / "rabbitmq-env.conf", "");
    writeFile(dir_ / "enabled_plugins", "[rabbitmq_management].\n");
}

RabbitNode::~RabbitNode() {
    stop();
}

std::vector<std::string> RabbitNode::envArgv(const std::string& program) const {
    std::vector<std::string> argv{"/usr/bin/env"};
    for (const auto& [name, value] : env_) {
        argv.push_back(name + "=" + value);
    }
    argv.push_back(program);
    return argv;
}

bool RabbitNode::start(std::string& problem) {
    auto epmdArgv = envArgv("/usr/bin/epmd");
    epmdArgv.insert(epmdArgv.end(), {"-port", env_.at("ERL_EPMD_PORT"), "-address", "127.0.0.1"});
    epmd_ = std::make_unique<ChildProcess>(epmdArgv);
    server_ = std::make_unique<ChildProcess>(envArgv(kBin + "rabbitmq-server"));
    ProcessOptions options;
    options.env = env_;
    options.timeout = std::chrono::seconds(200);
    auto waited = runProcess(
        {kBin + "rabbitmqctl", "wait", "--timeout", "180", env_.at("RABBITMQ_PID_FILE")}, options);
    if (waited.exitCode != 0) {
        problem = "rabbitmqctl wait failed: " + waited.out + waited.err;
        return false;
    }
    for (int i = 0; i < 200; ++i) {
        if (accepts(amqpPort_) && accepts(managementPort_)) {
            return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    problem = "RabbitMQ did not listen on AMQP " + std::to_string(amqpPort_) + " and management " +
              std::to_string(managementPort_);
    return false;
}

void RabbitNode::kill() {
    std::ifstream pidFile(env_.at("RABBITMQ_PID_FILE"));
    pid_t pid = 0;
    pidFile >> pid;
    if (pid > 0) {
        ::kill(pid, SIGKILL);
    }
    if (server_) {
        server_->kill();
        server_.reset();
    }
    for (int i = 0; i < 100 && accepts(managementPort_); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

void RabbitNode::stop() {
    if (server_) {
        ProcessOptions options;
        options.env = env_;
        options.timeout = std::chrono::seconds(60);
        runProcess({kBin + "rabbitmqctl", "stop", env_.at("RABBITMQ_PID_FILE")}, options);
        server_.reset();
    }
    if (epmd_) {
        epmd_->kill();
        epmd_.reset();
    }
}

std::string RabbitNode::ctl(const std::vector<std::string>& args) {
    std::vector<std::string> argv{kBin + "rabbitmqctl"};
    argv.insert(argv.end(), args.begin(), args.end());
    ProcessOptions options;
    options.env = env_;
    options.timeout = std::chrono::seconds(60);
    auto done = runProcess(argv, options);
    EXPECT_EQ(done.exitCode, 0) << "rabbitmqctl failed: " << done.out << done.err;
    return done.exitCode == 0 ? done.out : std::string();
}

std::string RabbitNode::python(const std::string& script) {
    ProcessOptions options;
    options.env = env_;
    options.timeout = std::chrono::seconds(60);
    const std::string prelude =
        "import os, pika\n"
        "def connect(name='test'):\n"
        "    return pika.BlockingConnection(pika.ConnectionParameters('127.0.0.1', "
        "int(os.environ['AMQP_PORT']), client_properties={'connection_name': name}))\n";
    auto done = runProcess({"/usr/bin/python3", "-c", prelude + script}, options);
    EXPECT_EQ(done.exitCode, 0) << "python failed: " << done.out << done.err;
    return done.out;
}

std::map<std::string, std::vector<std::uint64_t>> RabbitNode::listQueues() {
    std::map<std::string, std::vector<std::uint64_t>> out;
    std::istringstream lines(ctl({"list_queues", "-q", "--no-table-headers", "name",
                                  "messages_ready", "messages_unacknowledged", "consumers"}));
    std::string line;
    while (std::getline(lines, line)) {
        std::istringstream fields(line);
        std::string name;
        std::uint64_t ready = 0;
        std::uint64_t unacked = 0;
        std::uint64_t consumers = 0;
        if (fields >> name >> ready >> unacked >> consumers) {
            out[name] = {ready, unacked, consumers};
        }
    }
    return out;
}

}  // namespace sbx::test
