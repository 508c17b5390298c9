#include "mosquitto.h"

#include <gtest/gtest.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

namespace sbx::test {

namespace {

using namespace std::chrono_literals;

void run(const std::vector<std::string>& argv) {
    auto result = runProcess(argv, {.timeout = 30s});
    ASSERT_EQ(result.exitCode, 0) << argv.front() << " failed: " << result.err << result.out;
}

bool listening(std::uint16_t port) {
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

Mosquitto::Mosquitto() : port_(freeLoopbackPort()), tlsPort_(freeLoopbackPort()) {
    makeCertificates();
    run({"mosquitto_passwd", "-b", "-c", (dir_ / "passwd").string(), kUser, kPassword});
    writeConfig();
    start();
}

Mosquitto::~Mosquitto() {
    process_.reset();
}

void Mosquitto::makeCertificates() const {
    const auto at = [&](const char* name) { return (dir_ / name).string(); };
    {
        std::ofstream ext(at("server.ext"));
        ext << "subjectAltName=IP:127.0.0.1,DNS:localhost\n";
    }
    run({"openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-keyout", at("ca.key"), "-out", at("ca.crt"), "-days", "2", "-subj",
         "/CN=Signalbox test CA"});
    run({"openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
         "-keyout", at("server.key"), "-out", at("server.csr"), "-subj", "/CN=localhost"});
    run({"openssl", "x509", "-req", "-in", at("server.csr"), "-CA", at("ca.crt"), "-CAkey",
         at("ca.key"), "-CAcreateserial", "-out", at("server.crt"), "-days", "2", "-extfile",
         at("server.ext")});
}

void Mosquitto::writeConfig() const {
    const passwd* account = ::getpwuid(::getuid());
    std::ofstream config(dir_ / "mosquitto.conf");
    // Run as whoever runs the test (as root mosquitto would switch to a 'mosquitto' user
    // that cannot read the temp folder).
    config << "user " << (account != nullptr ? account->pw_name : "root") << "\n"
           << "per_listener_settings false\n"
           << "allow_anonymous true\n"
           << "password_file " << (dir_ / "passwd").string() << "\n"
           << "sys_interval 1\n"
           << "persistence false\n"
           << "log_dest file " << (dir_ / "mosquitto.log").string() << "\n"
           << "log_type all\n"
           << "listener " << port_ << " 127.0.0.1\n"
           << "listener " << tlsPort_ << " 127.0.0.1\n"
           << "cafile " << caFile().string() << "\n"
           << "certfile " << (dir_ / "server.crt").string() << "\n"
           << "keyfile " << (dir_ / "server.key").string() << "\n";
}

void Mosquitto::start() {
    process_ = std::make_unique<ChildProcess>(
        std::vector<std::string>{"/usr/sbin/mosquitto", "-c", (dir_ / "mosquitto.conf").string()});
    waitUntilListening();
}

void Mosquitto::kill() {
    process_->kill();
}

void Mosquitto::waitUntilListening() const {
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (!(listening(port_) && listening(tlsPort_))) {
        ASSERT_LT(std::chrono::steady_clock::now(), deadline)
            << "mosquitto did not listen on " << port_ << " and " << tlsPort_ << ":\n"
            << log();
        std::this_thread::sleep_for(20ms);
    }
}

connect::ConnectionProfile Mosquitto::profile() const {
    connect::ConnectionProfile profile;
    profile.id = "test-mosquitto";
    profile.name = "test mosquitto";
    profile.connector = "mqtt";
    profile.host = "127.0.0.1";
    profile.port = port_;
    profile.timeout = 3000ms;
    return profile;
}

void Mosquitto::pub(const std::vector<std::string>& args) const {
    std::vector<std::string> argv{"mosquitto_pub", "-h", "127.0.0.1", "-p", std::to_string(port_)};
    argv.insert(argv.end(), args.begin(), args.end());
    run(argv);
}

std::vector<std::string> Mosquitto::subCommand(const std::vector<std::string>& args) const {
    std::vector<std::string> argv{"/usr/bin/mosquitto_sub", "-h", "127.0.0.1", "-p",
                                  std::to_string(port_)};
    argv.insert(argv.end(), args.begin(), args.end());
    return argv;
}

ProcessResult Mosquitto::sub(const std::vector<std::string>& args) const {
    return runProcess(subCommand(args), {.timeout = 30s});
}

std::string Mosquitto::log() const {
    std::ifstream in(dir_ / "mosquitto.log");
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace sbx::test
