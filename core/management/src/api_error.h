#pragma once

#include <string>
#include <string_view>

#include "sbx/common/error.h"

namespace sbx::management {

// How an Error travels over HTTP: a status and a stable code string; the body is
// {"error": "<message>", "code": "<code>"}.
struct HttpError {
    unsigned status = 500;
    std::string code;
};

// NotFound 404, InvalidArgument/ParseError 400 (412 when the broker refused a
// precondition, as AMQP's PRECONDITION_FAILED), AlreadyExists and RESOURCE_LOCKED 409,
// PermissionDenied 403, Unsupported 409 (this destination or broker cannot do that),
// anything else 500.
HttpError httpErrorFor(const Error& error);

std::string errorBody(std::string_view code, std::string_view message);

// The client side: turns an error response back into an Error with the server's
// message, so a remote source fails the way a local one would.
Error errorFromResponse(unsigned status, std::string_view body);

}  // namespace sbx::management
