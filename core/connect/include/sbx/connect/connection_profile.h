#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "sbx/common/result.h"

namespace sbx::connect {

struct TlsSettings {
    bool enabled = false;
    std::string caFile;    // PEM; empty: the system's trust store
    std::string certFile;  // client certificate (PEM), optional
    std::string keyFile;   // its private key (PEM)
    bool verifyPeer = true;
    std::string serverName;  // SNI and the name checked; empty: the profile's host

    bool operator==(const TlsSettings&) const = default;
};

// How to reach one broker. Kept as JSON in the workspace's connections/ folder, so it
// never holds a secret: passwords and tokens live in the system keychain under
// secretKey() and arrive separately as Credentials.
struct ConnectionProfile {
    std::string id;         // file stem, unique in the workspace: "prod-rabbit"
    std::string name;       // what the explorer shows
    std::string connector;  // ConnectorInfo::id
    std::string host = "127.0.0.1";
    std::uint16_t port = 0;  // 0: the connector's default
    std::string username;
    TlsSettings tls;
    std::map<std::string, std::string> options;  // connector-specific (ProfileField keys)
    std::chrono::milliseconds timeout{5000};

    [[nodiscard]] std::string option(std::string_view key, std::string_view fallback = {}) const;
    // The keychain entry holding this profile's password or token.
    [[nodiscard]] std::string secretKey() const { return "signalbox/" + id; }

    bool operator==(const ConnectionProfile&) const = default;
};

// Secrets for one session; never written to a file.
struct Credentials {
    std::string password;  // or token
};

Result<ConnectionProfile> parseProfile(std::string_view json);
[[nodiscard]] std::string serializeProfile(const ConnectionProfile& profile);

// Profiles in `<workspace>/connections/*.json`, sorted by id. A file that does not parse
// is reported in `problems` and skipped; the others still load.
struct ProfileList {
    std::vector<ConnectionProfile> profiles;
    std::vector<std::string> problems;
};
ProfileList loadProfiles(const std::filesystem::path& connectionsDir);
Status saveProfile(const std::filesystem::path& connectionsDir, const ConnectionProfile& profile);
Status deleteProfile(const std::filesystem::path& connectionsDir, std::string_view id);

// The password of `profile` from the environment, for headless runs (`sbx watch`):
// SBX_SECRET_<ID> with the id upper-cased and non-alphanumerics as '_'.
[[nodiscard]] std::string secretEnvironmentName(const ConnectionProfile& profile);
[[nodiscard]] Credentials credentialsFromEnvironment(const ConnectionProfile& profile);

}  // namespace sbx::connect
