#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <thread>
#include <vector>

namespace sbx::test {

// A TCP server on a free 127.0.0.1 port that runs `handler` with each accepted socket on
// a thread of its own (the handler owns the fd's conversation; the server closes it).
class LoopbackServer {
public:
    using Handler = std::function<void(int fd)>;
    explicit LoopbackServer(Handler handler);
    ~LoopbackServer();

    [[nodiscard]] std::uint16_t port() const { return port_; }

    static std::string readUntil(int fd, const std::string& end);
    static void writeAll(int fd, const std::string& bytes);
    // A port nothing listens on (bound, then closed again).
    static std::uint16_t closedPort();

private:
    Handler handler_;
    int listener_ = -1;
    std::uint16_t port_ = 0;
    std::atomic<bool> stopping_{false};
    std::thread acceptor_;
    std::vector<std::thread> connections_;
};

}  // namespace sbx::test
