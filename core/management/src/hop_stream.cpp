#include "hop_stream.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <optional>

#include "sbx/management/json_mapping.h"

namespace sbx::management {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using asio::ip::tcp;

struct HopStream::Impl {
    Impl(HttpTarget t, BatchHandler handler, std::atomic<bool>& isConnected)
        : target(std::move(t)),
          onBatch(std::move(handler)),
          connected(isConnected),
          resolver(io),
          retry(io) {}

    void connect() {
        ws.emplace(io);
        resolver.async_resolve(
            target.host, std::to_string(target.port),
            [this](const beast::error_code& error, const tcp::resolver::results_type& results) {
                if (error) {
                    again();
                    return;
                }
                beast::get_lowest_layer(*ws).expires_after(target.timeout);
                beast::get_lowest_layer(*ws).async_connect(
                    results, [this](const beast::error_code& e, const auto&) {
                        if (e) {
                            again();
                            return;
                        }
                        handshake();
                    });
            });
    }

    void handshake() {
        ws->async_handshake(target.describe(), "/api/v1/events?snapshots=0",
                            [this](const beast::error_code& error) {
                                if (error) {
                                    again();
                                    return;
                                }
                                beast::get_lowest_layer(*ws).expires_never();
                                ws->set_option(websocket::stream_base::timeout::suggested(
                                    beast::role_type::client));
                                ws->read_message_max(256U * 1024U * 1024U);
                                connected = true;
                                read();
                            });
    }

    void read() {
        ws->async_read(buffer, [this](const beast::error_code& error, std::size_t) {
            if (error) {
                connected = false;
                again();
                return;
            }
            deliver(beast::buffers_to_string(buffer.data()));
            buffer.consume(buffer.size());
            read();
        });
    }

    void deliver(const std::string& text) {
        auto json = parseJson(text);
        if (!json || !json->is_object() || json->value("type", "") != "hops") {
            return;
        }
        auto events = fromJson<std::vector<observe::HopEvent>>((*json)["events"]);
        if (events && !events->empty()) {
            onBatch(*events);
        }
    }

    void again() {
        retry.expires_after(std::chrono::seconds(1));
        retry.async_wait([this](const beast::error_code& error) {
            if (!error) {
                connect();
            }
        });
    }

    HttpTarget target;
    BatchHandler onBatch;
    std::atomic<bool>& connected;
    asio::io_context io;
    tcp::resolver resolver;
    asio::steady_timer retry;
    std::optional<websocket::stream<beast::tcp_stream>> ws;
    beast::flat_buffer buffer;
};

HopStream::HopStream(HttpTarget target, BatchHandler onBatch)
    : impl_(std::make_unique<Impl>(std::move(target), std::move(onBatch), connected_)) {
    impl_->connect();
    thread_ = std::thread([this] { impl_->io.run(); });
}

HopStream::~HopStream() {
    impl_->io.stop();
    thread_.join();
}

bool HopStream::onStreamThread() const {
    return std::this_thread::get_id() == thread_.get_id();
}

}  // namespace sbx::management
