#include "resp_errors.h"

#include <string_view>

namespace sbx::redis {

namespace {

bool startsWith(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

std::string describeUser(const std::string& user) {
    return user.empty() ? std::string("the default user") : "user '" + user + "'";
}

}  // namespace

Error classifyErrorReply(const std::string& peer, const std::string& user,
                         const RespCommand& command, const std::string& reply) {
    const std::string redis = "Redis at " + peer;
    const std::string name = commandName(command);
    if (startsWith(reply, "WRONGPASS")) {
        return {ErrorCode::Unauthenticated, redis + " refused the password (" + reply + ")"};
    }
    if (startsWith(reply, "NOAUTH")) {
        return {ErrorCode::Unauthenticated,
                redis + " wants a password and none was given (" + reply + ")"};
    }
    if (startsWith(reply, "NOPERM")) {
        return {ErrorCode::PermissionDenied,
                describeUser(user) + " may not run " + name + " on " + redis + " (" + reply + ")"};
    }
    if (startsWith(reply, "NOGROUP") || reply.find("no such key") != std::string::npos) {
        return {ErrorCode::NotFound,
                redis + " has no such stream or group for " + name + " (" + reply + ")"};
    }
    if (startsWith(reply, "BUSYGROUP")) {
        return {ErrorCode::AlreadyExists, redis + ": " + reply};
    }
    if (startsWith(reply, "WRONGTYPE")) {
        return {ErrorCode::InvalidArgument,
                redis + ": " + name + " applies to a key of another type (" + reply + ")"};
    }
    if (startsWith(reply, "LOADING") || startsWith(reply, "BUSY") ||
        startsWith(reply, "MASTERDOWN") || startsWith(reply, "TRYAGAIN")) {
        return {ErrorCode::Unavailable, redis + " cannot answer " + name + " now (" + reply + ")"};
    }
    if (startsWith(reply, "ERR unknown command") || startsWith(reply, "ERR unknown subcommand")) {
        return {ErrorCode::Unsupported,
                redis + " does not know " + name + " (Redis 5 or later is needed; " + reply + ")"};
    }
    return {ErrorCode::Internal, redis + " answered " + name + " with an error: " + reply};
}

}  // namespace sbx::redis
