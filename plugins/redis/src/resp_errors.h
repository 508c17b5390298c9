#pragma once

#include <string>

#include "resp_value.h"
#include "sbx/common/error.h"

namespace sbx::redis {

// Turns Redis' error reply to `command` into an Error a user can act on:
//   WRONGPASS          -> Unauthenticated "Redis at h:p refused the password (WRONGPASS ...)"
//   NOAUTH             -> Unauthenticated (a password is needed and none was given)
//   NOPERM             -> PermissionDenied naming the user and the command
//   NOGROUP, no such key -> NotFound; BUSYGROUP -> AlreadyExists; WRONGTYPE -> InvalidArgument
//   LOADING, BUSY, MASTERDOWN, TRYAGAIN -> Unavailable
//   unknown command    -> Unsupported
[[nodiscard]] Error classifyErrorReply(const std::string& peer, const std::string& user,
                                       const RespCommand& command, const std::string& reply);

}  // namespace sbx::redis
