#include "codec_test_support.h"

namespace sbx::mqtt::test {
namespace {

constexpr auto V5 = ProtocolVersion::V5;
constexpr auto V311 = ProtocolVersion::V311;

TEST(MqttPublishRules, PacketIdZeroWithQos1Or2IsAProtocolError) {
    expectRefused({0x32, 0x05, 0x00, 0x01, 't', 0x00, 0x00}, V311, ReasonCode::ProtocolError);
    expectRefused({0x34, 0x06, 0x00, 0x01, 't', 0x00, 0x00, 0x00}, V5, ReasonCode::ProtocolError);
}

TEST(MqttPublishRules, TopicNameMustNotHoldWildcards) {
    expectRefused(frame(0x30, cat({str("a/+/c"), {0x00}})), V5, ReasonCode::TopicNameInvalid);
    expectRefused(frame(0x30, cat({str("a/#")})), V311, ReasonCode::TopicNameInvalid);
}

TEST(MqttPublishRules, TopicNameMustBeValidUtf8) {
    expectRefused({0x30, 0x04, 0x00, 0x02, 0xC3, 0x28}, V311, ReasonCode::MalformedPacket);
    expectRefused({0x30, 0x05, 0x00, 0x02, 'a', 0x00, 0x00}, V5, ReasonCode::MalformedPacket);
}

TEST(MqttPublishRules, EmptyTopicNeedsATopicAliasInMqtt5) {
    expectRefused({0x30, 0x03, 0x00, 0x00, 0x00}, V5, ReasonCode::ProtocolError);
    expectRefused({0x30, 0x02, 0x00, 0x00}, V311, ReasonCode::TopicNameInvalid);
    const auto packet = decodeOk({0x30, 0x07, 0x00, 0x00, 0x03, 0x23, 0x00, 0x05, 'p'}, V5);
    EXPECT_EQ(std::get<Publish>(packet).properties.topicAlias, 5);
}

TEST(MqttPublishRules, TopicAliasZeroIsInvalid) {
    expectRefused({0x30, 0x08, 0x00, 0x01, 't', 0x03, 0x23, 0x00, 0x00, 'p'}, V5,
                  ReasonCode::TopicAliasInvalid);
}

TEST(MqttPublishRules, PayloadIsTheRestOfThePacket) {
    const auto packet = decodeOk({0x30, 0x06, 0x00, 0x01, 't', 0x00, 0xFF, 0x00}, V5);
    EXPECT_EQ(std::get<Publish>(packet).payload, std::string("\xff\x00", 2));
}

}  // namespace
}  // namespace sbx::mqtt::test
