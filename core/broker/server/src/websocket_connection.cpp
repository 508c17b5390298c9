// MQTT over WebSocket (MQTT 5 §6): binary frames, subprotocol "mqtt", any path. The
// frames are a byte stream to MQTT: a packet may span frames and a frame may hold many.
#include <boost/asio/bind_executor.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/websocket.hpp>

#include "asio_connection.h"
#include "broker_context.h"

namespace sbx::broker {

namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using boost::asio::ip::tcp;

class WebSocketConnection final : public AsioConnection {
public:
    WebSocketConnection(BrokerContext& context, Strand strand, tcp::socket socket)
        : AsioConnection(context, std::move(strand), describePeer(socket)),
          ws_(std::move(socket)) {}

protected:
    void startTransport() override {
        http::async_read(
            ws_.next_layer(), handshakeBuffer_, request_,
            boost::asio::bind_executor(strand_, [self = shared_from_this(), this](
                                                    const beast::error_code& error, std::size_t) {
                if (error || !websocket::is_upgrade(request_)) {
                    finish();
                    return;
                }
                accept();
            }));
    }

    void readSome() override {
        ws_.async_read(
            frames_,
            boost::asio::bind_executor(strand_, [self = shared_from_this(), this](
                                                    const beast::error_code& error, std::size_t) {
                if (error) {
                    finish();
                    return;
                }
                // Take the bytes out before the next read reuses the buffer.
                const auto data = frames_.data();
                const auto* begin = static_cast<const std::uint8_t*>(data.data());
                chunk_.assign(begin, begin + data.size());
                frames_.consume(frames_.size());
                onReceived(chunk_.data(), chunk_.size());
            }));
    }

    void writeBytes(const std::vector<std::uint8_t>& bytes) override {
        ws_.async_write(
            boost::asio::buffer(bytes),
            boost::asio::bind_executor(
                strand_, [self = shared_from_this(), this](const beast::error_code& error,
                                                           std::size_t) { onWritten(!error); }));
    }

    void closeTransport() override {
        beast::error_code ignored;
        ws_.next_layer().socket().shutdown(tcp::socket::shutdown_both, ignored);
        ws_.next_layer().socket().close(ignored);
    }

private:
    void accept() {
        const bool wantsMqtt =
            request_[http::field::sec_websocket_protocol].find("mqtt") != beast::string_view::npos;
        ws_.binary(true);
        // One WebSocket message never needs to exceed the largest MQTT packet we accept.
        ws_.read_message_max(context_.config.limits.maxPacketSize + 16);
        ws_.set_option(websocket::stream_base::decorator([wantsMqtt](websocket::response_type& r) {
            if (wantsMqtt) {
                r.set(http::field::sec_websocket_protocol, "mqtt");
            }
            r.set(http::field::server, "signalbox");
        }));
        ws_.async_accept(
            request_, boost::asio::bind_executor(strand_, [self = shared_from_this(),
                                                           this](const beast::error_code& error) {
                if (error) {
                    finish();
                    return;
                }
                beginProtocol();
            }));
    }

    websocket::stream<beast::tcp_stream> ws_;
    beast::flat_buffer handshakeBuffer_;
    http::request<http::string_body> request_;
    beast::flat_buffer frames_;
    std::vector<std::uint8_t> chunk_;
};

}  // namespace

std::shared_ptr<AsioConnection> makeWebSocketConnection(BrokerContext& context, Strand strand,
                                                        tcp::socket socket) {
    return std::make_shared<WebSocketConnection>(context, std::move(strand), std::move(socket));
}

}  // namespace sbx::broker
