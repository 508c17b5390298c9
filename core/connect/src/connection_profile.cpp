#include "sbx/connect/connection_profile.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace sbx::connect {

namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace {

constexpr int kProfileFormat = 1;

bool validId(std::string_view id) {
    return !id.empty() && id.size() <= 100 && id.front() != '.' &&
           std::all_of(id.begin(), id.end(), [](char c) {
               return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ||
                      c == '.';
           });
}

Json tlsToJson(const TlsSettings& tls) {
    return Json{{"enabled", tls.enabled},        {"ca_file", tls.caFile},
                {"cert_file", tls.certFile},     {"key_file", tls.keyFile},
                {"verify_peer", tls.verifyPeer}, {"server_name", tls.serverName}};
}

TlsSettings tlsFromJson(const Json& json) {
    TlsSettings tls;
    tls.enabled = json.value("enabled", false);
    tls.caFile = json.value("ca_file", "");
    tls.certFile = json.value("cert_file", "");
    tls.keyFile = json.value("key_file", "");
    tls.verifyPeer = json.value("verify_peer", true);
    tls.serverName = json.value("server_name", "");
    return tls;
}

Status checkKeys(const Json& json) {
    static const char* const kKnown[] = {"format", "id",       "name", "connector", "host",
                                         "port",   "username", "tls",  "options",   "timeout_ms"};
    for (const auto& item : json.items()) {
        if (std::find_if(std::begin(kKnown), std::end(kKnown),
                         [&](const char* key) { return item.key() == key; }) == std::end(kKnown)) {
            if (item.key() == "password" || item.key() == "token" || item.key() == "secret") {
                return Error{ErrorCode::InvalidArgument,
                             "a connection profile must not hold a '" + item.key() +
                                 "': secrets belong in the system keychain"};
            }
            return Error{ErrorCode::InvalidArgument, "unknown key '" + item.key() + "'"};
        }
    }
    return {};
}

}  // namespace

std::string ConnectionProfile::option(std::string_view key, std::string_view fallback) const {
    const auto found = options.find(std::string(key));
    return found == options.end() || found->second.empty() ? std::string(fallback) : found->second;
}

Result<ConnectionProfile> parseProfile(std::string_view text) {
    Json json;
    try {
        json = Json::parse(text);
    } catch (const Json::parse_error& e) {
        return Error{ErrorCode::ParseError, std::string("not valid JSON: ") + e.what()};
    }
    if (!json.is_object()) {
        return Error{ErrorCode::ParseError, "a connection profile is a JSON object"};
    }
    if (auto known = checkKeys(json); !known) {
        return known.error();
    }
    try {
        ConnectionProfile profile;
        profile.id = json.value("id", "");
        profile.name = json.value("name", profile.id);
        profile.connector = json.value("connector", "");
        profile.host = json.value("host", "127.0.0.1");
        const int port = json.value("port", 0);
        if (port < 0 || port > 65535) {
            return Error{ErrorCode::InvalidArgument,
                         "port " + std::to_string(port) + " is not between 0 and 65535"};
        }
        profile.port = static_cast<std::uint16_t>(port);
        profile.username = json.value("username", "");
        if (json.contains("tls")) {
            profile.tls = tlsFromJson(json.at("tls"));
        }
        if (json.contains("options")) {
            for (const auto& item : json.at("options").items()) {
                profile.options[item.key()] = item.value().is_string()
                                                  ? item.value().get<std::string>()
                                                  : item.value().dump();
            }
        }
        profile.timeout = std::chrono::milliseconds(json.value("timeout_ms", 5000));
        if (!validId(profile.id)) {
            return Error{ErrorCode::InvalidArgument,
                         "the id '" + profile.id +
                             "' must be letters, digits, '-', '_' or '.' (it names the file)"};
        }
        if (profile.connector.empty()) {
            return Error{ErrorCode::InvalidArgument, "the profile names no connector"};
        }
        if (profile.timeout.count() <= 0) {
            return Error{ErrorCode::InvalidArgument, "timeout_ms must be positive"};
        }
        return profile;
    } catch (const Json::exception& e) {
        return Error{ErrorCode::ParseError, std::string("a value has the wrong type: ") + e.what()};
    }
}

std::string serializeProfile(const ConnectionProfile& profile) {
    Json json{{"format", kProfileFormat},     {"id", profile.id},
              {"name", profile.name},         {"connector", profile.connector},
              {"host", profile.host},         {"port", profile.port},
              {"username", profile.username}, {"tls", tlsToJson(profile.tls)},
              {"options", profile.options},   {"timeout_ms", profile.timeout.count()}};
    return json.dump(2) + "\n";
}

ProfileList loadProfiles(const fs::path& connectionsDir) {
    ProfileList list;
    std::error_code ec;
    if (!fs::is_directory(connectionsDir, ec)) {
        return list;
    }
    for (const auto& entry : fs::directory_iterator(connectionsDir, ec)) {
        if (entry.path().extension() != ".json") {
            continue;
        }
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        auto parsed = parseProfile(text.str());
        if (!parsed) {
            list.problems.push_back(entry.path().filename().string() + ": " +
                                    parsed.error().message);
            continue;
        }
        if (parsed->id != entry.path().stem().string()) {
            list.problems.push_back(entry.path().filename().string() + ": its id '" + parsed->id +
                                    "' does not match the file name");
            continue;
        }
        list.profiles.push_back(std::move(parsed).value());
    }
    std::sort(list.profiles.begin(), list.profiles.end(),
              [](const auto& a, const auto& b) { return a.id < b.id; });
    std::sort(list.problems.begin(), list.problems.end());
    return list;
}

Status saveProfile(const fs::path& connectionsDir, const ConnectionProfile& profile) {
    if (!validId(profile.id)) {
        return Error{ErrorCode::InvalidArgument,
                     "the id '" + profile.id + "' must be letters, digits, '-', '_' or '.'"};
    }
    std::error_code ec;
    fs::create_directories(connectionsDir, ec);
    const auto target = connectionsDir / (profile.id + ".json");
    const auto temporary = connectionsDir / ("." + profile.id + ".json.tmp");
    {
        std::ofstream out(temporary, std::ios::trunc);
        out << serializeProfile(profile);
        if (!out.flush()) {
            return Error{ErrorCode::IoError, "cannot write " + temporary.string()};
        }
    }
    fs::rename(temporary, target, ec);  // whole file or the old one, never half
    if (ec) {
        return Error{ErrorCode::IoError, "cannot write " + target.string() + ": " + ec.message()};
    }
    return {};
}

Status deleteProfile(const fs::path& connectionsDir, std::string_view id) {
    std::error_code ec;
    if (!validId(id) || !fs::remove(connectionsDir / (std::string(id) + ".json"), ec)) {
        return Error{ErrorCode::NotFound, "no connection profile '" + std::string(id) + "'"};
    }
    return {};
}

std::string secretEnvironmentName(const ConnectionProfile& profile) {
    std::string name = "SBX_SECRET_";
    for (const char c : profile.id) {
        name += std::isalnum(static_cast<unsigned char>(c))
                    ? static_cast<char>(std::toupper(static_cast<unsigned char>(c)))
                    : '_';
    }
    return name;
}

Credentials credentialsFromEnvironment(const ConnectionProfile& profile) {
    const char* value = std::getenv(secretEnvironmentName(profile).c_str());
    return Credentials{value != nullptr ? value : ""};
}

}  // namespace sbx::connect
