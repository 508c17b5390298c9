#include "sbx/connect/connection_profile.h"

#include <gtest/gtest.h>

#include <fstream>

#include "temp_dir.h"

namespace sbx::connect {
namespace {

ConnectionProfile sample() {
    ConnectionProfile profile;
    profile.id = "prod-rabbit";
    profile.name = "Production RabbitMQ";
    profile.connector = "rabbitmq";
    profile.host = "rabbit.example.com";
    profile.port = 15671;
    profile.username = "monitor";
    profile.tls.enabled = true;
    profile.tls.caFile = "/etc/ssl/ca.pem";
    profile.options["amqp_port"] = "5671";
    profile.timeout = std::chrono::milliseconds(3000);
    return profile;
}

TEST(ConnectionProfile, RoundTripsThroughJson) {
    const auto profile = sample();
    auto parsed = parseProfile(serializeProfile(profile));
    ASSERT_TRUE(parsed) << parsed.error().describe();
    EXPECT_EQ(*parsed, profile);
}

TEST(ConnectionProfile, NeverHoldsASecret) {
    EXPECT_EQ(serializeProfile(sample()).find("password"), std::string::npos);
    auto parsed = parseProfile(R"({"id":"a","connector":"nats","password":"hunter2"})");
    ASSERT_FALSE(parsed);
    EXPECT_NE(parsed.error().message.find("keychain"), std::string::npos);
}

TEST(ConnectionProfile, BadInputGetsAClearError) {
    EXPECT_EQ(parseProfile("{").error().code, ErrorCode::ParseError);
    EXPECT_NE(parseProfile(R"({"id":"../x","connector":"nats"})").error().message.find("id"),
              std::string::npos);
    EXPECT_NE(parseProfile(R"({"id":"a"})").error().message.find("no connector"),
              std::string::npos);
    EXPECT_NE(
        parseProfile(R"({"id":"a","connector":"nats","port":70000})").error().message.find("70000"),
        std::string::npos);
    EXPECT_NE(parseProfile(R"({"id":"a","connector":"nats","colour":"red"})")
                  .error()
                  .message.find("unknown key 'colour'"),
              std::string::npos);
    EXPECT_EQ(parseProfile(R"({"id":"a","connector":"nats","port":"x"})").error().code,
              ErrorCode::ParseError);
}

TEST(ConnectionProfile, SavesLoadsAndDeletesInAFolder) {
    test::TempDir dir;
    ASSERT_TRUE(saveProfile(dir.path(), sample()));
    auto other = sample();
    other.id = "a-nats";
    other.connector = "nats";
    ASSERT_TRUE(saveProfile(dir.path(), other));
    std::ofstream(dir / "broken.json") << "{ nope";
    const auto list = loadProfiles(dir.path());
    ASSERT_EQ(list.profiles.size(), 2U);
    EXPECT_EQ(list.profiles[0].id, "a-nats");
    EXPECT_EQ(list.profiles[1], sample());
    ASSERT_EQ(list.problems.size(), 1U);
    EXPECT_NE(list.problems[0].find("broken.json"), std::string::npos);
    ASSERT_TRUE(deleteProfile(dir.path(), "a-nats"));
    EXPECT_EQ(loadProfiles(dir.path()).profiles.size(), 1U);
    EXPECT_EQ(deleteProfile(dir.path(), "a-nats").error().code, ErrorCode::NotFound);
}

TEST(ConnectionProfile, HeadlessSecretsComeFromTheEnvironment) {
    const auto profile = sample();
    EXPECT_EQ(secretEnvironmentName(profile), "SBX_SECRET_PROD_RABBIT");
    setenv("SBX_SECRET_PROD_RABBIT", "s3cret", 1);
    EXPECT_EQ(credentialsFromEnvironment(profile).password, "s3cret");
    unsetenv("SBX_SECRET_PROD_RABBIT");
    EXPECT_EQ(credentialsFromEnvironment(profile).password, "");
}

}  // namespace
}  // namespace sbx::connect
