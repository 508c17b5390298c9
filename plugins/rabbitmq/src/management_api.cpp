#include "management_api.h"

#include "sbx/connect/network_stream.h"

namespace sbx::rabbitmq {

namespace {

constexpr std::string_view kPluginHint =
    "the management plugin is not enabled (rabbitmq-plugins enable rabbitmq_management)";

bool contains(std::string_view text, std::string_view part) {
    return text.find(part) != std::string_view::npos;
}

}  // namespace

std::string errorReason(std::string_view body) {
    auto json = nlohmann::json::parse(body, nullptr, false);
    if (json.is_object()) {
        if (auto reason = json.find("reason"); reason != json.end() && reason->is_string()) {
            return reason->get<std::string>();
        }
        if (auto error = json.find("error"); error != json.end() && error->is_string()) {
            return error->get<std::string>();
        }
    }
    return std::string(body.substr(0, 200));
}

ManagementApi::ManagementApi(Options options)
    : options_(std::move(options)), http_(options_.http) {}

std::string ManagementApi::where() const {
    return options_.http.host + ":" + std::to_string(options_.http.port);
}

Error ManagementApi::explain(const Error& error, std::string_view target) const {
    const std::string user = "user '" + options_.http.username + "'";
    const std::string& message = error.message;
    if (error.code == ErrorCode::Unauthenticated) {
        // RabbitMQ answers 401 for missing tags and vhost permissions too; the reason
        // tells them apart.
        if (contains(message, "Not management user")) {
            return {ErrorCode::PermissionDenied,
                    "RabbitMQ at " + where() + ": " + user +
                        " lacks the 'monitoring' or 'management' tag needed for the management "
                        "API ('monitoring' shows every connection; rabbitmqctl set_user_tags " +
                        options_.http.username + " monitoring)"};
        }
        if (contains(message, "Not monitor user")) {
            return {ErrorCode::PermissionDenied,
                    "RabbitMQ at " + where() + ": " + user +
                        " lacks the 'monitoring' tag needed for " + std::string(target) +
                        " (rabbitmqctl set_user_tags " + options_.http.username + " monitoring)"};
        }
        if (contains(message, "Not administrator user")) {
            return {ErrorCode::PermissionDenied, "RabbitMQ at " + where() + ": " + user +
                                                     " lacks the 'administrator' tag needed for " +
                                                     std::string(target)};
        }
        if (contains(message, "not authorised to access virtual host")) {
            return {ErrorCode::PermissionDenied,
                    "RabbitMQ at " + where() + ": " + user +
                        " has no permissions on this vhost (rabbitmqctl set_permissions)"};
        }
        return {ErrorCode::Unauthenticated,
                "RabbitMQ at " + where() + " refused " + user + ": wrong user name or password"};
    }
    if (error.code == ErrorCode::PermissionDenied) {
        return {ErrorCode::PermissionDenied,
                "RabbitMQ at " + where() + ": " + user + " may not do this: " + message};
    }
    if (error.code == ErrorCode::Unavailable && contains(message, "connection refused")) {
        // Is the broker there at all? Its AMQP port tells.
        auto amqp = connect::NetworkStream::connect(
            options_.http.host, options_.amqpPort, options_.amqpTls,
            std::min(options_.http.timeout, std::chrono::milliseconds(2000)));
        if (amqp) {
            return {ErrorCode::Unavailable, "RabbitMQ answers AMQP on " + options_.http.host + ":" +
                                                std::to_string(options_.amqpPort) +
                                                " but nothing listens on its "
                                                "management port " +
                                                where() + ": " + std::string(kPluginHint) +
                                                ", or it listens on another port"};
        }
        return {ErrorCode::Unavailable, "cannot reach RabbitMQ: " + message};
    }
    return error;
}

Error ManagementApi::statusError(const connect::HttpResponse& response, std::string_view method,
                                 std::string_view target, std::string_view what) const {
    const std::string reason = errorReason(response.body);
    if (response.status == 404) {
        const bool json = response.headers.contains("content-type") &&
                          contains(response.headers.at("content-type"), "json");
        if (!json || target.starts_with("/api/overview")) {
            return {ErrorCode::Unavailable, where() + " is not the RabbitMQ management API (" +
                                                std::string(target) +
                                                " answers 404): " + std::string(kPluginHint)};
        }
        return {ErrorCode::NotFound,
                "RabbitMQ has no " + (what.empty() ? std::string(target) : std::string(what))};
    }
    if (response.status == 400) {
        return {ErrorCode::InvalidArgument, "RabbitMQ refused " + std::string(method) + " " +
                                                std::string(target) + ": " + reason};
    }
    return {ErrorCode::Internal, "RabbitMQ answered HTTP " + std::to_string(response.status) +
                                     " to " + std::string(method) + " " + std::string(target) +
                                     ": " + reason};
}

Result<nlohmann::json> ManagementApi::parse(const connect::HttpResponse& response) const {
    if (response.body.empty()) {
        return nlohmann::json();
    }
    auto json = nlohmann::json::parse(response.body, nullptr, false);
    if (json.is_discarded()) {
        return Error{ErrorCode::ParseError,
                     "the RabbitMQ management API at " + where() + " sent no valid JSON"};
    }
    return json;
}

Result<nlohmann::json> ManagementApi::get(std::string_view target, std::string_view what) const {
    auto response = http_.get(target);
    if (!response) {
        return explain(response.error(), target);
    }
    if (response->status / 100 != 2) {
        return statusError(*response, "GET", target, what);
    }
    return parse(*response);
}

Result<nlohmann::json> ManagementApi::send(std::string_view method, std::string_view target,
                                           const nlohmann::json& body,
                                           std::string_view what) const {
    const std::string text = body.is_null() ? std::string() : body.dump();
    auto response = http_.request(method, target, text);
    if (!response) {
        return explain(response.error(), target);
    }
    if (response->status / 100 != 2) {
        return statusError(*response, method, target, what);
    }
    return parse(*response);
}

}  // namespace sbx::rabbitmq
