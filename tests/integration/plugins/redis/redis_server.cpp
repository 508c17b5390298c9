#include "redis_server.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "free_port.h"

namespace sbx::test {

namespace {

void openssl(const std::vector<std::string>& arguments) {
    std::vector<std::string> argv{"openssl"};
    argv.insert(argv.end(), arguments.begin(), arguments.end());
    const ProcessResult result = runProcess(argv);
    if (result.exitCode != 0) {
        throw std::runtime_error("openssl failed: " + result.err);
    }
}

}  // namespace

TlsFiles makeTlsFiles(const std::filesystem::path& folder) {
    TlsFiles files{folder / "ca.crt", folder / "server.crt", folder / "server.key"};
    const auto caKey = (folder / "ca.key").string();
    const auto request = (folder / "server.csr").string();
    const auto extensions = folder / "server.ext";
    std::ofstream(extensions) << "subjectAltName=IP:127.0.0.1,DNS:localhost\n";
    openssl({"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
             "-keyout", caKey, "-out", files.caCert.string(), "-days", "2", "-subj",
             "/CN=Signalbox test CA"});
    openssl({"req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
             "-keyout", files.serverKey.string(), "-out", request, "-subj", "/CN=localhost"});
    openssl({"x509", "-req", "-in", request, "-CA", files.caCert.string(), "-CAkey", caKey,
             "-CAcreateserial", "-out", files.serverCert.string(), "-days", "2", "-extfile",
             extensions.string()});
    return files;
}

RedisServer::RedisServer() : RedisServer(Options{}) {}

RedisServer::RedisServer(Options options) : options_(std::move(options)) {
    port_ = freeLocalPort();
    if (options_.tls) {
        tlsPort_ = freeLocalPort();
        tlsFiles_ = makeTlsFiles(dir_.path());
    }
    writeConfig();
    start();
}

RedisServer::~RedisServer() {
    if (process_) {
        process_->terminate();
    }
}

void RedisServer::writeConfig() const {
    std::ofstream config(dir_ / "redis.conf");
    config << "port " << port_ << "\n"
           << "bind 127.0.0.1\n"
           << "dir " << dir_.path().string() << "\n"
           << "save \"\"\n"
           << "appendonly no\n"
           << "logfile " << (dir_ / "redis.log").string() << "\n";
    if (!options_.password.empty()) {
        config << "requirepass " << options_.password << "\n";
    }
    for (const std::string& user : options_.aclUsers) {
        config << user << "\n";
    }
    if (options_.tls) {
        config << "tls-port " << tlsPort_ << "\n"
               << "tls-cert-file " << tlsFiles_.serverCert.string() << "\n"
               << "tls-key-file " << tlsFiles_.serverKey.string() << "\n"
               << "tls-ca-cert-file " << tlsFiles_.caCert.string() << "\n"
               << "tls-auth-clients no\n";
    }
}

void RedisServer::start() {
    process_ = std::make_unique<ChildProcess>(
        std::vector<std::string>{"/usr/bin/redis-server", (dir_ / "redis.conf").string()});
    if (!waitForListener(port_, std::chrono::seconds(10))) {
        std::ifstream log(dir_ / "redis.log");
        std::stringstream text;
        text << log.rdbuf();
        throw std::runtime_error("redis-server did not start on port " + std::to_string(port_) +
                                 ": " + text.str());
    }
}

void RedisServer::kill() {
    if (process_) {
        process_->kill();
        process_.reset();
    }
}

ProcessResult RedisServer::cli(const std::vector<std::string>& arguments) const {
    std::vector<std::string> argv{"redis-cli", "-h", "127.0.0.1", "-p", std::to_string(port_)};
    if (!options_.password.empty()) {
        argv.insert(argv.end(), {"--no-auth-warning", "-a", options_.password});
    }
    argv.insert(argv.end(), arguments.begin(), arguments.end());
    return runProcess(argv);
}

void RedisServer::run(const std::vector<std::string>& arguments) const {
    const ProcessResult result = cli(arguments);
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(result.out.rfind("ERR", 0), std::string::npos) << result.out;
}

std::vector<std::string> RedisServer::lines(const std::vector<std::string>& arguments) const {
    const ProcessResult result = cli(arguments);
    EXPECT_EQ(result.exitCode, 0) << result.err;
    std::vector<std::string> out;
    std::istringstream stream(result.out);
    std::string line;
    while (std::getline(stream, line)) {
        out.push_back(line);
    }
    return out;
}

std::string RedisServer::text(const std::vector<std::string>& arguments) const {
    auto out = lines(arguments);
    return out.empty() ? std::string() : out.front();
}

std::string valueAfter(const std::vector<std::string>& lines, const std::string& key,
                       std::size_t from) {
    for (std::size_t i = from; i + 1 < lines.size(); ++i) {
        if (lines[i] == key) {
            return lines[i + 1];
        }
    }
    return {};
}

}  // namespace sbx::test
