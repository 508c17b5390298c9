#include "nats_settings.h"

#include <charconv>

namespace sbx::nats {

namespace {

Result<std::uint16_t> parsePort(const std::string& text, const char* what) {
    unsigned value = 0;
    const auto* end = text.data() + text.size();
    const auto [next, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc{} || next != end || value > 65535) {
        return Error{ErrorCode::InvalidArgument,
                     std::string(what) + " '" + text + "' is not a port number (0 to 65535)"};
    }
    return static_cast<std::uint16_t>(value);
}

}  // namespace

Result<NatsSettings> makeSettings(const connect::ConnectionProfile& profile,
                                  const connect::Credentials& credentials) {
    NatsSettings settings;
    settings.host = profile.host;
    settings.port = profile.port == 0 ? kDefaultPort : profile.port;
    auto monitorPort = parsePort(profile.option("monitor_port", "8222"), "the monitor port");
    if (!monitorPort) {
        return monitorPort.error();
    }
    settings.monitorPort = *monitorPort;
    const std::string auth = profile.option("auth", profile.username.empty() ? "" : "user");
    if (auth == "token") {
        settings.auth = NatsSettings::Auth::Token;
    } else if (auth == "user") {
        settings.auth = NatsSettings::Auth::User;
    } else if (!auth.empty() && auth != "none") {
        return Error{ErrorCode::InvalidArgument,
                     "the NATS option auth is '" + auth + "'; use 'user', 'token' or 'none'"};
    }
    settings.username = profile.username;
    settings.password = credentials.password;
    settings.tls = profile.tls;
    settings.timeout = profile.timeout;
    settings.name = profile.name.empty() ? settings.peer() : profile.name;
    return settings;
}

}  // namespace sbx::nats
