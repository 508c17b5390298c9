#include "nats_fixture.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <thread>

#include "process.h"
#include "sbx/connect/http_client.h"

namespace sbx::test {

using namespace std::chrono_literals;

std::uint16_t freePort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        ::close(fd);
        throw std::runtime_error("no free port");
    }
    ::close(fd);
    return ntohs(address.sin_port);
}

NatsServer::NatsServer(const std::string& config, bool monitoring)
    : config_(config), monitoring_(monitoring), port_(freePort()), monitorPort_(freePort()) {
    start();
}

NatsServer::~NatsServer() {
    if (process_) {
        process_->terminate();
    }
}

void NatsServer::start() {
    std::vector<std::string> argv = {
        "/usr/sbin/nats-server",  "-js", "-a", "127.0.0.1", "-p", std::to_string(port_), "-sd",
        (dir_ / "store").string()};
    if (monitoring_) {
        argv.insert(argv.end(), {"-m", std::to_string(monitorPort_)});
    }
    if (!config_.empty()) {
        std::ofstream(dir_ / "nats.conf") << config_;
        argv.insert(argv.end(), {"-c", (dir_ / "nats.conf").string()});
    }
    process_ = std::make_unique<ChildProcess>(argv);
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (std::chrono::steady_clock::now() < deadline) {
        if (connect::NetworkStream::connect("127.0.0.1", port_, {}, 500ms)) {
            return;
        }
        std::this_thread::sleep_for(50ms);
    }
    throw std::runtime_error("nats-server did not start on port " + std::to_string(port_));
}

void NatsServer::kill() {
    process_->kill();
    process_.reset();
}

void NatsServer::restart() {
    start();
}

nlohmann::json NatsServer::monitor(const std::string& target) const {
    connect::HttpClient::Options options;
    options.host = "127.0.0.1";
    options.port = monitorPort_;
    auto response = connect::HttpClient(options).get(target);
    if (!response || response->status != 200) {
        throw std::runtime_error("monitoring " + target + " failed");
    }
    return nlohmann::json::parse(response->body);
}

RawNatsClient::RawNatsClient(std::uint16_t port, const std::string& name) {
    auto stream = connect::NetworkStream::connect("127.0.0.1", port, {}, 5s);
    if (!stream) {
        throw std::runtime_error(stream.error().message);
    }
    stream_ = std::move(*stream);
    (void)stream_->readLine(5s);  // INFO
    send(R"(CONNECT {"verbose":false,"pedantic":false,"headers":true,"name":")" + name +
         "\"}\r\nPING\r\n");
    for (;;) {
        auto line = stream_->readLine(5s);
        if (!line || *line == "PONG") {
            break;
        }
    }
}

void RawNatsClient::send(const std::string& bytes) {
    if (auto sent = stream_->write(bytes, 5s); !sent) {
        throw std::runtime_error(sent.error().message);
    }
}

RawMessage RawNatsClient::read() {
    for (;;) {
        auto line = stream_->readLine(10s);
        if (!line) {
            throw std::runtime_error(line.error().message);
        }
        if (*line == "PING") {
            send("PONG\r\n");
            continue;
        }
        std::istringstream words(*line);
        std::vector<std::string> parts;
        for (std::string word; words >> word;) {
            parts.push_back(word);
        }
        if (parts.empty() || (parts[0] != "MSG" && parts[0] != "HMSG")) {
            continue;
        }
        const bool withHeaders = parts[0] == "HMSG";
        const std::size_t total = std::stoul(parts.back());
        const std::size_t headerSize = withHeaders ? std::stoul(parts[parts.size() - 2]) : 0;
        RawMessage message;
        message.subject = parts[1];
        message.sid = parts[2];
        if (parts.size() == (withHeaders ? 6U : 5U)) {
            message.replyTo = parts[3];
        }
        auto body = stream_->readExactly(total + 2, 10s);
        if (!body) {
            throw std::runtime_error(body.error().message);
        }
        message.headers = body->substr(0, headerSize);
        message.payload = body->substr(headerSize, total - headerSize);
        return message;
    }
}

std::vector<RawMessage> RawNatsClient::pull(const std::string& stream, const std::string& consumer,
                                            int batch, std::chrono::milliseconds expires) {
    const std::string inbox = "_INBOX.raw." + std::to_string(++nextInbox_);
    const std::string sid = "9" + std::to_string(nextInbox_);
    send("SUB " + inbox + " " + sid + "\r\n");
    const nlohmann::json request = {{"batch", batch},
                                    {"expires", std::int64_t{expires.count()} * 1000000}};
    const std::string body = request.dump();
    send("PUB $JS.API.CONSUMER.MSG.NEXT." + stream + "." + consumer + " " + inbox + " " +
         std::to_string(body.size()) + "\r\n" + body + "\r\n");
    std::vector<RawMessage> messages;
    while (static_cast<int>(messages.size()) < batch) {
        RawMessage message = read();
        if (message.sid != sid) {  // pulled messages keep their own subject
            continue;
        }
        if (message.headers.starts_with("NATS/1.0 4")) {  // 404 no messages, 408 expired
            break;
        }
        messages.push_back(std::move(message));
    }
    send("UNSUB " + sid + "\r\n");
    return messages;
}

void RawNatsClient::ack(const RawMessage& message) {
    send("PUB " + message.replyTo + " 0\r\n\r\n");
}

connect::PluginRegistry& registry() {
    static connect::PluginRegistry* instance = [] {
        auto* created = new connect::PluginRegistry();
        created->scan({SBX_NATS_PLUGIN_DIR});
        return created;
    }();
    return *instance;
}

connect::ConnectionProfile natsProfile(std::uint16_t port, std::uint16_t monitorPort) {
    connect::ConnectionProfile profile;
    profile.id = "nats-test";
    profile.name = "nats test";
    profile.connector = "nats";
    profile.host = "127.0.0.1";
    profile.port = port;
    profile.options["monitor_port"] = std::to_string(monitorPort);
    profile.timeout = 5s;
    return profile;
}

void makeCertificates(const TempDir& dir) {
    const std::string d = dir.path().string();
    std::ofstream(dir / "san.ext") << "subjectAltName=IP:127.0.0.1,DNS:localhost\n";
    const std::vector<std::vector<std::string>> steps = {
        {"openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", d + "/ca.key",
         "-out", d + "/ca.pem", "-days", "2", "-subj", "/CN=Signalbox Test CA"},
        {"openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", d + "/server.key", "-out",
         d + "/server.csr", "-subj", "/CN=127.0.0.1"},
        {"openssl", "x509", "-req", "-in", d + "/server.csr", "-CA", d + "/ca.pem", "-CAkey",
         d + "/ca.key", "-CAcreateserial", "-out", d + "/server.pem", "-days", "2", "-extfile",
         d + "/san.ext"},
    };
    for (const auto& step : steps) {
        const auto result = runProcess(step);
        if (result.exitCode != 0) {
            throw std::runtime_error("openssl failed: " + result.err);
        }
    }
}

}  // namespace sbx::test
