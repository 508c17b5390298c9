#include "codec_test_support.h"

namespace sbx::mqtt::test {
namespace {

constexpr auto V5 = ProtocolVersion::V5;

// A v5 CONNECT carrying `properties` (the property block including its length).
Bytes connectWith(const Bytes& properties) {
    return frame(0x10, cat({str("MQTT"), {0x05, 0x02, 0x00, 0x3C}, properties, str("c")}));
}

// A v5 QoS 0 PUBLISH to "t" carrying `properties`.
Bytes publishWith(const Bytes& properties) {
    return frame(0x30, cat({str("t"), properties}));
}

TEST(MqttPropertyRules, UnknownIdIsMalformed) {
    expectRefused(connectWith({0x02, 0x04, 0x00}), V5, ReasonCode::MalformedPacket);
    expectRefused(connectWith({0x02, 0x80, 0x01}), V5, ReasonCode::MalformedPacket);
}

TEST(MqttPropertyRules, PropertyNotAllowedForThePacketIsMalformed) {
    expectRefused(connectWith({0x03, 0x23, 0x00, 0x01}), V5, ReasonCode::MalformedPacket);
    expectRefused(publishWith({0x05, 0x11, 0x00, 0x00, 0x00, 0x01}), V5,
                  ReasonCode::MalformedPacket);
    // Will Delay Interval belongs to the will properties, not the CONNECT's own.
    expectRefused(connectWith({0x05, 0x18, 0x00, 0x00, 0x00, 0x01}), V5,
                  ReasonCode::MalformedPacket);
}

TEST(MqttPropertyRules, DuplicatesAreAProtocolError) {
    expectRefused(connectWith({0x0A, 0x11, 0, 0, 0, 1, 0x11, 0, 0, 0, 2}), V5,
                  ReasonCode::ProtocolError);
    expectRefused(publishWith({0x06, 0x23, 0x00, 0x01, 0x23, 0x00, 0x02}), V5,
                  ReasonCode::ProtocolError);
}

TEST(MqttPropertyRules, UserPropertiesMayRepeatInOrder) {
    const auto packet = decodeOk(
        connectWith(cat({{0x0E, 0x26}, str("k"), str("1"), {0x26}, str("k"), str("2")})), V5);
    const auto expected = std::vector<std::pair<std::string, std::string>>{{"k", "1"}, {"k", "2"}};
    EXPECT_EQ(std::get<Connect>(packet).properties.userProperties, expected);
}

TEST(MqttPropertyRules, SubscriptionIdentifierRepeatsOnlyInPublish) {
    const auto packet = decodeOk(publishWith({0x05, 0x0B, 0x01, 0x0B, 0x80, 0x01}), V5);
    EXPECT_EQ(std::get<Publish>(packet).properties.subscriptionIdentifiers,
              (std::vector<std::uint32_t>{1, 128}));
    expectRefused(frame(0x82, cat({{0x00, 0x01, 0x04, 0x0B, 0x01, 0x0B, 0x02}, str("a"), {0x00}})),
                  V5, ReasonCode::ProtocolError);
}

TEST(MqttPropertyRules, SubscriptionIdentifierZeroIsAProtocolError) {
    expectRefused(frame(0x82, cat({{0x00, 0x01, 0x02, 0x0B, 0x00}, str("a"), {0x00}})), V5,
                  ReasonCode::ProtocolError);
    expectRefused(publishWith({0x02, 0x0B, 0x00}), V5, ReasonCode::ProtocolError);
}

TEST(MqttPropertyRules, ReceiveMaximumZeroIsAProtocolError) {
    expectRefused(connectWith({0x03, 0x21, 0x00, 0x00}), V5, ReasonCode::ProtocolError);
}

TEST(MqttPropertyRules, MaximumPacketSizeZeroIsAProtocolError) {
    expectRefused(connectWith({0x05, 0x27, 0x00, 0x00, 0x00, 0x00}), V5, ReasonCode::ProtocolError);
}

TEST(MqttPropertyRules, FlagPropertiesMustBe0Or1) {
    expectRefused(publishWith({0x02, 0x01, 0x02}), V5, ReasonCode::ProtocolError);
    expectRefused(connectWith({0x02, 0x17, 0x02}), V5, ReasonCode::ProtocolError);
    expectRefused(connectWith({0x02, 0x19, 0x02}), V5, ReasonCode::ProtocolError);
    expectRefused(frame(0x20, {0x00, 0x00, 0x02, 0x24, 0x02}), V5, ReasonCode::ProtocolError);
    const auto packet = decodeOk(connectWith({0x04, 0x17, 0x00, 0x19, 0x01}), V5);
    EXPECT_EQ(std::get<Connect>(packet).properties.requestProblemInformation, 0);
    EXPECT_EQ(std::get<Connect>(packet).properties.requestResponseInformation, 1);
}

TEST(MqttPropertyRules, PropertyLengthBeyondThePacketIsMalformed) {
    expectRefused(publishWith({0x09, 0x23, 0x00, 0x01}), V5, ReasonCode::MalformedPacket);
}

TEST(MqttPropertyRules, ValueCutByThePropertyLengthIsMalformed) {
    // The block says 2 bytes, the Topic Alias needs 3; the payload must not be borrowed.
    expectRefused(publishWith({0x02, 0x23, 0x00, 0x01}), V5, ReasonCode::MalformedPacket);
}

TEST(MqttPropertyRules, StringPropertiesMustBeValidUtf8) {
    expectRefused(publishWith({0x06, 0x03, 0x00, 0x03, 0xED, 0xB0, 0x80}), V5,
                  ReasonCode::MalformedPacket);
}

TEST(MqttPropertyRules, WillPropertiesHaveTheirOwnTable) {
    const auto will = [](const Bytes& properties) {
        return frame(0x10, cat({str("MQTT"),
                                {0x05, 0x06, 0x00, 0x3C, 0x00},
                                str("c"),
                                properties,
                                str("w"),
                                str("m")}));
    };
    const auto packet = decodeOk(will({0x05, 0x18, 0x00, 0x00, 0x00, 0x09}), V5);
    EXPECT_EQ(std::get<Connect>(packet).will->properties.willDelayInterval, 9u);
    expectRefused(will({0x03, 0x23, 0x00, 0x01}), V5, ReasonCode::MalformedPacket);
}

}  // namespace
}  // namespace sbx::mqtt::test
