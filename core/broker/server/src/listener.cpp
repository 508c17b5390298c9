#include "listener.h"

#include <boost/asio/strand.hpp>

namespace sbx::broker {

using boost::asio::ip::tcp;

void ConnectionTracker::add(const std::shared_ptr<AsioConnection>& connection) {
    std::lock_guard lock(mutex_);
    if (connections_.size() % 256 == 255) {
        std::erase_if(connections_, [](const auto& weak) { return weak.expired(); });
    }
    connections_.push_back(connection);
}

void ConnectionTracker::abortAll() {
    std::lock_guard lock(mutex_);
    for (const auto& weak : connections_) {
        if (auto connection = weak.lock()) {
            connection->abort();
        }
    }
    connections_.clear();
}

std::size_t ConnectionTracker::openCount() {
    std::lock_guard lock(mutex_);
    std::erase_if(connections_, [](const auto& weak) { return weak.expired(); });
    return connections_.size();
}

Listener::Listener(boost::asio::io_context& io, Factory factory, ConnectionTracker& tracker,
                   std::uint32_t maxSockets)
    : io_(io),
      acceptor_(io),
      factory_(std::move(factory)),
      tracker_(tracker),
      maxSockets_(maxSockets) {}

Result<std::unique_ptr<Listener>> Listener::open(boost::asio::io_context& io,
                                                 const std::string& address, std::uint16_t port,
                                                 Factory factory, ConnectionTracker& tracker,
                                                 std::uint32_t maxSockets) {
    std::unique_ptr<Listener> listener(new Listener(io, std::move(factory), tracker, maxSockets));
    boost::system::error_code ec;
    const auto ip = boost::asio::ip::make_address(address, ec);
    if (ec) {
        return Error{ErrorCode::InvalidArgument, "\"" + address + "\" is not an IP address"};
    }
    const tcp::endpoint endpoint(ip, port);
    const auto where = address + ":" + std::to_string(port);
    auto& acceptor = listener->acceptor_;
    acceptor.open(endpoint.protocol(), ec);
    if (!ec) {
        acceptor.set_option(tcp::acceptor::reuse_address(true), ec);
    }
    if (!ec) {
        acceptor.bind(endpoint, ec);
    }
    if (!ec) {
        acceptor.listen(boost::asio::socket_base::max_listen_connections, ec);
    }
    if (ec) {
        return Error{ErrorCode::IoError, "cannot listen on " + where + ": " + ec.message()};
    }
    listener->port_ = acceptor.local_endpoint().port();
    return listener;
}

void Listener::start() {
    acceptNext();
}

void Listener::stop() {
    boost::system::error_code ignored;
    acceptor_.close(ignored);
}

void Listener::acceptNext() {
    acceptor_.async_accept([this](const boost::system::error_code& error, tcp::socket socket) {
        if (error == boost::asio::error::operation_aborted || !acceptor_.is_open()) {
            return;
        }
        if (!error) {
            // A hard ceiling on sockets; the MQTT-level limit answers with CONNACK.
            if (tracker_.openCount() >= maxSockets_) {
                boost::system::error_code ignored;
                socket.close(ignored);
            } else {
                auto connection = factory_(boost::asio::make_strand(io_), std::move(socket));
                tracker_.add(connection);
                connection->start();
            }
        }
        acceptNext();
    });
}

}  // namespace sbx::broker
