#include "refusal.h"

#include "sbx/mqtt/reason_code.h"

namespace sbx::mqtt_connector {

namespace {

using mqtt::ReasonCode;

std::string who(const std::string& username) {
    return username.empty() ? std::string("an anonymous client") : "user '" + username + "'";
}

// The v5 reason a 3.1.1 return code stands for.
ReasonCode fromReturnCode311(std::uint8_t code) {
    switch (static_cast<mqtt::ConnectReturnCode311>(code)) {
        case mqtt::ConnectReturnCode311::UnacceptableProtocolVersion:
            return ReasonCode::UnsupportedProtocolVersion;
        case mqtt::ConnectReturnCode311::IdentifierRejected:
            return ReasonCode::ClientIdentifierNotValid;
        case mqtt::ConnectReturnCode311::ServerUnavailable:
            return ReasonCode::ServerUnavailable;
        case mqtt::ConnectReturnCode311::BadUserNameOrPassword:
            return ReasonCode::BadUserNameOrPassword;
        case mqtt::ConnectReturnCode311::NotAuthorized:
            return ReasonCode::NotAuthorized;
        default:
            return ReasonCode::UnspecifiedError;
    }
}

}  // namespace

Error connackRefusal(std::uint8_t code, mqtt::ProtocolVersion version, const std::string& peer,
                     const std::string& username, bool gavePassword) {
    const auto reason = version == mqtt::ProtocolVersion::V5 ? static_cast<ReasonCode>(code)
                                                             : fromReturnCode311(code);
    const std::string broker = "the MQTT broker at " + peer;
    switch (reason) {
        case ReasonCode::BadUserNameOrPassword:
            return {ErrorCode::Unauthenticated,
                    broker + " refused " + who(username) + ": bad user name or password"};
        case ReasonCode::BadAuthenticationMethod:
            return {ErrorCode::Unauthenticated, broker + " refused " + who(username) +
                                                    ": it wants another authentication method"};
        case ReasonCode::NotAuthorized:
            if (gavePassword) {
                return {ErrorCode::Unauthenticated,
                        broker + " refused " + who(username) +
                            ": not authorized (a wrong user name or password, or a user it does "
                            "not let connect)"};
            }
            return {ErrorCode::PermissionDenied,
                    broker + " refused " + who(username) + ": not authorized" +
                        (username.empty() ? " (it may not allow anonymous clients: set a user name)"
                                          : "")};
        case ReasonCode::Banned:
            return {ErrorCode::PermissionDenied, broker + " refused " + who(username) + ": banned"};
        case ReasonCode::UnsupportedProtocolVersion:
            return {ErrorCode::Unsupported, broker + " does not speak MQTT " +
                                                (version == mqtt::ProtocolVersion::V5
                                                     ? "5: set the protocol version to 3.1.1"
                                                     : "3.1.1: set the protocol version to 5")};
        case ReasonCode::ClientIdentifierNotValid:
            return {ErrorCode::InvalidArgument,
                    broker + " refused the client id: choose another one in the profile"};
        case ReasonCode::ServerUnavailable:
        case ReasonCode::ServerBusy:
        case ReasonCode::ServerShuttingDown:
        case ReasonCode::QuotaExceeded:
        case ReasonCode::ConnectionRateExceeded:
        case ReasonCode::UseAnotherServer:
        case ReasonCode::ServerMoved:
            return {ErrorCode::Unavailable, broker + " cannot take the connection now: " +
                                                std::string(mqtt::describe(reason))};
        default:
            return {ErrorCode::Internal,
                    broker + " refused the connection: " + std::string(mqtt::describe(reason)) +
                        " (reason code " + std::to_string(code) + ")"};
    }
}

Error requestRefusal(std::uint8_t code, const std::string& what, const std::string& peer) {
    const auto reason = static_cast<ReasonCode>(code);
    std::string text = "the MQTT broker at " + peer + " refused " + what + ": " +
                       (code == 0x80 ? std::string("unspecified error (in MQTT 3.1.1: not allowed)")
                                     : std::string(mqtt::describe(reason)));
    switch (reason) {
        case ReasonCode::NotAuthorized:
            return {ErrorCode::PermissionDenied, std::move(text)};
        case ReasonCode::TopicFilterInvalid:
        case ReasonCode::TopicNameInvalid:
        case ReasonCode::PacketTooLarge:
        case ReasonCode::PayloadFormatInvalid:
        case ReasonCode::QoSNotSupported:
        case ReasonCode::RetainNotSupported:
            return {ErrorCode::InvalidArgument, std::move(text)};
        case ReasonCode::QuotaExceeded:
        case ReasonCode::ServerBusy:
            return {ErrorCode::Unavailable, std::move(text)};
        default:
            return {ErrorCode::Internal, std::move(text)};
    }
}

}  // namespace sbx::mqtt_connector
