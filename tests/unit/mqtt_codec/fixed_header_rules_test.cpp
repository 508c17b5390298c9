#include "codec_test_support.h"

namespace sbx::mqtt::test {
namespace {

constexpr auto V5 = ProtocolVersion::V5;
constexpr auto V311 = ProtocolVersion::V311;

TEST(MqttFixedHeaderRules, PubrelSubscribeUnsubscribeNeedFlags0010) {
    for (const auto version : {V5, V311}) {
        expectRefused({0x60, 0x02, 0x00, 0x01}, version, ReasonCode::MalformedPacket);
        expectRefused({0x80, 0x06, 0x00, 0x01, 0x00, 0x01, 'a', 0x00}, version,
                      ReasonCode::MalformedPacket);
        expectRefused({0xA0, 0x05, 0x00, 0x01, 0x00, 0x01, 'a'}, version,
                      ReasonCode::MalformedPacket);
    }
    EXPECT_EQ(decodeOk({0x62, 0x02, 0x00, 0x01}, V311),
              (Packet{PublishResponse{PacketType::Pubrel, 1, 0, {}}}));
}

TEST(MqttFixedHeaderRules, OtherPacketsNeedFlagsZero) {
    expectRefused({0xC1, 0x00}, V5, ReasonCode::MalformedPacket);                // PINGREQ
    expectRefused({0xD8, 0x00}, V311, ReasonCode::MalformedPacket);              // PINGRESP
    expectRefused({0xE2, 0x00}, V5, ReasonCode::MalformedPacket);                // DISCONNECT
    expectRefused({0x42, 0x02, 0x00, 0x01}, V5, ReasonCode::MalformedPacket);    // PUBACK
    expectRefused({0x21, 0x02, 0x00, 0x00}, V311, ReasonCode::MalformedPacket);  // CONNACK
    expectRefused({0xF1, 0x00}, V5, ReasonCode::MalformedPacket);                // AUTH
}

TEST(MqttFixedHeaderRules, PublishQos3IsMalformed) {
    expectRefused({0x36, 0x05, 0x00, 0x01, 't', 0x00, 0x01}, V5, ReasonCode::MalformedPacket);
    expectRefused({0x36, 0x05, 0x00, 0x01, 't', 0x00, 0x01}, V311, ReasonCode::MalformedPacket);
}

TEST(MqttFixedHeaderRules, PublishQos0WithDupIsMalformed) {
    // [MQTT-3.3.1-2]: the DUP flag MUST be 0 for all QoS 0 messages.
    expectRefused({0x38, 0x04, 0x00, 0x01, 't', 0x00}, V5, ReasonCode::MalformedPacket);
    expectRefused({0x38, 0x03, 0x00, 0x01, 't'}, V311, ReasonCode::MalformedPacket);
}

TEST(MqttFixedHeaderRules, PacketType0IsReserved) {
    expectRefused({0x00, 0x00}, V5, ReasonCode::MalformedPacket);
    expectRefused({0x00, 0x00}, V311, ReasonCode::MalformedPacket);
}

TEST(MqttFixedHeaderRules, AuthExistsOnlyInMqtt5) {
    expectRefused({0xF0, 0x00}, V311, ReasonCode::MalformedPacket);
    EXPECT_EQ(decodeOk({0xF0, 0x00}, V5), (Packet{Auth{}}));
}

TEST(MqttFixedHeaderRules, TrailingBytesAreMalformed) {
    expectRefused({0xC0, 0x01, 0x00}, V5, ReasonCode::MalformedPacket);                // PINGREQ
    expectRefused({0x40, 0x03, 0x00, 0x01, 0x00}, V311, ReasonCode::MalformedPacket);  // PUBACK
    expectRefused({0xB0, 0x03, 0x00, 0x01, 0x00}, V311, ReasonCode::MalformedPacket);  // UNSUBACK
    expectRefused({0x20, 0x04, 0x00, 0x00, 0x00, 0x00}, V5, ReasonCode::MalformedPacket);
    expectRefused(frame(0x10, cat({str("MQTT"), {0x04, 0x02, 0x00, 0x3C}, str("c"), {0x00}})), V311,
                  ReasonCode::MalformedPacket);
}

TEST(MqttFixedHeaderRules, TruncatedFieldsAreMalformed) {
    // The remaining length ends inside the fields.
    expectRefused({0x40, 0x01, 0x00}, V5, ReasonCode::MalformedPacket);
    expectRefused({0x30, 0x03, 0x00, 0x05, 'a'}, V311, ReasonCode::MalformedPacket);
    expectRefused(frame(0x10, cat({str("MQTT"), {0x04, 0x02, 0x00}})), V311,
                  ReasonCode::MalformedPacket);
    expectRefused(frame(0x10, cat({str("MQTT"), {0x05, 0x02, 0x00, 0x3C, 0x05, 0x11}})), V5,
                  ReasonCode::MalformedPacket);
}

TEST(MqttFixedHeaderRules, BodyMustMatchTheRemainingLength) {
    const Bytes body{0x00, 0x01};
    FrameHeader header{0x40, 3, 2};
    const auto result = decodePacket(header, body, V5);
    ASSERT_TRUE(std::holds_alternative<DecodeError>(result));
    EXPECT_EQ(std::get<DecodeError>(result).reason, ReasonCode::MalformedPacket);
}

}  // namespace
}  // namespace sbx::mqtt::test
