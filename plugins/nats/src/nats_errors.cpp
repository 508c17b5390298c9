#include "nats_errors.h"

#include <string>

namespace sbx::nats {

namespace {

bool contains(std::string_view text, std::string_view part) {
    return text.find(part) != std::string_view::npos;
}

std::string who(const NatsSettings& settings) {
    if (settings.auth == NatsSettings::Auth::User && !settings.username.empty()) {
        return "user '" + settings.username + "'";
    }
    return settings.auth == NatsSettings::Auth::Token ? "this token" : "this connection";
}

}  // namespace

Error serverError(std::string_view text, const NatsSettings& settings) {
    const std::string said = " (the server said: " + std::string(text) + ")";
    if (contains(text, "Authorization Violation") || contains(text, "Authentication Timeout") ||
        contains(text, "User Authentication")) {
        const bool noCredentials = settings.auth == NatsSettings::Auth::None;
        return Error{
            ErrorCode::Unauthenticated,
            "the NATS server at " + settings.peer() + " refused the credentials" +
                (noCredentials ? ": it requires a user name and password or a token" : "") + said};
    }
    if (contains(text, "Permissions Violation")) {
        return Error{ErrorCode::PermissionDenied,
                     who(settings) + " lacks the permission on " + settings.peer() + said};
    }
    if (contains(text, "Secure Connection - TLS Required")) {
        return Error{ErrorCode::TlsError, "the NATS server at " + settings.peer() +
                                              " requires TLS: turn TLS on in the profile" + said};
    }
    if (contains(text, "Maximum Payload")) {
        return Error{ErrorCode::InvalidArgument, "the message is larger than the NATS server at " +
                                                     settings.peer() + " allows" + said};
    }
    return Error{ErrorCode::Internal,
                 "the NATS server at " + settings.peer() + " reported an error" + said};
}

Error monitoringUnreachable(const NatsSettings& settings, const Error& cause) {
    const std::string port = std::to_string(settings.monitorPort);
    return Error{ErrorCode::Unsupported, "NATS monitoring at " + settings.monitorPeer() +
                                             " is not reachable: start nats-server with -m " +
                                             port + " or set the monitor port (" + cause.message +
                                             "); publishing still works"};
}

}  // namespace sbx::nats
