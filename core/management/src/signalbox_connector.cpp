#include "sbx/management/signalbox_connector.h"

#include "sbx/common/version.h"
#include "sbx/management/remote_broker_source.h"

namespace sbx::management {

connect::ConnectorInfo SignalboxConnector::info() const {
    connect::ConnectorInfo info;
    info.id = "signalbox";
    info.displayName = "Signalbox broker";
    info.version = kVersion;
    info.description = "A remote sbx broker, through its management API (sbx broker --http-port)";
    info.defaultPort = 15680;
    info.usesUsername = false;
    info.usesPassword = false;
    using observe::Capability;
    for (const auto capability :
         {Capability::Peek, Capability::Publish, Capability::PublishMqtt, Capability::Purge,
          Capability::Delete, Capability::Declare, Capability::Bind, Capability::DisconnectClient,
          Capability::Redrive, Capability::HopEvents, Capability::Streams, Capability::TopicTree}) {
        info.capabilities.add(capability);
    }
    return info;
}

Result<std::unique_ptr<observe::BrokerSource>> SignalboxConnector::open(
    const connect::ConnectionProfile& profile, const connect::Credentials& /*credentials*/) {
    if (profile.tls.enabled) {
        return Error{ErrorCode::Unsupported,
                     "the sbx broker management API does not offer TLS yet: turn TLS off "
                     "(it listens on loopback unless --bind says otherwise)"};
    }
    RemoteBrokerOptions options;
    options.host = profile.host;
    options.port = profile.port != 0 ? profile.port : info().defaultPort;
    options.timeout = profile.timeout;
    options.name = profile.name.empty() ? profile.id : profile.name;
    auto source = RemoteBrokerSource::connect(options);
    if (!source) {
        return source.error();
    }
    return std::unique_ptr<observe::BrokerSource>(std::move(source).value());
}

}  // namespace sbx::management
