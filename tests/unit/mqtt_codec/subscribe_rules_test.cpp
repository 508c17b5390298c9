#include "codec_test_support.h"

namespace sbx::mqtt::test {
namespace {

constexpr auto V5 = ProtocolVersion::V5;
constexpr auto V311 = ProtocolVersion::V311;

Bytes subscribeV5(std::uint8_t options, std::string_view filter = "a/b") {
    return frame(0x82, cat({{0x00, 0x01, 0x00}, str(filter), {options}}));
}

Bytes subscribeV311(std::uint8_t options) {
    return frame(0x82, cat({{0x00, 0x01}, str("a/b"), {options}}));
}

TEST(MqttSubscribeRules, AtLeastOneEntry) {
    expectRefused({0x82, 0x03, 0x00, 0x01, 0x00}, V5, ReasonCode::ProtocolError);
    expectRefused({0x82, 0x02, 0x00, 0x01}, V311, ReasonCode::ProtocolError);
}

TEST(MqttSubscribeRules, PacketIdZeroIsAProtocolError) {
    expectRefused(frame(0x82, cat({{0x00, 0x00}, str("a"), {0x00}})), V311,
                  ReasonCode::ProtocolError);
    expectRefused(frame(0xA2, cat({{0x00, 0x00}, str("a")})), V311, ReasonCode::ProtocolError);
}

TEST(MqttSubscribeRules, ReservedOptionBitsMustBeZero) {
    expectRefused(subscribeV5(0x40), V5, ReasonCode::MalformedPacket);
    expectRefused(subscribeV5(0x80), V5, ReasonCode::MalformedPacket);
    // 3.1.1 has only the QoS bits: No Local and the rest are reserved there.
    expectRefused(subscribeV311(0x04), V311, ReasonCode::MalformedPacket);
    expectRefused(subscribeV311(0x10), V311, ReasonCode::MalformedPacket);
}

TEST(MqttSubscribeRules, Qos3IsRefused) {
    // 3.1.1 §3.8.3.1 calls it malformed; MQTT 5 §3.8.3.1 a Protocol Error.
    expectRefused(subscribeV311(0x03), V311, ReasonCode::MalformedPacket);
    expectRefused(subscribeV5(0x03), V5, ReasonCode::ProtocolError);
}

TEST(MqttSubscribeRules, RetainHandling3IsAProtocolError) {
    expectRefused(subscribeV5(0x30), V5, ReasonCode::ProtocolError);
}

TEST(MqttSubscribeRules, NoLocalOnASharedSubscriptionIsAProtocolError) {
    expectRefused(subscribeV5(0x04, "$share/group/a"), V5, ReasonCode::ProtocolError);
    const auto packet = decodeOk(subscribeV5(0x04, "a/b"), V5);
    EXPECT_TRUE(std::get<Subscribe>(packet).entries.at(0).noLocal);
}

TEST(MqttSubscribeRules, FilterMustBeValidUtf8) {
    expectRefused(frame(0x82, {0x00, 0x01, 0x00, 0x01, 0xFE, 0x00}), V311,
                  ReasonCode::MalformedPacket);
}

TEST(MqttSubscribeRules, EntryCutShortIsMalformed) {
    expectRefused(frame(0x82, cat({{0x00, 0x01}, str("a/b")})), V311, ReasonCode::MalformedPacket);
}

TEST(MqttUnsubscribeRules, AtLeastOneFilter) {
    expectRefused({0xA2, 0x03, 0x00, 0x01, 0x00}, V5, ReasonCode::ProtocolError);
    expectRefused({0xA2, 0x02, 0x00, 0x01}, V311, ReasonCode::ProtocolError);
}

TEST(MqttSubackRules, ReturnCodesMustBeDefined) {
    expectRefused({0x90, 0x03, 0x00, 0x01, 0x03}, V311, ReasonCode::MalformedPacket);
    expectRefused({0x90, 0x04, 0x00, 0x01, 0x00, 0x03}, V5, ReasonCode::MalformedPacket);
    expectRefused({0x90, 0x02, 0x00, 0x01}, V311, ReasonCode::ProtocolError);
}

}  // namespace
}  // namespace sbx::mqtt::test
