#include "http_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cctype>
#include <optional>

namespace sbx::management {

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using asio::ip::tcp;

// Larger than any answer the server sends (a snapshot of a big broker).
constexpr std::uint64_t kMaxReplyBytes = 512ULL * 1024ULL * 1024ULL;

std::string lowerFirst(std::string text) {
    if (!text.empty()) {
        text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
    }
    return text;
}

class Exchange {
public:
    Exchange(const HttpTarget& target, std::string_view method, std::string_view path,
             std::string_view body)
        : target_(target), resolver_(io_), stream_(io_) {
        request_.method_string(beast::string_view(method.data(), method.size()));
        request_.target(beast::string_view(path.data(), path.size()));
        request_.version(11);
        request_.set(http::field::host, target.describe());
        request_.set(http::field::user_agent, "signalbox");
        request_.keep_alive(false);
        if (!body.empty()) {
            request_.set(http::field::content_type, "application/json");
            request_.body() = std::string(body);
        }
        request_.prepare_payload();
        parser_.body_limit(kMaxReplyBytes);
    }

    Result<HttpReply> run() {
        const auto deadline = std::chrono::steady_clock::now() + target_.timeout;
        resolver_.async_resolve(target_.host, std::to_string(target_.port),
                                [this](const beast::error_code& e, tcp::resolver::results_type r) {
                                    onResolved(e, std::move(r));
                                });
        io_.run_until(deadline);
        if (!done_) {
            return Error{ErrorCode::Timeout, "no answer from " + target_.describe() + " within " +
                                                 std::to_string(target_.timeout.count()) + " ms"};
        }
        if (error_) {
            return *error_;
        }
        return HttpReply{static_cast<unsigned>(parser_.get().result_int()),
                         std::move(parser_.get().body())};
    }

private:
    void fail(std::string_view stage, const beast::error_code& error) {
        done_ = true;
        const auto reason =
            error == beast::error::timeout ? std::string("timed out") : lowerFirst(error.message());
        // Unavailable / Timeout: the broker is not there (connect::ReconnectingSource retries).
        error_ = Error{error == beast::error::timeout ? ErrorCode::Timeout : ErrorCode::Unavailable,
                       std::string(stage) + " " + target_.describe() + ": " + reason};
    }

    void onResolved(const beast::error_code& error, const tcp::resolver::results_type& results) {
        if (error) {
            fail("cannot resolve", error);
            return;
        }
        stream_.expires_after(target_.timeout);
        stream_.async_connect(results, [this](const beast::error_code& e, const auto&) {
            if (e) {
                fail("cannot reach", e);
                return;
            }
            http::async_write(stream_, request_, [this](const beast::error_code& w, std::size_t) {
                // A server may answer before the whole body is sent (413) and stop
                // reading: its answer is still worth reading.
                if (w && w != asio::error::broken_pipe && w != asio::error::connection_reset) {
                    fail("cannot send to", w);
                    return;
                }
                http::async_read(stream_, buffer_, parser_,
                                 [this](const beast::error_code& r, std::size_t) {
                                     if (r) {
                                         fail("no valid answer from", r);
                                         return;
                                     }
                                     done_ = true;
                                 });
            });
        });
    }

    const HttpTarget& target_;
    asio::io_context io_;
    tcp::resolver resolver_;
    beast::tcp_stream stream_;
    http::request<http::string_body> request_;
    http::response_parser<http::string_body> parser_;
    beast::flat_buffer buffer_;
    bool done_ = false;
    std::optional<Error> error_;
};

}  // namespace

Result<HttpReply> httpRequest(const HttpTarget& target, std::string_view method,
                              std::string_view path, std::string_view body) {
    Exchange exchange(target, method, path, body);
    return exchange.run();
}

}  // namespace sbx::management
