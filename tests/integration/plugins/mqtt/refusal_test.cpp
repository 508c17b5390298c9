// The words for each CONNACK refusal, also for those mosquitto never sends (it answers a
// wrong password with "not authorized" and cannot be limited to MQTT 3.1.1).
#include "refusal.h"

#include <gtest/gtest.h>

namespace sbx::mqtt_connector {
namespace {

using mqtt::ProtocolVersion;

TEST(MqttRefusal, BadUserNameOrPasswordIsUnauthenticatedInBothVersions) {
    const auto v5 = connackRefusal(0x86, ProtocolVersion::V5, "h:1883", "x", true);
    EXPECT_EQ(v5.code, ErrorCode::Unauthenticated);
    EXPECT_EQ(v5.message, "the MQTT broker at h:1883 refused user 'x': bad user name or password");
    const auto v311 = connackRefusal(4, ProtocolVersion::V311, "h:1883", "x", true);
    EXPECT_EQ(v311.code, ErrorCode::Unauthenticated);
    EXPECT_EQ(v311.message, v5.message);
}

TEST(MqttRefusal, NotAuthorizedWithoutAPasswordIsPermissionDenied) {
    const auto anonymous = connackRefusal(0x87, ProtocolVersion::V5, "h:1883", "", false);
    EXPECT_EQ(anonymous.code, ErrorCode::PermissionDenied);
    EXPECT_NE(anonymous.message.find("anonymous"), std::string::npos);
    EXPECT_EQ(connackRefusal(5, ProtocolVersion::V311, "h:1883", "x", false).code,
              ErrorCode::PermissionDenied);
}

TEST(MqttRefusal, AnUnsupportedVersionSaysWhichToChoose) {
    // A v5-only broker refusing a 3.1.1 CONNECT (return code 1). A 3.1.1-only broker
    // answering our v5 CONNECT in the 3.1.1 form is read as 0x84 by the client.
    const auto old = connackRefusal(1, ProtocolVersion::V311, "h:1883", "", false);
    EXPECT_EQ(old.code, ErrorCode::Unsupported);
    EXPECT_EQ(old.message,
              "the MQTT broker at h:1883 does not speak MQTT 3.1.1: set the protocol "
              "version to 5");
    const auto v5 = connackRefusal(0x84, ProtocolVersion::V5, "h:1883", "", false);
    EXPECT_EQ(v5.code, ErrorCode::Unsupported);
    EXPECT_EQ(v5.message,
              "the MQTT broker at h:1883 does not speak MQTT 5: set the protocol version to 3.1.1");
}

}  // namespace
}  // namespace sbx::mqtt_connector
