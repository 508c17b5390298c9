// A plugin whose connector throws when asked what it is.
#include <stdexcept>

#include "sbx/connect/connector.h"

namespace {

class BrokenConnector final : public sbx::connect::Connector {
public:
    sbx::connect::ConnectorInfo info() const override { throw std::runtime_error("info exploded"); }
    sbx::Result<std::unique_ptr<sbx::observe::BrokerSource>> open(
        const sbx::connect::ConnectionProfile&, const sbx::connect::Credentials&) override {
        return sbx::Error{sbx::ErrorCode::Internal, "unreachable"};
    }
};

}  // namespace

SBX_DEFINE_CONNECTOR_PLUGIN(BrokenConnector)
