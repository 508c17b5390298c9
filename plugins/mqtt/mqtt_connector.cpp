#include "mqtt_source.h"
#include "sbx/connect/connector.h"
#include "source_options.h"

namespace sbx::mqtt_connector {

namespace {

using connect::ProfileField;

// Any MQTT 3.1.1 or 5 broker (mosquitto, EMQX, HiveMQ, VerneMQ, the embedded broker).
class MqttConnector final : public connect::Connector {
public:
    [[nodiscard]] connect::ConnectorInfo info() const override {
        connect::ConnectorInfo info;
        info.id = "mqtt";
        info.displayName = "MQTT broker";
        info.version = "1.0.0";
        info.description =
            "Any MQTT 3.1.1 or 5 broker: topic tree by subscription, last values, retained "
            "messages, $SYS statistics, live tail and publish with MQTT 5 properties.";
        info.defaultPort = kDefaultPort;
        info.fields = {
            ProfileField{"protocol_version",
                         "Protocol version",
                         ProfileField::Kind::Choice,
                         "5",
                         {"5", "3.1.1"},
                         "The MQTT version to connect with."},
            ProfileField{"discovery_filter",
                         "Discovery filter",
                         ProfileField::Kind::Text,
                         "#",
                         {},
                         "Topics found by subscribing to this filter ('#': all)."},
            ProfileField{"client_id",
                         "Client id",
                         ProfileField::Kind::Text,
                         "",
                         {},
                         "Empty: signalbox-<random>. Two clients with one id push each other "
                         "off the broker."},
            ProfileField{"sys_topics",
                         "Broker statistics ($SYS)",
                         ProfileField::Kind::Bool,
                         "on",
                         {},
                         "Also subscribe to $SYS/# for the broker's own numbers."},
        };
        info.capabilities.add(observe::Capability::Peek)
            .add(observe::Capability::Publish)
            .add(observe::Capability::PublishMqtt)
            .add(observe::Capability::TopicTree)
            .add(observe::Capability::LiveMessages)
            .add(observe::Capability::Delete)
            .add(observe::Capability::Purge);
        return info;
    }

    Result<std::unique_ptr<observe::BrokerSource>> open(
        const connect::ConnectionProfile& profile,
        const connect::Credentials& credentials) override {
        auto options = sourceOptions(profile, credentials);
        if (!options) {
            return options.error();
        }
        auto source = MqttSource::open(std::move(*options));
        if (!source) {
            return source.error();
        }
        return std::unique_ptr<observe::BrokerSource>(std::move(*source));
    }
};

}  // namespace

}  // namespace sbx::mqtt_connector

SBX_DEFINE_CONNECTOR_PLUGIN(sbx::mqtt_connector::MqttConnector)
