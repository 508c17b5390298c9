#include "loopback_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>

namespace sbx::test {

namespace {

int bindLoopback(std::uint16_t& port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address));
    socklen_t length = sizeof(address);
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    port = ntohs(address.sin_port);
    return fd;
}

}  // namespace

LoopbackServer::LoopbackServer(Handler handler) : handler_(std::move(handler)) {
    listener_ = bindLoopback(port_);
    ::listen(listener_, 16);
    acceptor_ = std::thread([this] {
        for (;;) {
            const int fd = ::accept(listener_, nullptr, nullptr);
            if (fd < 0 || stopping_) {
                if (fd >= 0) {
                    ::close(fd);
                }
                return;
            }
            connections_.emplace_back([this, fd] {
                handler_(fd);
                ::close(fd);
            });
        }
    });
}

LoopbackServer::~LoopbackServer() {
    stopping_ = true;
    ::shutdown(listener_, SHUT_RDWR);
    ::close(listener_);
    acceptor_.join();
    for (auto& connection : connections_) {
        connection.join();
    }
}

std::string LoopbackServer::readUntil(int fd, const std::string& end) {
    std::string received;
    char byte = 0;
    while (received.find(end) == std::string::npos && ::read(fd, &byte, 1) == 1) {
        received += byte;
    }
    return received;
}

void LoopbackServer::writeAll(int fd, const std::string& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        const auto n = ::write(fd, bytes.data() + sent, bytes.size() - sent);
        if (n <= 0) {
            return;
        }
        sent += static_cast<std::size_t>(n);
    }
}

std::uint16_t LoopbackServer::closedPort() {
    std::uint16_t port = 0;
    const int fd = bindLoopback(port);
    ::close(fd);
    return port;
}

}  // namespace sbx::test
