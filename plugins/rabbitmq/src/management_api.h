#pragma once

#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "sbx/common/result.h"
#include "sbx/connect/connection_profile.h"
#include "sbx/connect/http_client.h"

namespace sbx::rabbitmq {

// RabbitMQ's management HTTP API (rabbitmq_management): JSON in and out, and its failures
// in words a user can act on: a wrong password, a missing user tag (and which one), no
// permissions on a vhost, the management plugin not enabled.
class ManagementApi {
public:
    struct Options {
        connect::HttpClient::Options http;
        // Where AMQP listens, to tell "the broker is down" from "only the management plugin
        // is missing" when the management port refuses.
        std::uint16_t amqpPort = 5672;
        connect::TlsSettings amqpTls;
    };

    explicit ManagementApi(Options options);

    // `what` names the object for a 404 ("queue 'q' in vhost '/'").
    Result<nlohmann::json> get(std::string_view target, std::string_view what = {}) const;
    // PUT/POST/DELETE; the answer's JSON body (null when empty).
    Result<nlohmann::json> send(std::string_view method, std::string_view target,
                                const nlohmann::json& body, std::string_view what = {}) const;

    // "host:port" of the management API.
    [[nodiscard]] std::string where() const;
    [[nodiscard]] const std::string& user() const { return options_.http.username; }

private:
    Error explain(const Error& error, std::string_view target) const;
    Error statusError(const connect::HttpResponse& response, std::string_view method,
                      std::string_view target, std::string_view what) const;
    Result<nlohmann::json> parse(const connect::HttpResponse& response) const;

    Options options_;
    connect::HttpClient http_;
};

// The text of `reason` in a management API error body ({"error":..,"reason":..}).
[[nodiscard]] std::string errorReason(std::string_view body);

}  // namespace sbx::rabbitmq
