#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "child_process.h"
#include "sbx/connect/network_stream.h"
#include "sbx/connect/plugin_registry.h"
#include "temp_dir.h"

namespace sbx::test {

std::uint16_t freePort();

// A nats-server -js on free loopback ports in a temp dir, with an optional config file
// (users, token, TLS). Stopped (SIGTERM) by the destructor.
class NatsServer {
public:
    explicit NatsServer(const std::string& config = {}, bool monitoring = true);
    ~NatsServer();

    void kill();
    void restart();  // same ports, same store

    [[nodiscard]] std::uint16_t port() const { return port_; }
    [[nodiscard]] std::uint16_t monitorPort() const { return monitorPort_; }
    [[nodiscard]] const TempDir& dir() const { return dir_; }
    // GET on the monitoring port, as JSON (nats-server's own view, to compare with).
    [[nodiscard]] nlohmann::json monitor(const std::string& target) const;

private:
    void start();

    TempDir dir_;
    std::string config_;
    bool monitoring_;
    std::uint16_t port_;
    std::uint16_t monitorPort_;
    std::unique_ptr<ChildProcess> process_;
};

// A message a raw client received.
struct RawMessage {
    std::string subject;
    std::string sid;
    std::string replyTo;
    std::string payload;
    std::string headers;  // the header block, "" for MSG
};

// The NATS protocol by hand, to drive JetStream as an application would (pull without
// acking) independently of the plugin.
class RawNatsClient {
public:
    RawNatsClient(std::uint16_t port, const std::string& name);
    void send(const std::string& bytes);
    // Pulls up to `batch` messages of a pull consumer, waiting at most `expires`.
    std::vector<RawMessage> pull(const std::string& stream, const std::string& consumer, int batch,
                                 std::chrono::milliseconds expires);
    void ack(const RawMessage& message);

private:
    RawMessage read();

    std::unique_ptr<connect::NetworkStream> stream_;
    int nextInbox_ = 0;
};

// The plugin, loaded from the build tree the way the studio loads it.
connect::PluginRegistry& registry();
connect::ConnectionProfile natsProfile(std::uint16_t port, std::uint16_t monitorPort);

// openssl-made CA and a server certificate for 127.0.0.1 in `dir`: ca.pem, server.pem,
// server.key.
void makeCertificates(const TempDir& dir);

}  // namespace sbx::test
