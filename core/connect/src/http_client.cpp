#include "sbx/connect/http_client.h"

#include <boost/beast/core/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <cctype>

#include "sbx/connect/network_stream.h"

namespace sbx::connect {

namespace http = boost::beast::http;

namespace {

const char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64(std::string_view in) {
    std::string out;
    std::size_t i = 0;
    for (; i + 2 < in.size(); i += 3) {
        const unsigned n = (static_cast<unsigned char>(in[i]) << 16U) |
                           (static_cast<unsigned char>(in[i + 1]) << 8U) |
                           static_cast<unsigned char>(in[i + 2]);
        out += kBase64[(n >> 18U) & 63U];
        out += kBase64[(n >> 12U) & 63U];
        out += kBase64[(n >> 6U) & 63U];
        out += kBase64[n & 63U];
    }
    if (i + 1 == in.size()) {
        const unsigned n = static_cast<unsigned char>(in[i]) << 16U;
        out += kBase64[(n >> 18U) & 63U];
        out += kBase64[(n >> 12U) & 63U];
        out += "==";
    } else if (i + 2 == in.size()) {
        const unsigned n = (static_cast<unsigned char>(in[i]) << 16U) |
                           (static_cast<unsigned char>(in[i + 1]) << 8U);
        out += kBase64[(n >> 18U) & 63U];
        out += kBase64[(n >> 12U) & 63U];
        out += kBase64[(n >> 6U) & 63U];
        out += '=';
    }
    return out;
}

std::string requestText(const HttpClient::Options& options, std::string_view method,
                        std::string_view target, std::string_view body,
                        std::string_view contentType) {
    std::string text;
    text.reserve(256 + body.size());
    text.append(method).append(" ").append(target).append(" HTTP/1.1\r\n");
    text.append("Host: ").append(options.host).append(":").append(std::to_string(options.port));
    // "*/*" too: RabbitMQ answers 406 to DELETE .../contents (no body) when only JSON is
    // acceptable.
    text.append(
        "\r\nUser-Agent: Signalbox\r\nAccept: application/json, */*\r\nConnection: close\r\n");
    if (!options.username.empty()) {
        text.append("Authorization: Basic ")
            .append(base64(options.username + ":" + options.password))
            .append("\r\n");
    }
    if (!body.empty() || method == "PUT" || method == "POST") {
        text.append("Content-Type: ").append(contentType).append("\r\n");
        text.append("Content-Length: ").append(std::to_string(body.size())).append("\r\n");
    }
    text.append("\r\n").append(body);
    return text;
}

std::string shortBody(const std::string& body) {
    std::string text = body.substr(0, 300);
    for (char& c : text) {
        if (c == '\n' || c == '\r') {
            c = ' ';
        }
    }
    return text;
}

Result<HttpResponse> readResponse(NetworkStream& stream, const HttpClient::Options& options) {
    http::response_parser<http::string_body> parser;
    parser.body_limit(options.maxBodyBytes);
    parser.eager(true);
    const auto deadline = std::chrono::steady_clock::now() + options.timeout;
    std::string pending;
    bool eof = false;
    for (;;) {
        if (!pending.empty()) {
            boost::beast::error_code ec;
            const std::size_t used = parser.put(boost::asio::buffer(pending), ec);
            pending.erase(0, used);
            if (ec && ec != http::error::need_more) {
                return Error{ErrorCode::ParseError, "the answer from " + stream.peer() +
                                                        " is not valid HTTP: " + ec.message()};
            }
            if (parser.is_done()) {
                break;
            }
            if (!ec && used > 0 && !pending.empty()) {
                continue;  // the header was taken; the body follows in `pending`
            }
        }
        if (eof) {
            boost::beast::error_code ec;
            parser.put_eof(ec);
            if (ec || !parser.is_done()) {
                return Error{ErrorCode::Unavailable,
                             stream.peer() + " closed the connection in the middle of an answer"};
            }
            break;
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        auto read = stream.readSome(pending, std::max(left, std::chrono::milliseconds(1)));
        if (!read) {
            if (read.error().code != ErrorCode::Unavailable) {
                return read.error();
            }
            eof = true;
        }
    }
    auto message = parser.release();
    HttpResponse response;
    response.status = message.result_int();
    for (const auto& field : message) {
        std::string name(field.name_string());
        for (char& c : name) {
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        response.headers[name] = std::string(field.value());
    }
    response.body = std::move(message.body());
    return response;
}

}  // namespace

Result<HttpResponse> HttpClient::request(std::string_view method, std::string_view target,
                                         std::string_view body,
                                         std::string_view contentType) const {
    auto stream =
        NetworkStream::connect(options_.host, options_.port, options_.tls, options_.timeout);
    if (!stream) {
        return stream.error();
    }
    auto& connection = **stream;
    if (auto sent = connection.write(requestText(options_, method, target, body, contentType),
                                     options_.timeout);
        !sent) {
        return sent.error();
    }
    auto response = readResponse(connection, options_);
    if (!response) {
        return response;
    }
    if (response->status == 401) {
        return Error{ErrorCode::Unauthenticated,
                     connection.peer() + " refused the user name or password (HTTP 401): " +
                         shortBody(response->body)};
    }
    if (response->status == 403) {
        return Error{ErrorCode::PermissionDenied, "user '" + options_.username +
                                                      "' may not do this on " + connection.peer() +
                                                      " (HTTP 403): " + shortBody(response->body)};
    }
    return response;
}

std::string encodePathSegment(std::string_view segment) {
    static const char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : segment) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += c;
        } else {
            out += '%';
            out += kHex[byte >> 4U];
            out += kHex[byte & 15U];
        }
    }
    return out;
}

}  // namespace sbx::connect
