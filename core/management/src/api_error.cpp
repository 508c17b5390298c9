#include "api_error.h"

#include "sbx/management/json_mapping.h"

namespace sbx::management {

HttpError httpErrorFor(const Error& error) {
    const std::string_view message = error.message;
    switch (error.code) {
        case ErrorCode::NotFound:
            return {404, "not_found"};
        case ErrorCode::InvalidArgument:
            if (message.starts_with("PRECONDITION_FAILED")) {
                return {412, "precondition_failed"};
            }
            return {400, "invalid_argument"};
        case ErrorCode::ParseError:
            return {400, "parse_error"};
        case ErrorCode::AlreadyExists:
            return {409, "already_exists"};
        case ErrorCode::PermissionDenied:
            if (message.starts_with("RESOURCE_LOCKED")) {
                return {409, "resource_locked"};
            }
            return {403, "permission_denied"};
        case ErrorCode::Unsupported:
            return {409, "unsupported"};
        case ErrorCode::IoError:
            return {500, "io_error"};
        case ErrorCode::Unavailable:
            return {503, "unavailable"};
        case ErrorCode::Timeout:
            return {504, "timeout"};
        case ErrorCode::Unauthenticated:
            return {401, "unauthenticated"};
        case ErrorCode::TlsError:
            return {502, "tls_error"};
        case ErrorCode::Internal:
            break;
    }
    return {500, "internal"};
}

std::string errorBody(std::string_view code, std::string_view message) {
    return dumpJson(Json{{"error", message}, {"code", code}});
}

namespace {

ErrorCode codeFromName(std::string_view code, unsigned status) {
    if (code == "not_found") {
        return ErrorCode::NotFound;
    }
    if (code == "invalid_argument" || code == "precondition_failed" ||
        code == "payload_too_large" || code == "method_not_allowed") {
        return ErrorCode::InvalidArgument;
    }
    if (code == "parse_error") {
        return ErrorCode::ParseError;
    }
    if (code == "already_exists") {
        return ErrorCode::AlreadyExists;
    }
    if (code == "permission_denied" || code == "resource_locked") {
        return ErrorCode::PermissionDenied;
    }
    if (code == "unsupported") {
        return ErrorCode::Unsupported;
    }
    if (code == "io_error") {
        return ErrorCode::IoError;
    }
    if (code == "unavailable") {
        return ErrorCode::Unavailable;
    }
    if (code == "timeout") {
        return ErrorCode::Timeout;
    }
    if (code == "unauthenticated") {
        return ErrorCode::Unauthenticated;
    }
    if (code == "tls_error") {
        return ErrorCode::TlsError;
    }
    if (status == 404) {
        return ErrorCode::NotFound;
    }
    return status < 500 ? ErrorCode::InvalidArgument : ErrorCode::Internal;
}

}  // namespace

Error errorFromResponse(unsigned status, std::string_view body) {
    auto json = parseJson(body);
    if (json && json->is_object() && json->contains("error") && (*json)["error"].is_string()) {
        const auto code = json->value("code", std::string());
        return Error{codeFromName(code, status), (*json)["error"].get<std::string>()};
    }
    return Error{codeFromName("", status), "HTTP " + std::to_string(status) + " without a reason"};
}

}  // namespace sbx::management
