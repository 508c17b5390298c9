#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "asio_connection.h"
#include "sbx/common/result.h"

namespace sbx::broker {

// Live connections, so shutdown can close every one of them.
class ConnectionTracker {
public:
    void add(const std::shared_ptr<AsioConnection>& connection);
    void abortAll();
    [[nodiscard]] std::size_t openCount();

private:
    std::mutex mutex_;
    std::vector<std::weak_ptr<AsioConnection>> connections_;
};

// Accepts sockets on one address and hands each to a new connection on its own strand.
class Listener {
public:
    using Factory =
        std::function<std::shared_ptr<AsioConnection>(Strand, boost::asio::ip::tcp::socket)>;

    static Result<std::unique_ptr<Listener>> open(boost::asio::io_context& io,
                                                  const std::string& address, std::uint16_t port,
                                                  Factory factory, ConnectionTracker& tracker,
                                                  std::uint32_t maxSockets);
    void start();
    void stop();
    [[nodiscard]] std::uint16_t port() const { return port_; }

private:
    Listener(boost::asio::io_context& io, Factory factory, ConnectionTracker& tracker,
             std::uint32_t maxSockets);
    void acceptNext();

    boost::asio::io_context& io_;
    boost::asio::ip::tcp::acceptor acceptor_;
    Factory factory_;
    ConnectionTracker& tracker_;
    std::uint32_t maxSockets_;
    std::uint16_t port_ = 0;
};

}  // namespace sbx::broker
