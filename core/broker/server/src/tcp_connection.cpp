// MQTT or AMQP over plain TCP.
#include <array>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>

#include "asio_connection.h"

namespace sbx::broker {

namespace {

using boost::asio::ip::tcp;

class TcpConnection final : public AsioConnection {
public:
    TcpConnection(BrokerContext& context, Strand strand, tcp::socket socket,
                  WireProtocol wireProtocol)
        : AsioConnection(context, std::move(strand), describePeer(socket), wireProtocol),
          socket_(std::move(socket)) {
        boost::system::error_code ignored;
        socket_.set_option(tcp::no_delay(true), ignored);
    }

protected:
    void startTransport() override { beginProtocol(); }

    void readSome() override {
        socket_.async_read_some(
            boost::asio::buffer(buffer_),
            boost::asio::bind_executor(
                strand_, [self = shared_from_this(), this](const boost::system::error_code& error,
                                                           std::size_t size) {
                    if (error) {
                        finish();
                        return;
                    }
                    onReceived(buffer_.data(), size);
                }));
    }

    void writeBytes(const std::vector<std::uint8_t>& bytes) override {
        boost::asio::async_write(
            socket_, boost::asio::buffer(bytes),
            boost::asio::bind_executor(
                strand_, [self = shared_from_this(), this](const boost::system::error_code& error,
                                                           std::size_t) { onWritten(!error); }));
    }

    void closeTransport() override {
        boost::system::error_code ignored;
        socket_.shutdown(tcp::socket::shutdown_both, ignored);
        socket_.close(ignored);
    }

private:
    tcp::socket socket_;
    std::array<std::uint8_t, std::size_t{64} * 1024> buffer_{};
};

}  // namespace

std::string describePeer(const tcp::socket& socket) {
    boost::system::error_code ec;
    const auto endpoint = socket.remote_endpoint(ec);
    return ec ? std::string("unknown peer")
              : endpoint.address().to_string() + ":" + std::to_string(endpoint.port());
}

std::shared_ptr<AsioConnection> makeTcpConnection(BrokerContext& context, Strand strand,
                                                  tcp::socket socket, WireProtocol wireProtocol) {
    return std::make_shared<TcpConnection>(context, std::move(strand), std::move(socket),
                                           wireProtocol);
}

}  // namespace sbx::broker
