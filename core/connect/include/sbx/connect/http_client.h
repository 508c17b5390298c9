#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "sbx/common/result.h"
#include "sbx/connect/connection_profile.h"

namespace sbx::connect {

struct HttpResponse {
    unsigned status = 0;
    std::map<std::string, std::string> headers;  // names lower-cased
    std::string body;
};

// HTTP(S) requests to a broker's monitoring or management endpoint (RabbitMQ management,
// NATS /varz), one connection per request, basic auth when a user name is set. Transport
// failures are classified like NetworkStream's; HTTP 401 becomes Unauthenticated and 403
// PermissionDenied with the server's own words appended. Other statuses are returned.
class HttpClient {
public:
    struct Options {
        std::string host;
        std::uint16_t port = 0;
        TlsSettings tls;
        std::string username;
        std::string password;
        std::chrono::milliseconds timeout{5000};
        std::size_t maxBodyBytes = 64U << 20;
    };

    explicit HttpClient(Options options) : options_(std::move(options)) {}

    Result<HttpResponse> request(std::string_view method, std::string_view target,
                                 std::string_view body = {},
                                 std::string_view contentType = "application/json") const;
    Result<HttpResponse> get(std::string_view target) const { return request("GET", target); }

    [[nodiscard]] const Options& options() const { return options_; }

private:
    Options options_;
};

// Percent-encodes one path segment ("/" in a vhost name becomes %2F, as RabbitMQ wants).
[[nodiscard]] std::string encodePathSegment(std::string_view segment);

}  // namespace sbx::connect
