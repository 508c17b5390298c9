#include "publish_encoder.h"

#include <gtest/gtest.h>

#include "sbx/mqtt/codec.h"

namespace sbx::broker {
namespace {

mqtt::Publish decode(const std::vector<std::uint8_t>& bytes, mqtt::ProtocolVersion version) {
    mqtt::FrameHeader header;
    EXPECT_EQ(mqtt::peekFrame(bytes, header), mqtt::FrameStatus::Complete);
    EXPECT_EQ(header.totalSize(), bytes.size());
    auto result = mqtt::decodePacket(
        header, std::span(bytes).subspan(header.headerSize, header.remainingLength), version);
    if (auto* error = std::get_if<mqtt::DecodeError>(&result)) {
        ADD_FAILURE() << error->message;
        return {};
    }
    return std::get<mqtt::Publish>(std::get<mqtt::Packet>(result));
}

Message sample() {
    Message m;
    m.topic = "sensors/kitchen/temp";
    m.payload = "21.5";
    m.qos = 1;
    m.payloadFormat = 1;
    m.contentType = "text/plain";
    m.responseTopic = "replies/1";
    m.correlationData = std::string("\x01\x02", 2);
    m.userProperties = {{"unit", "celsius"}};
    return m;
}

// Every form we write must be what the (independently tested) codec reads back.
TEST(PublishEncoder, V5WithEveryPropertyDecodesToTheSameMessage) {
    auto message = sample();
    const auto now = std::chrono::system_clock::now();
    message.expiresAt = now + std::chrono::seconds(30);
    const std::vector<std::uint32_t> ids = {3, 300};
    PublishParams params{1, true, true, 77, &ids};
    std::vector<std::uint8_t> out;
    encodeOutboundPublish(message, params, mqtt::ProtocolVersion::V5, {}, now, out);
    EXPECT_EQ(out.size(), outboundPublishSize(message, params, mqtt::ProtocolVersion::V5, {}, now));

    const auto p = decode(out, mqtt::ProtocolVersion::V5);
    EXPECT_EQ(p.topic, message.topic);
    EXPECT_EQ(p.payload, message.payload);
    EXPECT_EQ(p.qos, 1);
    EXPECT_TRUE(p.retain);
    EXPECT_TRUE(p.dup);
    EXPECT_EQ(p.packetId, 77);
    EXPECT_EQ(p.properties.payloadFormatIndicator, std::optional<std::uint8_t>(1));
    EXPECT_EQ(p.properties.messageExpiryInterval, std::optional<std::uint32_t>(30));
    EXPECT_EQ(p.properties.contentType, message.contentType);
    EXPECT_EQ(p.properties.responseTopic, message.responseTopic);
    EXPECT_EQ(p.properties.correlationData, message.correlationData);
    EXPECT_EQ(p.properties.subscriptionIdentifiers, ids);
    EXPECT_EQ(p.properties.userProperties, message.userProperties);
}

TEST(PublishEncoder, ExpiryIsTheTimeLeft) {
    auto message = sample();
    const auto now = std::chrono::system_clock::now();
    message.expiresAt = now + std::chrono::milliseconds(9200);
    std::vector<std::uint8_t> out;
    encodeOutboundPublish(message, {1, false, false, 1, nullptr}, mqtt::ProtocolVersion::V5, {},
                          now + std::chrono::seconds(5), out);
    EXPECT_EQ(decode(out, mqtt::ProtocolVersion::V5).properties.messageExpiryInterval,
              std::optional<std::uint32_t>(5));
}

TEST(PublishEncoder, TopicAliasFormsDecode) {
    const auto message = sample();
    const auto now = std::chrono::system_clock::now();
    std::vector<std::uint8_t> first;
    encodeOutboundPublish(message, {0, false, false, 0, nullptr}, mqtt::ProtocolVersion::V5,
                          TopicOnWire{true, 4}, now, first);
    const auto established = decode(first, mqtt::ProtocolVersion::V5);
    EXPECT_EQ(established.topic, message.topic);
    EXPECT_EQ(established.properties.topicAlias, std::optional<std::uint16_t>(4));

    std::vector<std::uint8_t> second;
    encodeOutboundPublish(message, {0, false, false, 0, nullptr}, mqtt::ProtocolVersion::V5,
                          TopicOnWire{false, 4}, now, second);
    EXPECT_LT(second.size(), first.size());
    const auto aliased = decode(second, mqtt::ProtocolVersion::V5);
    EXPECT_TRUE(aliased.topic.empty());
    EXPECT_EQ(aliased.properties.topicAlias, std::optional<std::uint16_t>(4));
}

TEST(PublishEncoder, V311CarriesNoProperties) {
    const auto message = sample();
    PublishParams params{0, false, true /* ignored at QoS 0 */, 0, nullptr};
    std::vector<std::uint8_t> out;
    const auto now = std::chrono::system_clock::now();
    encodeOutboundPublish(message, params, mqtt::ProtocolVersion::V311, {}, now, out);
    EXPECT_EQ(out.size(), 2 + 2 + message.topic.size() + message.payload.size());
    const auto p = decode(out, mqtt::ProtocolVersion::V311);
    EXPECT_EQ(p.topic, message.topic);
    EXPECT_FALSE(p.dup);
    EXPECT_EQ(p.properties, mqtt::Properties{});
}

TEST(PublishEncoder, LargePayloadUsesLongerLengthField) {
    auto message = sample();
    message.payload.assign(300000, 'x');
    std::vector<std::uint8_t> out;
    const auto now = std::chrono::system_clock::now();
    encodeOutboundPublish(message, {2, false, false, 9, nullptr}, mqtt::ProtocolVersion::V5, {},
                          now, out);
    EXPECT_EQ(out.size(), outboundPublishSize(message, {2, false, false, 9, nullptr},
                                              mqtt::ProtocolVersion::V5, {}, now));
    EXPECT_EQ(decode(out, mqtt::ProtocolVersion::V5).payload.size(), 300000U);
}

}  // namespace
}  // namespace sbx::broker
