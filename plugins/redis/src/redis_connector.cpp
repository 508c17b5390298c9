// The Redis Streams connector: plugin entry points and profile -> session.
#include <charconv>

#include "redis_source.h"
#include "sbx/connect/connector.h"

namespace sbx::redis {

namespace {

constexpr std::uint16_t kDefaultPort = 6379;

Result<std::int64_t> numberOption(const connect::ConnectionProfile& profile, std::string_view key,
                                  std::string_view fallback, std::int64_t minimum) {
    const std::string text = profile.option(key, fallback);
    std::int64_t value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || ptr != text.data() + text.size() || value < minimum) {
        return Error{ErrorCode::InvalidArgument,
                     "option '" + std::string(key) + "' must be a " + "whole number of at least " +
                         std::to_string(minimum) + ", not '" + text + "'"};
    }
    return value;
}

class RedisConnector final : public connect::Connector {
public:
    [[nodiscard]] connect::ConnectorInfo info() const override {
        connect::ConnectorInfo info;
        info.id = "redis";
        info.displayName = "Redis Streams";
        info.version = "1.0.0";
        info.description =
            "Streams, consumer groups, consumers and pending entries of a Redis 5+ server "
            "(XINFO, XPENDING); read by id range, XADD, live tail, and entries pending "
            "longer than an idle time as dead letters (claim and re-add).";
        info.defaultPort = kDefaultPort;
        info.usesUsername = true;  // ACL user (Redis 6+); empty: the default user
        info.usesPassword = true;
        using Kind = connect::ProfileField::Kind;
        info.fields = {
            {"db", "Database", Kind::Number, "0", {}, "SELECT this database number"},
            {"stream_pattern",
             "Stream keys",
             Kind::Text,
             "*",
             {},
             "SCAN MATCH pattern of the stream keys to show (glob: orders:*)"},
            {"idle_ms",
             "Dead after idle (ms)",
             Kind::Number,
             "60000",
             {},
             "pending entries idle longer than this are dead letters"},
        };
        info.capabilities = RedisSource::supported();
        return info;
    }

    Result<std::unique_ptr<observe::BrokerSource>> open(
        const connect::ConnectionProfile& profile,
        const connect::Credentials& credentials) override {
        auto db = numberOption(profile, "db", "0", 0);
        if (!db) {
            return db.error();
        }
        auto idle = numberOption(profile, "idle_ms", "60000", 1);
        if (!idle) {
            return idle.error();
        }
        RedisSettings settings;
        settings.name = profile.name.empty() ? profile.host : profile.name;
        settings.endpoint.host = profile.host;
        settings.endpoint.port = profile.port == 0 ? kDefaultPort : profile.port;
        settings.endpoint.tls = profile.tls;
        settings.endpoint.username = profile.username;
        settings.endpoint.password = credentials.password;
        settings.endpoint.db = static_cast<int>(db.value());
        settings.endpoint.timeout = profile.timeout;
        settings.streamPattern = profile.option("stream_pattern", "*");
        if (settings.streamPattern.empty()) {
            settings.streamPattern = "*";
        }
        settings.idle = std::chrono::milliseconds(idle.value());
        auto connection = RespConnection::open(settings.endpoint);
        if (!connection) {
            return connection.error();
        }
        return std::unique_ptr<observe::BrokerSource>(
            std::make_unique<RedisSource>(std::move(settings), std::move(connection).value()));
    }
};

}  // namespace

}  // namespace sbx::redis

SBX_DEFINE_CONNECTOR_PLUGIN(sbx::redis::RedisConnector)
