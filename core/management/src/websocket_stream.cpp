#include "websocket_stream.h"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <condition_variable>
#include <future>
#include <mutex>
#include <optional>

#include "api_error.h"

namespace sbx::management {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using asio::ip::tcp;

struct WebSocketStream::Impl {
    Impl(HttpTarget t, std::string p, TextHandler handler, std::atomic<bool>& isConnected)
        : target(std::move(t)),
          path(std::move(p)),
          onText(std::move(handler)),
          connected(isConnected),
          work(io.get_executor()),
          resolver(io),
          retry(io) {}

    void connect() {
        ws.emplace(io);
        resolver.async_resolve(
            target.host, std::to_string(target.port),
            [this](const beast::error_code& error, const tcp::resolver::results_type& results) {
                if (error) {
                    failed(unreachable(error));
                    return;
                }
                beast::get_lowest_layer(*ws).expires_after(target.timeout);
                beast::get_lowest_layer(*ws).async_connect(
                    results, [this](const beast::error_code& e, const auto&) {
                        if (e) {
                            failed(unreachable(e));
                            return;
                        }
                        handshake();
                    });
            });
    }

    void handshake() {
        response.emplace();
        ws->async_handshake(
            *response, target.describe(), path, [this](const beast::error_code& error) {
                if (error) {
                    failed(refused(error));
                    return;
                }
                beast::get_lowest_layer(*ws).expires_never();
                ws->set_option(
                    websocket::stream_base::timeout::suggested(beast::role_type::client));
                ws->read_message_max(256U * 1024U * 1024U);
                connected = true;
                settleFirstAttempt({});
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
            onText(beast::buffers_to_string(buffer.data()));
            buffer.consume(buffer.size());
            read();
        });
    }

    Error unreachable(const beast::error_code& error) const {
        return Error{ErrorCode::Unavailable,
                     "cannot reach " + target.describe() + ": " + error.message()};
    }

    // The server answered the upgrade with an error response: its own error, as every
    // other call of the API reports it.
    Error refused(const beast::error_code& error) const {
        if (error == websocket::error::upgrade_declined && response) {
            return errorFromResponse(response->result_int(), response->body());
        }
        return Error{ErrorCode::Unavailable,
                     "cannot open ws://" + target.describe() + path + ": " + error.message()};
    }

    void failed(const Error& error) {
        settleFirstAttempt(error);
        again();
    }

    void settleFirstAttempt(Status status) {
        std::lock_guard lock(firstMutex);
        if (!firstAttempt) {
            firstAttempt = std::move(status);
            firstSettled.notify_all();
        }
    }

    void again() {
        if (closing) {
            return;
        }
        retry.expires_after(std::chrono::seconds(1));
        retry.async_wait([this](const beast::error_code& error) {
            if (!error && !closing) {
                connect();
            }
        });
    }

    // On the stream's thread: a close frame when open, then the io_context stops.
    void close(const std::shared_ptr<std::promise<void>>& done) {
        if (closing) {
            done->set_value();
            return;
        }
        closing = true;
        retry.cancel();
        resolver.cancel();
        if (!ws || !connected) {
            done->set_value();
            return;
        }
        ws->async_close(websocket::close_code::normal,
                        [done](const beast::error_code&) { done->set_value(); });
    }

    HttpTarget target;
    std::string path;
    TextHandler onText;
    std::atomic<bool>& connected;
    bool closing = false;  // the stream's thread only
    asio::io_context io;
    // Keeps io.run() going once the stream closed, so the destructor's close always runs.
    asio::executor_work_guard<asio::io_context::executor_type> work;
    tcp::resolver resolver;
    asio::steady_timer retry;
    std::optional<websocket::stream<beast::tcp_stream>> ws;
    std::optional<websocket::response_type> response;
    beast::flat_buffer buffer;

    std::mutex firstMutex;
    std::condition_variable firstSettled;
    std::optional<Status> firstAttempt;
};

WebSocketStream::WebSocketStream(HttpTarget target, std::string path, TextHandler onText)
    : impl_(std::make_unique<Impl>(std::move(target), std::move(path), std::move(onText),
                                   connected_)) {
    impl_->connect();
    thread_ = std::thread([this] { impl_->io.run(); });
}

WebSocketStream::~WebSocketStream() {
    // A server that does not answer the close frame in time is simply cut off.
    auto done = std::make_shared<std::promise<void>>();
    auto closed = done->get_future();
    asio::post(impl_->io, [this, done] { impl_->close(done); });
    closed.wait_for(std::chrono::seconds(1));
    impl_->io.stop();
    thread_.join();
}

void WebSocketStream::closeSoon() {
    asio::post(impl_->io, [this] { impl_->close(std::make_shared<std::promise<void>>()); });
}

Status WebSocketStream::waitForFirstAttempt(std::chrono::milliseconds timeout) {
    std::unique_lock lock(impl_->firstMutex);
    if (!impl_->firstSettled.wait_for(lock, timeout,
                                      [this] { return impl_->firstAttempt.has_value(); })) {
        return Error{ErrorCode::Timeout, "no answer from " + impl_->target.describe() + " within " +
                                             std::to_string(timeout.count()) + " ms"};
    }
    return *impl_->firstAttempt;
}

bool WebSocketStream::onStreamThread() const {
    return std::this_thread::get_id() == thread_.get_id();
}

}  // namespace sbx::management
