#include "http_session.h"

#include <boost/asio/post.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket/rfc6455.hpp>
#include <memory>
#include <optional>
#include <vector>

#include "api_error.h"
#include "api_handler.h"
#include "event_hub.h"
#include "events_session.h"
#include "live_tail_session.h"
#include "live_tails.h"
#include "route.h"

namespace sbx::management {

namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;

class HttpSession : public std::enable_shared_from_this<HttpSession> {
public:
    HttpSession(boost::asio::ip::tcp::socket socket, const SessionSettings& settings)
        : stream_(std::move(socket)), settings_(settings) {}

    void readRequest() {
        parser_.emplace();
        parser_->body_limit(settings_.maxBodyBytes);
        stream_.expires_after(settings_.idleTimeout);
        http::async_read(stream_, buffer_, *parser_,
                         [self = shared_from_this()](const beast::error_code& error, std::size_t) {
                             self->onRead(error);
                         });
    }

private:
    void onRead(const beast::error_code& error) {
        if (error == http::error::body_limit) {
            // The rest of the body is still on the wire: answer, then close.
            Response response{http::status::payload_too_large, 11};
            response.set(http::field::content_type, "application/json");
            response.body() =
                errorBody("payload_too_large",
                          "the body exceeds " + std::to_string(settings_.maxBodyBytes) + " bytes");
            response.keep_alive(false);
            write(std::move(response));
            return;
        }
        if (error) {
            close();
            return;
        }
        Request request = parser_->release();
        if (websocket::is_upgrade(request)) {
            upgrade(std::move(request));
            return;
        }
        handle(std::move(request));
    }

    void upgrade(Request request) {
        auto route = matchRoute(std::string(request.target()));
        if (route && route->endpoint == Endpoint::LiveMessages) {
            tail(std::move(request), *route);
            return;
        }
        if (!route || route->endpoint != Endpoint::Events) {
            refuse(request.version(), Error{ErrorCode::NotFound,
                                            "WebSockets are served at /api/v1/events and "
                                            "/api/v1/messages/live"});
            return;
        }
        const auto flag = [&](const char* key) {
            const auto found = route->query.find(key);
            return found == route->query.end() ||
                   (found->second != "0" && found->second != "false");
        };
        auto session = std::make_shared<EventsSession>(std::move(stream_), settings_.hub,
                                                       settings_.maxQueuedEventBytes, flag("hops"),
                                                       flag("snapshots"));
        session->accept(std::move(request));
    }

    void tail(Request request, const Route& route) {
        auto watch = liveWatchOf(route);
        if (!watch) {
            refuse(request.version(), watch.error());
            return;
        }
        auto session = std::make_shared<LiveTailSession>(std::move(stream_), settings_.live,
                                                         settings_.maxQueuedEventBytes);
        session->start(std::move(request), std::move(*watch));
    }

    // An upgrade that will not happen: the error as JSON, then the connection closes.
    void refuse(unsigned version, const Error& error) {
        const auto status = httpErrorFor(error);
        Response response{static_cast<http::status>(status.status), version};
        response.set(http::field::server, "signalbox");
        response.set(http::field::content_type, "application/json");
        response.body() = errorBody(status.code, error.message);
        response.keep_alive(false);
        response.prepare_payload();
        write(std::move(response));
    }

    void handle(Request request) {
        const bool keepAlive = request.keep_alive();
        const unsigned version = request.version();
        const bool head = request.method() == http::verb::head;
        ApiRequest api{std::string(request.method_string()), std::string(request.target()),
                       std::move(request.body())};
        // The source may block; the socket's strand must not.
        boost::asio::post(settings_.workers, [self = shared_from_this(), api = std::move(api),
                                              keepAlive, version, head] {
            auto answer = self->settings_.handler.handle(api);
            boost::asio::post(self->stream_.get_executor(),
                              [self, answer = std::move(answer), keepAlive, version, head] {
                                  self->write(toResponse(answer, keepAlive, version, head));
                              });
        });
    }

    static Response toResponse(const ApiResponse& answer, bool keepAlive, unsigned version,
                               bool head) {
        Response response{static_cast<http::status>(answer.status), version};
        response.set(http::field::server, "signalbox");
        if (!answer.body.empty()) {
            response.set(http::field::content_type, answer.contentType);
        }
        if (!answer.allow.empty()) {
            response.set(http::field::allow, answer.allow);
        }
        response.keep_alive(keepAlive);
        response.body() = answer.body;
        response.prepare_payload();
        if (head) {
            response.body().clear();  // Content-Length stays that of the GET
        }
        return response;
    }

    void write(Response response) {
        response_ = std::make_shared<Response>(std::move(response));
        http::async_write(stream_, *response_,
                          [self = shared_from_this()](const beast::error_code& error, std::size_t) {
                              if (error) {
                                  self->close();
                                  return;
                              }
                              if (!self->response_->keep_alive()) {
                                  self->lingerThenClose();
                                  return;
                              }
                              self->response_.reset();
                              self->readRequest();
                          });
    }

    // Closing with unread input makes the kernel send RST, which can destroy the answer
    // before the client reads it (a 413 sent while the body still arrives). So: stop
    // sending, read and discard for a moment, then close.
    void lingerThenClose() {
        beast::error_code ignored;
        stream_.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_send, ignored);
        stream_.expires_after(std::chrono::seconds(2));
        discard_.resize(64U * 1024U);
        drain();
    }

    void drain() {
        stream_.async_read_some(
            boost::asio::buffer(discard_),
            [self = shared_from_this()](const beast::error_code& error, std::size_t) {
                if (error) {
                    self->close();
                    return;
                }
                self->drain();
            });
    }

    void close() {
        beast::error_code ignored;
        stream_.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_send, ignored);
        stream_.socket().close(ignored);
    }

    beast::tcp_stream stream_;
    const SessionSettings& settings_;
    beast::flat_buffer buffer_;
    std::optional<http::request_parser<http::string_body>> parser_;
    std::shared_ptr<Response> response_;
    std::vector<char> discard_;
};

}  // namespace

void serveConnection(boost::asio::ip::tcp::socket socket, const SessionSettings& settings) {
    std::make_shared<HttpSession>(std::move(socket), settings)->readRequest();
}

}  // namespace sbx::management
