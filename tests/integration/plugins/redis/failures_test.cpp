// What a user reads when the connection cannot work: wrong password, missing ACL
// permission, TLS mismatch, nothing listening, the server killed mid-session.
#include "free_port.h"
#include "redis_plugin_fixture.h"
#include "sbx/connect/reconnecting_source.h"

namespace sbx::test {
namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

class RedisSecuredTest : public RedisPluginTest {
protected:
    RedisServer redis_{RedisServer::Options{
        "s3cret",
        {"user reader on >reader-pw ~* +@connection +info +scan +type",
         "user monitor on >monitor-pw ~* +@read +@connection +info +scan -xinfo"},
        true}};
    std::string peer() const { return "127.0.0.1:" + std::to_string(redis_.port()); }
};

TEST_F(RedisSecuredTest, RightPasswordWorks) {
    redis_.run({"XADD", "secured", "*", "payload", "x"});
    auto source = mustOpen(profile(redis_.port()), "s3cret");
    ASSERT_TRUE(source);
    auto snapshot = source->snapshot();
    ASSERT_TRUE(snapshot.ok()) << snapshot.error().message;
    EXPECT_NE(findDestination(snapshot.value(), "stream:secured"), nullptr);
}

TEST_F(RedisSecuredTest, WrongPasswordIsUnauthenticated) {
    auto source = open(profile(redis_.port()), "wrong");
    ASSERT_FALSE(source.ok());
    EXPECT_EQ(source.error().code, ErrorCode::Unauthenticated);
    EXPECT_TRUE(
        contains(source.error().message, "Redis at " + peer() + " refused the password (WRONGPASS"))
        << source.error().message;

    auto user = profile(redis_.port());
    user.username = "reader";
    auto wrongUser = open(user, "not-the-reader-pw");
    ASSERT_FALSE(wrongUser.ok());
    EXPECT_EQ(wrongUser.error().code, ErrorCode::Unauthenticated);
}

TEST_F(RedisSecuredTest, NoPasswordSaysOneIsNeeded) {
    auto source = open(profile(redis_.port()));
    ASSERT_FALSE(source.ok());
    EXPECT_EQ(source.error().code, ErrorCode::Unauthenticated);
    EXPECT_TRUE(contains(source.error().message, "wants a password and none was given (NOAUTH"))
        << source.error().message;
}

TEST_F(RedisSecuredTest, MissingPermissionNamesUserAndCommand) {
    redis_.run({"XADD", "guarded", "*", "payload", "x"});
    auto monitor = profile(redis_.port());
    monitor.username = "monitor";
    auto source = mustOpen(monitor, "monitor-pw");
    ASSERT_TRUE(source);
    auto snapshot = source->snapshot();
    ASSERT_FALSE(snapshot.ok());
    EXPECT_EQ(snapshot.error().code, ErrorCode::PermissionDenied);
    EXPECT_TRUE(
        contains(snapshot.error().message,
                 "user 'monitor' may not run XINFO STREAM on Redis at " + peer() + " (NOPERM"))
        << snapshot.error().message;

    // The reader may look but not write: XADD is refused with the same kind of sentence.
    auto reader = profile(redis_.port());
    reader.username = "reader";
    auto readOnly = mustOpen(reader, "reader-pw");
    ASSERT_TRUE(readOnly);
    observe::PublishRequest request;
    request.routingKey = "guarded";
    request.payload = "x";
    auto published = readOnly->publish(request);
    ASSERT_FALSE(published.ok());
    EXPECT_EQ(published.error().code, ErrorCode::PermissionDenied);
    EXPECT_TRUE(contains(published.error().message, "user 'reader' may not run XADD"))
        << published.error().message;
}

TEST_F(RedisSecuredTest, TlsWithTheTestCaWorks) {
    redis_.run({"XADD", "over-tls", "*", "payload", "x"});
    auto tls = profile(redis_.tlsPort());
    tls.tls.enabled = true;
    tls.tls.caFile = redis_.tlsFiles().caCert.string();
    auto source = mustOpen(tls, "s3cret");
    ASSERT_TRUE(source);
    auto snapshot = source->snapshot();
    ASSERT_TRUE(snapshot.ok()) << snapshot.error().message;
    EXPECT_NE(findDestination(snapshot.value(), "stream:over-tls"), nullptr);
    auto messages = source->peek({"stream:over-tls", 10, ""});
    ASSERT_TRUE(messages.ok());
    EXPECT_EQ(messages->size(), 1U);
}

TEST_F(RedisSecuredTest, TlsOnThePlainPortIsATlsError) {
    auto tls = profile(redis_.port());
    tls.tls.enabled = true;
    tls.tls.caFile = redis_.tlsFiles().caCert.string();
    auto source = open(tls, "s3cret");
    ASSERT_FALSE(source.ok());
    EXPECT_EQ(source.error().code, ErrorCode::TlsError) << source.error().message;
    EXPECT_TRUE(contains(source.error().message, "TLS handshake with " + peer() + " failed"))
        << source.error().message;
}

TEST_F(RedisSecuredTest, TlsWithoutTheCaIsRefused) {
    auto tls = profile(redis_.tlsPort());
    tls.tls.enabled = true;  // the system's trust store does not know the test CA
    auto source = open(tls, "s3cret");
    ASSERT_FALSE(source.ok());
    EXPECT_EQ(source.error().code, ErrorCode::TlsError);
    EXPECT_TRUE(contains(source.error().message, "certificate verify failed"))
        << source.error().message;
}

class RedisFailuresTest : public RedisPluginTest {};

TEST_F(RedisFailuresTest, NothingListeningIsUnavailable) {
    const std::uint16_t closed = freeLocalPort();
    auto source = open(profile(closed));
    ASSERT_FALSE(source.ok());
    EXPECT_EQ(source.error().code, ErrorCode::Unavailable);
    EXPECT_TRUE(contains(source.error().message,
                         "connection refused by 127.0.0.1:" + std::to_string(closed)))
        << source.error().message;
}

TEST_F(RedisFailuresTest, ServerKilledMidSessionFailsThenRecovers) {
    RedisServer redis;
    redis.run({"XADD", "survivor", "*", "payload", "x"});
    const auto settings = profile(redis.port());
    connect::ReconnectingSource source(
        "test redis", {}, [&] { return open(settings); },
        connect::ReconnectingSource::Backoff{std::chrono::milliseconds(100),
                                             std::chrono::milliseconds(200)});
    ASSERT_TRUE(source.connectNow().ok());
    ASSERT_TRUE(source.snapshot().ok());

    redis.kill();
    auto lost = source.snapshot();
    ASSERT_FALSE(lost.ok());
    EXPECT_EQ(lost.error().code, ErrorCode::Unavailable) << lost.error().message;
    EXPECT_TRUE(contains(lost.error().message, "127.0.0.1:" + std::to_string(redis.port())))
        << lost.error().message;

    redis.start();  // empty again: no persistence
    redis.run({"XADD", "reborn", "*", "payload", "x"});
    Result<observe::BrokerSnapshot> back = Error{};
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
        back = source.snapshot();
        if (back.ok()) {
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));  // the backoff's pace
    }
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_NE(findDestination(back.value(), "stream:reborn"), nullptr);
}

}  // namespace
}  // namespace sbx::test
