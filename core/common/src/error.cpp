#include "sbx/common/error.h"

namespace sbx {

std::string_view toString(ErrorCode code) {
    switch (code) {
        case ErrorCode::InvalidArgument:
            return "invalid argument";
        case ErrorCode::NotFound:
            return "not found";
        case ErrorCode::AlreadyExists:
            return "already exists";
        case ErrorCode::PermissionDenied:
            return "permission denied";
        case ErrorCode::IoError:
            return "I/O error";
        case ErrorCode::ParseError:
            return "parse error";
        case ErrorCode::Unsupported:
            return "unsupported";
        case ErrorCode::Internal:
            return "internal error";
        case ErrorCode::Unavailable:
            return "unavailable";
        case ErrorCode::Timeout:
            return "timed out";
        case ErrorCode::Unauthenticated:
            return "authentication failed";
        case ErrorCode::TlsError:
            return "TLS error";
    }
    return "unknown error";
}

std::string Error::describe() const {
    std::string text(toString(code));
    if (!message.empty()) {
        text += ": ";
        text += message;
    }
    return text;
}

}  // namespace sbx
