#include "amqp_access.h"

namespace sbx::broker {

namespace {

constexpr const char* kGuest = "guest";

}  // namespace

AmqpAccess::AmqpAccess(const AmqpAccessConfig& config) {
    passwords_[kGuest] = kGuest;
    grants_.emplace(std::pair{std::string(kGuest), std::string("/")},
                    AmqpGrant{AmqpPattern(".*"), AmqpPattern(".*"), AmqpPattern(".*")});
    for (const auto& user : config.users) {
        passwords_[user.name] = user.password;
    }
    // The patterns were checked when the config was read.
    for (const auto& permission : config.permissions) {
        grants_.insert_or_assign(
            std::pair{permission.user, permission.vhost},
            AmqpGrant{AmqpPattern(permission.configure), AmqpPattern(permission.write),
                      AmqpPattern(permission.read)});
    }
}

bool AmqpAccess::authenticate(const std::string& user, const std::string& password,
                              bool fromLoopback) const {
    const auto found = passwords_.find(user);
    if (found == passwords_.end() || found->second != password) {
        return false;
    }
    // RabbitMQ's loopback_users default: guest only from the machine itself.
    return user != kGuest || fromLoopback;
}

const AmqpGrant* AmqpAccess::grant(const std::string& user, const std::string& vhost) const {
    const auto found = grants_.find(std::pair{user, vhost});
    return found == grants_.end() ? nullptr : &found->second;
}

bool AmqpAccess::allows(const AmqpGrant& grant, AmqpPermission permission,
                        std::string_view resource) {
    const auto& pattern = permission == AmqpPermission::Configure ? grant.configure
                          : permission == AmqpPermission::Write   ? grant.write
                                                                  : grant.read;
    if (pattern.matchesAll) {
        return true;
    }
    // RabbitMQ matches with re:run, which finds the pattern anywhere unless anchored.
    return std::regex_search(resource.begin(), resource.end(), pattern.regex);
}

}  // namespace sbx::broker
