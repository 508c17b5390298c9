#include "nats_source.h"
#include "sbx/connect/connector.h"

namespace sbx::nats {

namespace {

class NatsConnector final : public connect::Connector {
public:
    [[nodiscard]] connect::ConnectorInfo info() const override {
        connect::ConnectorInfo info;
        info.id = "nats";
        info.displayName = "NATS / JetStream";
        info.version = "1.0.0";
        info.description =
            "NATS servers: subjects, clients and JetStream streams and consumers from the "
            "monitoring endpoints; publish, stream browsing, live tails and messages past "
            "max deliveries over the client protocol.";
        info.defaultPort = kDefaultPort;
        info.fields.push_back({"monitor_port",
                               "Monitoring port",
                               connect::ProfileField::Kind::Number,
                               std::to_string(kDefaultMonitorPort),
                               {},
                               "nats-server's HTTP monitoring port (-m); 0 if it has none"});
        info.fields.push_back({"auth",
                               "Authentication",
                               connect::ProfileField::Kind::Choice,
                               "user",
                               {"user", "token", "none"},
                               "user: user name and password; token: the password field "
                               "holds the token"});
        NatsSource::capabilitiesInto(info.capabilities);
        return info;
    }

    Result<std::unique_ptr<observe::BrokerSource>> open(
        const connect::ConnectionProfile& profile,
        const connect::Credentials& credentials) override {
        auto settings = makeSettings(profile, credentials);
        if (!settings) {
            return settings.error();
        }
        auto source = NatsSource::open(std::move(*settings));
        if (!source) {
            return source.error();
        }
        return std::unique_ptr<observe::BrokerSource>(std::move(*source));
    }
};

}  // namespace

}  // namespace sbx::nats

SBX_DEFINE_CONNECTOR_PLUGIN(sbx::nats::NatsConnector)
