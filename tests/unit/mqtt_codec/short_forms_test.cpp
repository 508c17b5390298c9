// MQTT 5 lets acknowledgements drop trailing fields (§3.4.2.1, §3.14.2.1, §3.15.2.1).
#include "codec_test_support.h"

namespace sbx::mqtt::test {
namespace {

constexpr auto V5 = ProtocolVersion::V5;
constexpr auto V311 = ProtocolVersion::V311;

TEST(MqttShortForms, DisconnectWithoutReasonIsNormal) {
    EXPECT_EQ(decodeOk({0xE0, 0x00}, V5), (Packet{Disconnect{}}));
    EXPECT_EQ(decodeOk({0xE0, 0x01, 0x8E}, V5), (Packet{Disconnect{0x8E, {}}}));
    EXPECT_EQ(decodeOk({0xE0, 0x02, 0x04, 0x00}, V5), (Packet{Disconnect{0x04, {}}}));
}

TEST(MqttShortForms, Disconnect311MustBeEmpty) {
    expectRefused({0xE0, 0x01, 0x00}, V311, ReasonCode::MalformedPacket);
}

TEST(MqttShortForms, PublishResponsesMayOmitReasonAndProperties) {
    EXPECT_EQ(decodeOk({0x40, 0x02, 0x00, 0x07}, V5),
              (Packet{PublishResponse{PacketType::Puback, 7, 0x00, {}}}));
    EXPECT_EQ(decodeOk({0x50, 0x03, 0x00, 0x07, 0x97}, V5),
              (Packet{PublishResponse{PacketType::Pubrec, 7, 0x97, {}}}));
    EXPECT_EQ(decodeOk({0x70, 0x04, 0x00, 0x07, 0x92, 0x00}, V5),
              (Packet{PublishResponse{PacketType::Pubcomp, 7, 0x92, {}}}));
}

TEST(MqttShortForms, AuthMayOmitOnlyTheWholeVariableHeader) {
    EXPECT_EQ(decodeOk({0xF0, 0x00}, V5), (Packet{Auth{}}));
    expectRefused({0xF0, 0x01, 0x18}, V5, ReasonCode::MalformedPacket);
    EXPECT_EQ(decodeOk({0xF0, 0x02, 0x18, 0x00}, V5), (Packet{Auth{0x18, {}}}));
}

TEST(MqttShortForms, ReasonCodesMustBeDefinedForThePacket) {
    expectRefused({0x40, 0x03, 0x00, 0x07, 0x05}, V5, ReasonCode::MalformedPacket);
    expectRefused({0x62, 0x03, 0x00, 0x07, 0x10}, V5, ReasonCode::MalformedPacket);
    expectRefused({0xE0, 0x01, 0x01}, V5, ReasonCode::MalformedPacket);
    expectRefused({0xF0, 0x02, 0x01, 0x00}, V5, ReasonCode::MalformedPacket);
    expectRefused({0xB0, 0x04, 0x00, 0x01, 0x00, 0x02}, V5, ReasonCode::MalformedPacket);
    expectRefused({0x20, 0x03, 0x00, 0x10, 0x00}, V5, ReasonCode::MalformedPacket);
    expectRefused({0x20, 0x02, 0x00, 0x06}, V311, ReasonCode::MalformedPacket);
}

TEST(MqttShortForms, ConnackReservedFlagsMustBeZero) {
    expectRefused({0x20, 0x02, 0x02, 0x00}, V311, ReasonCode::MalformedPacket);
    expectRefused({0x20, 0x03, 0x80, 0x00, 0x00}, V5, ReasonCode::MalformedPacket);
}

TEST(MqttShortForms, ResponsesNeedANonZeroPacketId) {
    expectRefused({0x40, 0x02, 0x00, 0x00}, V5, ReasonCode::ProtocolError);
    expectRefused({0xB0, 0x02, 0x00, 0x00}, V311, ReasonCode::ProtocolError);
}

}  // namespace
}  // namespace sbx::mqtt::test
