#pragma once

#include "sbx/connect/connector.h"

namespace sbx::management {

// A remote `sbx broker --http-port N` as a connector ("signalbox"), built into the studio
// and `sbx watch` rather than loaded as a plugin: its profile's host and port are the
// management API's.
class SignalboxConnector final : public connect::Connector {
public:
    [[nodiscard]] connect::ConnectorInfo info() const override;
    Result<std::unique_ptr<observe::BrokerSource>> open(
        const connect::ConnectionProfile& profile,
        const connect::Credentials& credentials) override;
};

}  // namespace sbx::management
