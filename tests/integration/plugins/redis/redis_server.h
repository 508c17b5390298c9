#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "child_process.h"
#include "process.h"
#include "temp_dir.h"

namespace sbx::test {

// A CA and a server certificate for 127.0.0.1 / localhost, made with openssl.
struct TlsFiles {
    std::filesystem::path caCert;
    std::filesystem::path serverCert;
    std::filesystem::path serverKey;
};
TlsFiles makeTlsFiles(const std::filesystem::path& folder);

// Debian's redis-server on free loopback ports in a temp folder, with its own config
// file, no persistence, and optionally a password for the default user, ACL users and a
// TLS port. Stopped in the destructor; kill() and start() simulate a crash and a restart
// on the same ports.
class RedisServer {
public:
    struct Options {
        std::string password;               // requirepass for the default user
        std::vector<std::string> aclUsers;  // ACL SETUSER-style "user ..." config lines
        bool tls = false;
    };

    RedisServer();
    explicit RedisServer(Options options);
    ~RedisServer();
    RedisServer(const RedisServer&) = delete;
    RedisServer& operator=(const RedisServer&) = delete;

    void start();
    void kill();

    [[nodiscard]] std::uint16_t port() const { return port_; }
    [[nodiscard]] std::uint16_t tlsPort() const { return tlsPort_; }
    [[nodiscard]] const TlsFiles& tlsFiles() const { return tlsFiles_; }

    // redis-cli against the plain port as the default user; the whole result.
    [[nodiscard]] ProcessResult cli(const std::vector<std::string>& arguments) const;
    // Runs a command that must succeed (the test fails when it does not).
    void run(const std::vector<std::string>& arguments) const;
    // Its output lines (the test fails when redis-cli does).
    [[nodiscard]] std::vector<std::string> lines(const std::vector<std::string>& arguments) const;
    // The first line of the output.
    [[nodiscard]] std::string text(const std::vector<std::string>& arguments) const;

private:
    void writeConfig() const;

    Options options_;
    TempDir dir_;
    std::uint16_t port_ = 0;
    std::uint16_t tlsPort_ = 0;
    TlsFiles tlsFiles_;
    std::unique_ptr<ChildProcess> process_;
};

// In redis-cli's raw output of a flat map (XINFO STREAM, one group of XINFO GROUPS), the
// line after `key`, or "" when absent.
[[nodiscard]] std::string valueAfter(const std::vector<std::string>& lines, const std::string& key,
                                     std::size_t from = 0);

}  // namespace sbx::test
