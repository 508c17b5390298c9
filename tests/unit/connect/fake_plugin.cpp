// A working connector plugin: "fake" brokers with one queue. Profile option
// "open" = "throw" makes open() throw, "snapshot" = "throw" makes snapshots throw.
#include "fake_source.h"
#include "sbx/connect/connector.h"

namespace {

class FakeConnector final : public sbx::connect::Connector {
public:
    sbx::connect::ConnectorInfo info() const override {
        sbx::connect::ConnectorInfo info;
        info.id = "fake";
        info.displayName = "Fake";
        info.version = "1.2.3";
        info.defaultPort = 1234;
        info.capabilities.add(sbx::observe::Capability::Peek);
        return info;
    }

    sbx::Result<std::unique_ptr<sbx::observe::BrokerSource>> open(
        const sbx::connect::ConnectionProfile& profile,
        const sbx::connect::Credentials& credentials) override {
        if (profile.option("open") == "throw") {
            throw std::runtime_error("open exploded");
        }
        if (credentials.password != "secret") {
            return sbx::Error{sbx::ErrorCode::Unauthenticated, "wrong password"};
        }
        return std::unique_ptr<sbx::observe::BrokerSource>(
            std::make_unique<sbx::test::FakeSource>(profile.option("snapshot") == "throw"));
    }
};

}  // namespace

SBX_DEFINE_CONNECTOR_PLUGIN(FakeConnector)
