#include "codec_test_support.h"

namespace sbx::mqtt::test {
namespace {

TEST(MqttFraming, EveryPrefixIsIncompleteUntilTheLastByte) {
    Publish publish{"a/b", std::string(200, 'z'), 1, false, false, 5, {}};
    publish.properties.userProperties = {{"k", "v"}};
    for (const auto version : {ProtocolVersion::V5, ProtocolVersion::V311}) {
        const auto bytes = encode(publish, version);
        FrameHeader header;
        for (std::size_t size = 0; size < bytes.size(); ++size) {
            ASSERT_EQ(peekFrame(std::span(bytes).first(size), header), FrameStatus::Incomplete)
                << "prefix of " << size << " bytes";
        }
        ASSERT_EQ(peekFrame(bytes, header), FrameStatus::Complete);
        EXPECT_EQ(header.totalSize(), bytes.size());
        EXPECT_EQ(header.headerSize, 3u);  // remaining length > 127 takes two bytes
        EXPECT_EQ(header.type(), PacketType::Publish);
        EXPECT_EQ(header.flags(), 0x02);
    }
}

TEST(MqttFraming, FindsTheFirstOfSeveralPackets) {
    auto bytes = encode(Pingreq{}, ProtocolVersion::V5);
    const auto second = encode(Disconnect{}, ProtocolVersion::V5);
    bytes.insert(bytes.end(), second.begin(), second.end());
    FrameHeader header;
    ASSERT_EQ(peekFrame(bytes, header), FrameStatus::Complete);
    EXPECT_EQ(header.totalSize(), 2u);
    EXPECT_EQ(header.type(), PacketType::Pingreq);
}

TEST(MqttFraming, FifthLengthByteIsMalformed) {
    FrameHeader header;
    EXPECT_EQ(peekFrame(Bytes{0x30, 0xFF, 0xFF, 0xFF, 0xFF}, header), FrameStatus::Malformed);
    EXPECT_EQ(peekFrame(Bytes{0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0x01}, header), FrameStatus::Malformed);
    EXPECT_EQ(peekFrame(Bytes{0x30, 0xFF, 0xFF, 0xFF}, header), FrameStatus::Incomplete);
}

TEST(MqttFraming, LargestRemainingLength) {
    FrameHeader header;
    EXPECT_EQ(peekFrame(Bytes{0x30, 0xFF, 0xFF, 0xFF, 0x7F}, header), FrameStatus::Incomplete);
    EXPECT_EQ(header.remainingLength, 268'435'455u);
    EXPECT_EQ(header.headerSize, 5u);
}

TEST(MqttFraming, EmptyInputIsIncomplete) {
    FrameHeader header;
    EXPECT_EQ(peekFrame({}, header), FrameStatus::Incomplete);
}

}  // namespace
}  // namespace sbx::mqtt::test
