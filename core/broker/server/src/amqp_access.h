#pragma once

#include <map>
#include <regex>
#include <string>
#include <string_view>
#include <utility>

#include "sbx/broker/broker_config.h"

namespace sbx::broker {

// One of RabbitMQ's permission patterns. ".*" (the default grant, and the usual one)
// matches every name; knowing that spares a regex search on every publish.
struct AmqpPattern {
    explicit AmqpPattern(const std::string& pattern)
        : regex(pattern), matchesAll(pattern == ".*" || pattern == "^.*") {}

    std::regex regex;
    bool matchesAll;
};

// What a user may do in one vhost: RabbitMQ's configure / write / read patterns over
// resource names.
struct AmqpGrant {
    AmqpPattern configure;
    AmqpPattern write;
    AmqpPattern read;
};

enum class AmqpPermission { Configure, Write, Read };

// AMQP users and their permissions per vhost, from the config plus RabbitMQ's default:
// guest/guest, from loopback only, with everything on "/". Immutable after construction,
// so connections read it from any thread.
class AmqpAccess {
public:
    explicit AmqpAccess(const AmqpAccessConfig& config);

    // True when the user exists and the password matches (guest only from loopback).
    [[nodiscard]] bool authenticate(const std::string& user, const std::string& password,
                                    bool fromLoopback) const;
    // The user's grant in `vhost`, or null: no access to it.
    [[nodiscard]] const AmqpGrant* grant(const std::string& user, const std::string& vhost) const;
    [[nodiscard]] static bool allows(const AmqpGrant& grant, AmqpPermission permission,
                                     std::string_view resource);

private:
    std::map<std::string, std::string> passwords_;
    std::map<std::pair<std::string, std::string>, AmqpGrant> grants_;
};

}  // namespace sbx::broker
