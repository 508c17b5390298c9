#include "codec_test_support.h"

namespace sbx::mqtt::test {
namespace {

constexpr auto V5 = ProtocolVersion::V5;
constexpr auto V311 = ProtocolVersion::V311;

// A CONNECT with the given name, level and flags, keep alive 60, then `rest`.
Bytes connect(std::string_view name, std::uint8_t level, std::uint8_t flags, const Bytes& rest) {
    return frame(0x10, cat({str(name), {level, flags, 0x00, 0x3C}, rest}));
}

TEST(MqttConnectRules, UnsupportedProtocolLevelsAreRefusedAsSuch) {
    for (const std::uint8_t level : {0, 3, 6, 255}) {
        const auto bytes = connect("MQTT", level, 0x02, str("c"));
        expectRefused(bytes, V5, ReasonCode::UnsupportedProtocolVersion);
        EXPECT_EQ(connectProtocolLevel(std::span(bytes).subspan(2)), level);
    }
}

TEST(MqttConnectRules, Mqtt31IsUnsupported) {
    const auto bytes = connect("MQIsdp", 3, 0x02, str("c"));
    expectRefused(bytes, V311, ReasonCode::UnsupportedProtocolVersion);
    EXPECT_EQ(connectProtocolLevel(std::span(bytes).subspan(2)), 3);
}

TEST(MqttConnectRules, WrongProtocolNameIsMalformed) {
    expectRefused(connect("MQTX", 4, 0x02, str("c")), V311, ReasonCode::MalformedPacket);
    EXPECT_EQ(connectProtocolLevel(Bytes{0x00, 0x04, 'M'}), std::nullopt);
}

TEST(MqttConnectRules, ReservedFlagMustBeZero) {
    expectRefused(connect("MQTT", 5, 0x03, cat({{0x00}, str("c")})), V5,
                  ReasonCode::MalformedPacket);
    expectRefused(connect("MQTT", 4, 0x03, str("c")), V311, ReasonCode::MalformedPacket);
}

TEST(MqttConnectRules, WillQos3IsMalformed) {
    expectRefused(connect("MQTT", 4, 0x1E, cat({str("c"), str("w"), str("m")})), V311,
                  ReasonCode::MalformedPacket);
    expectRefused(connect("MQTT", 5, 0x1E, cat({{0x00}, str("c"), {0x00}, str("w"), str("m")})), V5,
                  ReasonCode::MalformedPacket);
}

TEST(MqttConnectRules, WillQosAndRetainMustBeZeroWithoutWill) {
    expectRefused(connect("MQTT", 4, 0x0A, str("c")), V311, ReasonCode::MalformedPacket);
    expectRefused(connect("MQTT", 4, 0x22, str("c")), V311, ReasonCode::MalformedPacket);
    expectRefused(connect("MQTT", 5, 0x22, cat({{0x00}, str("c")})), V5,
                  ReasonCode::MalformedPacket);
}

TEST(MqttConnectRules, PasswordWithoutUserNameOnlyInMqtt5) {
    expectRefused(connect("MQTT", 4, 0x42, cat({str("c"), str("pw")})), V311,
                  ReasonCode::MalformedPacket);
    const auto packet = decodeOk(connect("MQTT", 5, 0x42, cat({{0x00}, str("c"), str("pw")})), V5);
    const auto& decoded = std::get<Connect>(packet);
    EXPECT_EQ(decoded.password, "pw");
    EXPECT_EQ(decoded.username, std::nullopt);
}

TEST(MqttConnectRules, ClientIdMustBeValidUtf8) {
    const Bytes overlongSlash{0x00, 0x02, 0xC0, 0xAF};
    const Bytes withNul{0x00, 0x03, 'a', 0x00, 'b'};
    const Bytes surrogate{0x00, 0x03, 0xED, 0xA0, 0x80};
    for (const auto& clientId : {overlongSlash, withNul, surrogate}) {
        expectRefused(connect("MQTT", 4, 0x02, clientId), V311, ReasonCode::MalformedPacket);
        expectRefused(connect("MQTT", 5, 0x02, cat({{0x00}, clientId})), V5,
                      ReasonCode::MalformedPacket);
    }
    // U+0001 and U+007F..U+009F are allowed (the spec says SHOULD NOT, not MUST NOT).
    const Bytes controls{0x00, 0x04, 0x01, 0x7F, 0xC2, 0x9F};
    EXPECT_EQ(std::get<Connect>(decodeOk(connect("MQTT", 4, 0x02, controls), V311)).clientId,
              "\x01\x7f\xc2\x9f");
}

TEST(MqttConnectRules, UserNameAndWillTopicMustBeValidUtf8) {
    const Bytes bad{0x00, 0x01, 0xFF};
    expectRefused(connect("MQTT", 4, 0x82, cat({str("c"), bad})), V311,
                  ReasonCode::MalformedPacket);
    expectRefused(connect("MQTT", 4, 0x06, cat({str("c"), bad, str("m")})), V311,
                  ReasonCode::MalformedPacket);
}

TEST(MqttConnectRules, WillTopicMustBeATopicName) {
    expectRefused(connect("MQTT", 4, 0x06, cat({str("c"), str("a/#"), str("m")})), V311,
                  ReasonCode::TopicNameInvalid);
    expectRefused(connect("MQTT", 5, 0x06, cat({{0x00}, str("c"), {0x00}, str(""), str("m")})), V5,
                  ReasonCode::TopicNameInvalid);
}

TEST(MqttConnectRules, AuthenticationDataNeedsAMethod) {
    const Bytes properties{0x04, 0x16, 0x00, 0x01, 'x'};
    expectRefused(connect("MQTT", 5, 0x02, cat({properties, str("c")})), V5,
                  ReasonCode::ProtocolError);
}

TEST(MqttConnectRules, ConnectIsDecodedWhateverTheSessionVersion) {
    const auto v5 = connect("MQTT", 5, 0x02, cat({{0x00}, str("c")}));
    EXPECT_EQ(std::get<Connect>(decodeOk(v5, V311)).version, V5);
    const auto v311 = connect("MQTT", 4, 0x02, str("c"));
    EXPECT_EQ(std::get<Connect>(decodeOk(v311, V5)).version, V311);
}

}  // namespace
}  // namespace sbx::mqtt::test
