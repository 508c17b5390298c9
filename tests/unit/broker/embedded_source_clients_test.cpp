// Clients in the snapshot: offline MQTT persistent sessions appear (not connected), the
// overview counts only connected clients, and ending an offline session removes it.
#include "embedded_source_fixture.h"
#include "process.h"

namespace sbx::broker {
namespace {

const std::string kClients = SBX_TEST_CLIENTS_DIR;

class EmbeddedSourceClientsTest : public test_support::EmbeddedBrokerTest {
protected:
    static const observe::Client* findClient(const observe::BrokerSnapshot& s,
                                             const std::string& id) {
        auto it = std::find_if(s.clients.begin(), s.clients.end(),
                               [&](const auto& c) { return c.id == id; });
        return it == s.clients.end() ? nullptr : &*it;
    }
};

TEST_F(EmbeddedSourceClientsTest, OfflinePersistentSessionIsListedAndCanBeEnded) {
    auto left = test::runProcess({"/usr/bin/python3", kClients + "/mqtt_persistent.py",
                                  std::to_string(port("mqtt")), "away-1", "plant/#"});
    ASSERT_EQ(left.exitCode, 0) << left.err;

    observe::BrokerSnapshot s;
    ASSERT_TRUE(waitFor([&] {
        s = snapshot();
        const auto* c = findClient(s, "mqtt:away-1");
        return c != nullptr && !c->connected;
    }));
    const auto* away = findClient(s, "mqtt:away-1");
    EXPECT_EQ(away->protocol, "mqtt");
    ASSERT_EQ(away->subscriptions.size(), 1U);
    EXPECT_EQ(away->subscriptions[0].destinationId, "topic:plant/#");
    EXPECT_EQ(s.overview.connections, 0U);  // an offline session is not a connection

    ASSERT_TRUE(source().disconnectClient("mqtt:away-1").ok());
    EXPECT_EQ(findClient(snapshot(), "mqtt:away-1"), nullptr);
    EXPECT_FALSE(source().disconnectClient("mqtt:away-1").ok());
}

}  // namespace
}  // namespace sbx::broker
