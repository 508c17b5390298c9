#pragma once

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <string>

namespace sbx::management::test {

namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = boost::asio::ip::tcp;

// A plain Beast client holding one connection, for keep-alive and WebSocket tests.
class TestConnection {
public:
    explicit TestConnection(std::uint16_t port) : stream_(io_) {
        stream_.connect(tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port));
    }

    http::response<http::string_body> request(http::verb method, const std::string& target,
                                              const std::string& body = {}) {
        http::request<http::string_body> req{method, target, 11};
        req.set(http::field::host, "127.0.0.1");
        req.keep_alive(true);
        req.body() = body;
        req.prepare_payload();
        http::write(stream_, req);
        http::response_parser<http::string_body> parser;
        parser.skip(method == http::verb::head);  // a HEAD answer has a length but no body
        http::read(stream_, buffer_, parser);
        return parser.release();
    }

    beast::tcp_stream& stream() { return stream_; }

private:
    boost::asio::io_context io_;
    beast::tcp_stream stream_;
    beast::flat_buffer buffer_;
};

class TestWebSocket {
public:
    TestWebSocket(std::uint16_t port, const std::string& target) : ws_(io_) {
        beast::get_lowest_layer(ws_).connect(
            tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port));
        ws_.handshake("127.0.0.1", target);
    }

    std::string read() {
        buffer_.consume(buffer_.size());
        ws_.read(buffer_);
        return beast::buffers_to_string(buffer_.data());
    }

    websocket::stream<beast::tcp_stream>& ws() { return ws_; }

private:
    boost::asio::io_context io_;
    websocket::stream<beast::tcp_stream> ws_;
    beast::flat_buffer buffer_;
};

}  // namespace sbx::management::test
