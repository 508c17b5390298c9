#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "sbx/common/result.h"
#include "sbx/connect/connection_profile.h"

namespace sbx::nats {

inline constexpr std::uint16_t kDefaultPort = 4222;
inline constexpr std::uint16_t kDefaultMonitorPort = 8222;

// A profile and its secret, resolved once: what every connection of a session uses.
struct NatsSettings {
    enum class Auth { None, User, Token };

    std::string host;
    std::uint16_t port = kDefaultPort;
    std::uint16_t monitorPort = kDefaultMonitorPort;  // 0: the server has no monitoring
    Auth auth = Auth::None;
    std::string username;
    std::string password;  // or the token
    connect::TlsSettings tls;
    std::chrono::milliseconds timeout{5000};
    std::string name;  // the profile's name, for the overview

    [[nodiscard]] std::string peer() const { return host + ":" + std::to_string(port); }
    [[nodiscard]] std::string monitorPeer() const {
        return host + ":" + std::to_string(monitorPort);
    }
};

// Options: "monitor_port" (default 8222, "0" for none) and "auth" ("user" or "token";
// default "user" when a user name is set, else none).
Result<NatsSettings> makeSettings(const connect::ConnectionProfile& profile,
                                  const connect::Credentials& credentials);

}  // namespace sbx::nats
