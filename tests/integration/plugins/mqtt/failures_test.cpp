// What a user reads when the MQTT plugin cannot reach or use the broker: wrong password,
// nothing listening, TLS with and without the CA, TLS on the plain port, and a broker
// killed mid-session (with ReconnectingSource coming back after a restart).
#include <gtest/gtest.h>

#include <thread>

#include "connector_session.h"
#include "mosquitto.h"
#include "sbx/connect/reconnecting_source.h"
#include "shared_broker.h"

namespace sbx::test {
namespace {

using namespace std::chrono_literals;

std::string peer(std::uint16_t port) {
    return "127.0.0.1:" + std::to_string(port);
}

TEST(MqttFailures, AWrongPasswordIsUnauthenticatedAndSaysWho) {
    auto& broker = sharedBroker();
    auto profile = broker.profile();
    profile.username = Mosquitto::kUser;
    auto refused = openMqtt(profile, "not-the-password");
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::Unauthenticated);
    // Mosquitto 2.0 answers a wrong password with "not authorized" (0x87 / 5), not with
    // "bad user name or password" (0x86 / 4; see refusal_test.cpp for that wording).
    EXPECT_EQ(refused.error().message,
              "the MQTT broker at " + peer(broker.port()) +
                  " refused user 'monitor': not authorized (a wrong user name or password, or a "
                  "user it does not let connect)");

    profile.options["protocol_version"] = "3.1.1";
    auto refused311 = openMqtt(profile, "not-the-password");
    ASSERT_FALSE(refused311);
    EXPECT_EQ(refused311.error().code, ErrorCode::Unauthenticated);
    EXPECT_EQ(refused311.error().message, refused.error().message);

    profile.options.erase("protocol_version");
    auto accepted = openMqtt(profile, Mosquitto::kPassword);
    ASSERT_TRUE(accepted) << accepted.error().message;
    ASSERT_TRUE((*accepted)->snapshot());
}

TEST(MqttFailures, NothingListeningIsUnavailableAndSaysRefused) {
    auto profile = sharedBroker().profile();
    profile.port = freeLoopbackPort();
    auto refused = openMqtt(profile);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::Unavailable);
    EXPECT_NE(refused.error().message.find("refused"), std::string::npos)
        << refused.error().message;
    EXPECT_NE(refused.error().message.find(peer(profile.port)), std::string::npos);
}

TEST(MqttFailures, TlsWithTheCaConnects) {
    auto& broker = sharedBroker();
    auto profile = broker.profile();
    profile.port = broker.tlsPort();
    profile.tls.enabled = true;
    profile.tls.caFile = broker.caFile().string();
    auto source = openMqtt(profile);
    ASSERT_TRUE(source) << source.error().message;
    broker.pub({"-t", "tls/seen", "-m", "secure"});
    auto snapshot = snapshotUntil(
        **source, [](const auto& s) { return findDestination(s, "topic:tls/seen") != nullptr; });
    ASSERT_NE(findDestination(snapshot, "topic:tls/seen"), nullptr);
    EXPECT_EQ(snapshot.overview.listeners.at(0).name, "mqtts");
}

TEST(MqttFailures, TlsWithoutTheCaSaysTheCertificateIsNotTrusted) {
    auto& broker = sharedBroker();
    auto profile = broker.profile();
    profile.port = broker.tlsPort();
    profile.tls.enabled = true;  // the system's trust store does not know the test CA
    auto refused = openMqtt(profile);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::TlsError);
    EXPECT_NE(refused.error().message.find("certificate"), std::string::npos)
        << refused.error().message;
}

TEST(MqttFailures, TlsOnThePlainPortIsATlsError) {
    auto& broker = sharedBroker();
    auto profile = broker.profile();
    profile.tls.enabled = true;
    profile.tls.caFile = broker.caFile().string();
    auto refused = openMqtt(profile);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::TlsError) << refused.error().message;
    EXPECT_NE(refused.error().message.find(peer(broker.port())), std::string::npos);
}

TEST(MqttFailures, PlainOnTheTlsPortSaysTheConnectionClosed) {
    auto& broker = sharedBroker();
    auto profile = broker.profile();
    profile.port = broker.tlsPort();
    auto refused = openMqtt(profile);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::Unavailable) << refused.error().message;
    EXPECT_NE(refused.error().message.find("TLS"), std::string::npos) << refused.error().message;
}

TEST(MqttFailures, ABadOptionIsNamed) {
    auto profile = sharedBroker().profile();
    profile.options["protocol_version"] = "4";
    auto refused = openMqtt(profile);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::InvalidArgument);
    EXPECT_NE(refused.error().message.find("protocol_version"), std::string::npos);
}

TEST(MqttFailures, ABrokerKilledMidSessionIsUnavailableAndReconnectingSourceRecovers) {
    Mosquitto broker;  // its own: this test kills it
    auto source = openMqtt(broker.profile());
    ASSERT_TRUE(source) << source.error().message;
    connect::ReconnectingSource reconnecting(
        "test", (*source)->capabilities(), [&] { return openMqtt(broker.profile()); },
        connect::ReconnectingSource::Backoff{200ms, 500ms});
    ASSERT_TRUE(reconnecting.connectNow());
    ASSERT_TRUE((*source)->snapshot());

    broker.kill();
    Result<observe::BrokerSnapshot> lost = (*source)->snapshot();
    const auto deadline = std::chrono::steady_clock::now() + 5s;
    while (lost && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(20ms);
        lost = (*source)->snapshot();
    }
    ASSERT_FALSE(lost);
    EXPECT_EQ(lost.error().code, ErrorCode::Unavailable);
    EXPECT_EQ(lost.error().message.rfind(
                  "lost the connection to the MQTT broker at " + peer(broker.port()) + ": ", 0),
              0U)
        << lost.error().message;
    auto publish = (*source)->publish({.protocol = "mqtt", .routingKey = "x", .payload = "y"});
    ASSERT_FALSE(publish);
    EXPECT_EQ(publish.error().code, ErrorCode::Unavailable);

    broker.start();
    Result<observe::BrokerSnapshot> back = reconnecting.snapshot();
    const auto restartDeadline = std::chrono::steady_clock::now() + 15s;
    while (!back && std::chrono::steady_clock::now() < restartDeadline) {
        std::this_thread::sleep_for(100ms);
        back = reconnecting.snapshot();
    }
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_EQ(reconnecting.health().state, connect::ReconnectingSource::State::Connected);
}

// Mosquitto 2.0 cannot restrict a listener to MQTT 3.1.1 (`protocol` chooses mqtt or
// websockets only), so "MQTT 5 against a 3.1.1-only broker" has no real broker to run
// against here; the client reads such a broker's 3.1.1-form CONNACK and says so
// ("does not speak MQTT 5: set the protocol version to 3.1.1").

}  // namespace
}  // namespace sbx::test
