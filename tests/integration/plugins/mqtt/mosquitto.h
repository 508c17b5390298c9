#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "child_process.h"
#include "process.h"
#include "sbx/connect/connection_profile.h"
#include "temp_dir.h"

namespace sbx::test {

// A private mosquitto (Debian's) on free loopback ports in a temp folder: a plain
// listener and a TLS listener with a CA and server certificate made by `openssl` for
// this run, anonymous clients allowed, one user in a password file (a wrong password
// is refused), $SYS every second.
class Mosquitto {
public:
    static constexpr const char* kUser = "monitor";
    static constexpr const char* kPassword = "s3cret-pw";

    Mosquitto();
    ~Mosquitto();
    Mosquitto(const Mosquitto&) = delete;
    Mosquitto& operator=(const Mosquitto&) = delete;

    [[nodiscard]] std::uint16_t port() const { return port_; }
    [[nodiscard]] std::uint16_t tlsPort() const { return tlsPort_; }
    [[nodiscard]] std::filesystem::path caFile() const { return dir_ / "ca.crt"; }

    void kill();   // SIGKILL, as a crash would
    void start();  // again, on the same ports

    // A profile for the plain listener, anonymous, MQTT 5.
    [[nodiscard]] connect::ConnectionProfile profile() const;

    // mosquitto_pub against the plain listener with `args` after -h/-p; fails the test
    // when it does not exit 0.
    void pub(const std::vector<std::string>& args) const;
    // mosquitto_sub against the plain listener; returns what it printed.
    [[nodiscard]] ProcessResult sub(const std::vector<std::string>& args) const;
    [[nodiscard]] std::vector<std::string> subCommand(const std::vector<std::string>& args) const;

    [[nodiscard]] std::string log() const;

private:
    void makeCertificates() const;
    void writeConfig() const;
    void waitUntilListening() const;

    TempDir dir_;
    std::uint16_t port_ = 0;
    std::uint16_t tlsPort_ = 0;
    std::unique_ptr<ChildProcess> process_;
};

// A TCP port on 127.0.0.1 nothing listens on right now.
[[nodiscard]] std::uint16_t freeLoopbackPort();

}  // namespace sbx::test
