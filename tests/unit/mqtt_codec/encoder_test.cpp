#include "codec_test_support.h"

namespace sbx::mqtt::test {
namespace {

constexpr auto V5 = ProtocolVersion::V5;
constexpr auto V311 = ProtocolVersion::V311;

TEST(MqttEncoder, MinimalPublishResponseForms) {
    EXPECT_EQ(encode(PublishResponse{PacketType::Puback, 1, 0, {}}, V5),
              (Bytes{0x40, 0x02, 0x00, 0x01}));
    EXPECT_EQ(encode(PublishResponse{PacketType::Pubrec, 1, 0x10, {}}, V5),
              (Bytes{0x50, 0x03, 0x00, 0x01, 0x10}));
    PublishResponse withReason{PacketType::Pubrel, 1, 0, {}};
    withReason.properties.reasonString = "r";
    EXPECT_EQ(encode(withReason, V5),
              (Bytes{0x62, 0x08, 0x00, 0x01, 0x00, 0x04, 0x1F, 0x00, 0x01, 'r'}));
}

TEST(MqttEncoder, Mqtt311FormsCarryNoPropertiesOrReasons) {
    Properties reason;
    reason.reasonString = "dropped in 3.1.1";
    EXPECT_EQ(encode(Connack{true, 0, reason}, V311), (Bytes{0x20, 0x02, 0x01, 0x00}));
    EXPECT_EQ(encode(Unsuback{3, {0x00, 0x11}, reason}, V311), (Bytes{0xB0, 0x02, 0x00, 0x03}));
    EXPECT_EQ(encode(PublishResponse{PacketType::Puback, 3, 0x80, reason}, V311),
              (Bytes{0x40, 0x02, 0x00, 0x03}));
    EXPECT_EQ(encode(Disconnect{0x8B, reason}, V311), (Bytes{0xE0, 0x00}));
    EXPECT_EQ(encode(Publish{"t", "p", 0, false, false, 0, reason}, V311),
              (Bytes{0x30, 0x04, 0x00, 0x01, 't', 'p'}));
}

TEST(MqttEncoder, AppendsToWhatTheBufferHolds) {
    Bytes buffer{0xAA};
    encodePacket(Pingresp{}, V5, buffer);
    encodePacket(Pingreq{}, V5, buffer);
    EXPECT_EQ(buffer, (Bytes{0xAA, 0xD0, 0x00, 0xC0, 0x00}));
}

TEST(MqttEncoder, EncodedSizeMatchesAcrossLengthBoundaries) {
    // Payload sizes that push the remaining length across each byte-count boundary.
    for (const std::size_t payload : {0u, 122u, 123u, 16'376u, 16'377u, 2'097'144u, 2'097'145u}) {
        for (const auto version : {V5, V311}) {
            const Publish publish{"t", std::string(payload, 'p'), 0, false, false, 0, {}};
            const auto bytes = encode(publish, version);
            EXPECT_EQ(bytes.size(), encodedSize(publish, version)) << payload;
            EXPECT_EQ(decodeOk(bytes, version), (Packet{publish}));
        }
    }
}

TEST(MqttEncoder, Mqtt311SubscribeWritesOnlyQos) {
    EXPECT_EQ(encode(Subscribe{1, {{"a", 1, true, true, 2}}, {}}, V311),
              (Bytes{0x82, 0x06, 0x00, 0x01, 0x00, 0x01, 'a', 0x01}));
}

}  // namespace
}  // namespace sbx::mqtt::test
