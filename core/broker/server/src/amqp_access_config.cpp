#include "amqp_access_config.h"

#include <regex>

namespace sbx::broker {

namespace {

using Json = nlohmann::json;

Error invalid(const std::string& what) {
    return Error{ErrorCode::InvalidArgument, "amqp: " + what};
}

Status readText(const Json& object, const char* key, std::string& into, const char* where) {
    if (!object.contains(key) || !object.at(key).is_string()) {
        return invalid(std::string(where) + " needs \"" + key + "\" as a string");
    }
    into = object.at(key).get<std::string>();
    return {};
}

Status checkKeys(const Json& object, std::initializer_list<std::string_view> known,
                 const char* where) {
    if (!object.is_object()) {
        return invalid(std::string(where) + " entries must be objects");
    }
    for (const auto& [key, value] : object.items()) {
        if (std::find(known.begin(), known.end(), key) == known.end()) {
            return invalid("unknown setting \"" + key + "\" in " + where);
        }
    }
    return {};
}

Status parseUser(const Json& json, AmqpUserConfig& user) {
    if (auto status = checkKeys(json, {"name", "password", "tags"}, "users"); !status) {
        return status;
    }
    if (auto status = readText(json, "name", user.name, "a user"); !status) {
        return status;
    }
    if (auto status = readText(json, "password", user.password, "a user"); !status) {
        return status;
    }
    if (json.contains("tags")) {
        if (!json.at("tags").is_array()) {
            return invalid("a user's tags must be an array of strings");
        }
        for (const auto& tag : json.at("tags")) {
            if (!tag.is_string()) {
                return invalid("a user's tags must be an array of strings");
            }
            user.tags.push_back(tag.get<std::string>());
        }
    }
    return {};
}

Status parsePermission(const Json& json, AmqpPermissionConfig& permission) {
    if (auto status =
            checkKeys(json, {"user", "vhost", "configure", "write", "read"}, "permissions");
        !status) {
        return status;
    }
    for (auto [key, field] :
         {std::pair{"user", &permission.user}, std::pair{"vhost", &permission.vhost},
          std::pair{"configure", &permission.configure}, std::pair{"write", &permission.write},
          std::pair{"read", &permission.read}}) {
        if (auto status = readText(json, key, *field, "a permission"); !status) {
            return status;
        }
    }
    for (const auto* pattern : {&permission.configure, &permission.write, &permission.read}) {
        try {
            std::regex compiled(*pattern);
        } catch (const std::regex_error&) {
            return invalid("\"" + *pattern + "\" is not a regular expression");
        }
    }
    return {};
}

}  // namespace

Status parseAmqpAccess(const Json& json, AmqpAccessConfig& into) {
    if (auto status = checkKeys(json, {"users", "vhosts", "permissions"}, "amqp"); !status) {
        return status;
    }
    for (const char* list : {"users", "vhosts", "permissions"}) {
        if (json.contains(list) && !json.at(list).is_array()) {
            return invalid(std::string(list) + " must be an array");
        }
    }
    for (const auto& entry : json.value("users", Json::array())) {
        AmqpUserConfig user;
        if (auto status = parseUser(entry, user); !status) {
            return status;
        }
        into.users.push_back(std::move(user));
    }
    for (const auto& entry : json.value("vhosts", Json::array())) {
        if (!entry.is_string() || entry.get<std::string>().empty()) {
            return invalid("vhosts must be non-empty strings");
        }
        into.vhosts.push_back(entry.get<std::string>());
    }
    for (const auto& entry : json.value("permissions", Json::array())) {
        AmqpPermissionConfig permission;
        if (auto status = parsePermission(entry, permission); !status) {
            return status;
        }
        into.permissions.push_back(std::move(permission));
    }
    return {};
}

}  // namespace sbx::broker
