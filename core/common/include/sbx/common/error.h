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
};

[[nodiscard]] std::string_view toString(ErrorCode code);

// A typed error with a message written for the person who will read it.
struct Error {
    ErrorCode code = ErrorCode::Internal;
    std::string message;

    [[nodiscard]] std::string describe() const;
};

}  // namespace sbx
