// The RabbitMQ connector plugin: profiles point at the management API (the profile's port,
// default 15672); AMQP (port option, default 5672) carries publishing, stream reads and
// redrive.
#include <charconv>

#include "rabbitmq_source.h"
#include "sbx/connect/connector.h"

namespace sbx::rabbitmq {

namespace {

constexpr std::uint16_t kManagementPort = 15672;
constexpr std::uint16_t kAmqpPort = 5672;

Result<std::uint16_t> portOption(const connect::ConnectionProfile& profile, std::string_view key,
                                 std::uint16_t fallback) {
    const auto text = profile.option(key);
    if (text.empty()) {
        return fallback;
    }
    unsigned value = 0;
    auto [ptr, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || ptr != text.data() + text.size() || value == 0 || value > 65535) {
        return Error{ErrorCode::InvalidArgument,
                     "'" + text + "' is not a port number (option " + std::string(key) + ")"};
    }
    return static_cast<std::uint16_t>(value);
}

class RabbitMqConnector final : public connect::Connector {
public:
    [[nodiscard]] connect::ConnectorInfo info() const override {
        connect::ConnectorInfo info;
        info.id = "rabbitmq";
        info.displayName = "RabbitMQ";
        info.version = "1.0.0";
        info.description =
            "RabbitMQ 3.x through its management HTTP API (queues, exchanges, bindings, "
            "connections, consumers, rates) and AMQP 0-9-1 (publish, streams, redrive). The "
            "port is the management API's; the rabbitmq_management plugin must be enabled.";
        info.defaultPort = kManagementPort;
        using Kind = connect::ProfileField::Kind;
        info.fields = {
            {"amqpPort",
             "AMQP port",
             Kind::Number,
             std::to_string(kAmqpPort),
             {},
             "Where AMQP 0-9-1 listens; used to publish, read streams and redrive"},
            {"vhost",
             "Virtual host",
             Kind::Text,
             "",
             {},
             "Show only this vhost; empty: every vhost the user may see"},
            {"amqpTls",
             "TLS for AMQP",
             Kind::Bool,
             "false",
             {},
             "Use the profile's TLS settings for AMQP too (usually port 5671)"},
        };
        info.capabilities = RabbitMqSource::supported();
        return info;
    }

    Result<std::unique_ptr<observe::BrokerSource>> open(
        const connect::ConnectionProfile& profile,
        const connect::Credentials& credentials) override {
        auto amqpPort = portOption(profile, "amqpPort", kAmqpPort);
        if (!amqpPort) {
            return amqpPort.error();
        }
        SourceSettings settings;
        settings.name = profile.name.empty() ? profile.host : profile.name;
        settings.vhostFilter = profile.option("vhost");
        auto& http = settings.management.http;
        http.host = profile.host;
        http.port = profile.port == 0 ? kManagementPort : profile.port;
        http.tls = profile.tls;
        http.username = profile.username;
        http.password = credentials.password;
        http.timeout = profile.timeout;
        settings.amqp.host = profile.host;
        settings.amqp.port = *amqpPort;
        settings.amqp.username = profile.username;
        settings.amqp.password = credentials.password;
        settings.amqp.timeout = profile.timeout;
        if (profile.option("amqpTls") == "true") {
            settings.amqp.tls = profile.tls;
            settings.amqp.tls.enabled = true;
        }
        settings.management.amqpPort = *amqpPort;
        settings.management.amqpTls = settings.amqp.tls;
        auto source = std::make_unique<RabbitMqSource>(std::move(settings));
        if (auto reached = source->check(); !reached) {
            return reached.error();
        }
        return std::unique_ptr<observe::BrokerSource>(std::move(source));
    }
};

}  // namespace

}  // namespace sbx::rabbitmq

SBX_DEFINE_CONNECTOR_PLUGIN(sbx::rabbitmq::RabbitMqConnector)
