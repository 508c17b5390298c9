#pragma once

#include <string>
#include <string_view>

namespace sbx {

// What kind of failure happened, so callers can react without parsing text.
enum class ErrorCode {
    InvalidArgument,
    NotFound,
    AlreadyExists,
    PermissionDenied,
    IoError,
    ParseError,
    Unsupported,
    Internal,
    // A peer (broker, server) cannot be reached: DNS, refused, reset, gone away.
    Unavailable,
    Timeout,
    // The peer refused who we said we are (wrong user name, password or token).
    Unauthenticated,
    // TLS handshake or certificate verification failed.
    TlsError,
};

[[nodiscard]] std::string_view toString(ErrorCode code);

// A typed error with a message written for the person who will read it.
struct Error {
    ErrorCode code = ErrorCode::Internal;
    std::string message;

    [[nodiscard]] std::string describe() const;
};

}  // namespace sbx
