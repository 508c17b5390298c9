// What a user sees when a NATS connection cannot work: closed port, missing monitoring,
// wrong password, token, permissions, TLS mismatches, a server killed mid-session.
#include <gtest/gtest.h>

#include <thread>

#include "nats_fixture.h"
#include "sbx/connect/reconnecting_source.h"

namespace sbx::test {
namespace {

using namespace std::chrono_literals;

bool says(const Error& error, const std::string& text) {
    return error.message.find(text) != std::string::npos;
}

TEST(NatsFailures, ClosedPortIsUnavailable) {
    const auto port = freePort();
    auto opened = registry().open(natsProfile(port, freePort()), {});
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().code, ErrorCode::Unavailable);
    EXPECT_TRUE(says(opened.error(), "connection refused by 127.0.0.1:" + std::to_string(port)))
        << opened.error().message;
}

TEST(NatsFailures, MissingMonitoringIsExplainedAndPublishStillWorks) {
    NatsServer server({}, /*monitoring=*/false);
    const auto monitorPort = freePort();
    auto opened = registry().open(natsProfile(server.port(), monitorPort), {});
    ASSERT_TRUE(opened) << opened.error().message;
    auto snapshot = (*opened)->snapshot();
    ASSERT_FALSE(snapshot);
    const std::string port = std::to_string(monitorPort);
    EXPECT_TRUE(says(snapshot.error(), "NATS monitoring at 127.0.0.1:" + port +
                                           " is not reachable: start nats-server with -m " + port +
                                           " or set the monitor port"))
        << snapshot.error().message;
    EXPECT_FALSE(connect::isConnectionLoss(snapshot.error()));
    observe::PublishRequest request;
    request.routingKey = "still.works";
    request.payload = "yes";
    EXPECT_TRUE((*opened)->publish(request));
}

class NatsAuth : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        users_ = new NatsServer(R"(
authorization {
  users = [
    { user: alice, password: secret }
    { user: limited, password: pw, permissions: { publish: { deny: ["secret.>"] } } }
  ]
}
)");
        token_ = new NatsServer("authorization { token: s3cr3t-token }\n");
    }
    static void TearDownTestSuite() {
        delete users_;
        delete token_;
    }
    static connect::ConnectionProfile profile(const NatsServer& server, const std::string& user) {
        auto profile = natsProfile(server.port(), server.monitorPort());
        profile.username = user;
        return profile;
    }
    static inline NatsServer* users_ = nullptr;
    static inline NatsServer* token_ = nullptr;
};

TEST_F(NatsAuth, WrongPasswordIsRefusedInWords) {
    auto opened = registry().open(profile(*users_, "alice"), {"wrong"});
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().code, ErrorCode::Unauthenticated);
    EXPECT_TRUE(
        says(opened.error(), "the NATS server at 127.0.0.1:" + std::to_string(users_->port()) +
                                 " refused the credentials"))
        << opened.error().message;

    auto right = registry().open(profile(*users_, "alice"), {"secret"});
    ASSERT_TRUE(right) << right.error().message;
    auto snapshot = (*right)->snapshot();
    ASSERT_TRUE(snapshot) << snapshot.error().message;
}

TEST_F(NatsAuth, MissingPermissionIsPermissionDenied) {
    auto opened = registry().open(profile(*users_, "limited"), {"pw"});
    ASSERT_TRUE(opened) << opened.error().message;
    observe::PublishRequest request;
    request.routingKey = "secret.plans";
    request.payload = "x";
    auto published = (*opened)->publish(request);
    ASSERT_FALSE(published);
    EXPECT_EQ(published.error().code, ErrorCode::PermissionDenied);
    EXPECT_TRUE(says(published.error(), "user 'limited' lacks the permission"))
        << published.error().message;
    request.routingKey = "public.news";
    EXPECT_TRUE((*opened)->publish(request));
}

TEST_F(NatsAuth, TokenAuthentication) {
    auto profile = natsProfile(token_->port(), token_->monitorPort());
    profile.options["auth"] = "token";
    auto right = registry().open(profile, {"s3cr3t-token"});
    ASSERT_TRUE(right) << right.error().message;
    auto wrong = registry().open(profile, {"guess"});
    ASSERT_FALSE(wrong);
    EXPECT_EQ(wrong.error().code, ErrorCode::Unauthenticated);
    profile.options.erase("auth");
    auto none = registry().open(profile, {});
    ASSERT_FALSE(none);
    EXPECT_TRUE(says(none.error(), "requires a user name and password or a token"))
        << none.error().message;
}

TEST(NatsTls, UpgradeAfterInfoAndMismatchesBothWays) {
    TempDir certificates;
    makeCertificates(certificates);
    const std::string dir = certificates.path().string();
    NatsServer tlsServer("tls { cert_file: \"" + dir + "/server.pem\"\n key_file: \"" + dir +
                         "/server.key\" }\n");
    auto profile = natsProfile(tlsServer.port(), tlsServer.monitorPort());

    auto plain = registry().open(profile, {});
    ASSERT_FALSE(plain);
    EXPECT_EQ(plain.error().code, ErrorCode::TlsError);
    EXPECT_TRUE(says(plain.error(), "requires TLS: turn TLS on in the profile"))
        << plain.error().message;

    profile.tls.enabled = true;
    profile.tls.caFile = dir + "/ca.pem";
    auto secure = registry().open(profile, {});
    ASSERT_TRUE(secure) << secure.error().message;
    observe::PublishRequest request;
    request.routingKey = "over.tls";
    request.payload = "sealed";
    EXPECT_TRUE((*secure)->publish(request));

    profile.tls.caFile.clear();  // the system store does not know our CA
    auto untrusted = registry().open(profile, {});
    ASSERT_FALSE(untrusted);
    EXPECT_EQ(untrusted.error().code, ErrorCode::TlsError);
    EXPECT_TRUE(says(untrusted.error(), "not signed by a trusted CA")) << untrusted.error().message;

    NatsServer plainServer;
    auto wantsTls = natsProfile(plainServer.port(), plainServer.monitorPort());
    wantsTls.tls.enabled = true;
    auto mismatch = registry().open(wantsTls, {});
    ASSERT_FALSE(mismatch);
    EXPECT_EQ(mismatch.error().code, ErrorCode::TlsError);
    EXPECT_TRUE(says(mismatch.error(), "does not offer TLS")) << mismatch.error().message;
}

TEST(NatsKilled, SnapshotFailsThenReconnectingSourceRecovers) {
    NatsServer server;
    const auto profile = natsProfile(server.port(), server.monitorPort());
    auto direct = registry().open(profile, {});
    ASSERT_TRUE(direct) << direct.error().message;
    ASSERT_TRUE((*direct)->snapshot());

    connect::ReconnectingSource reconnecting(
        "nats", {}, [&] { return registry().open(profile, {}); }, {100ms, 200ms});
    ASSERT_TRUE(reconnecting.connectNow());
    ASSERT_TRUE(reconnecting.snapshot());

    server.kill();
    auto failed = (*direct)->snapshot();
    ASSERT_FALSE(failed);
    EXPECT_EQ(failed.error().code, ErrorCode::Unavailable);
    EXPECT_TRUE(says(failed.error(), "the NATS server at 127.0.0.1:" +
                                         std::to_string(server.port()) + " is not reachable"))
        << failed.error().message;
    EXPECT_FALSE(reconnecting.snapshot());

    server.restart();
    Result<observe::BrokerSnapshot> recovered = Error{ErrorCode::Unavailable, "not yet"};
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (!recovered && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(100ms);
        recovered = reconnecting.snapshot();
    }
    ASSERT_TRUE(recovered) << recovered.error().message;
    EXPECT_EQ(reconnecting.health().state, connect::ReconnectingSource::State::Connected);
}

}  // namespace
}  // namespace sbx::test
