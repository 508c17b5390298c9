#include "sbx/bench/publish_template.h"

#include <gtest/gtest.h>

#include "sbx/mqtt/codec.h"

namespace sbx::bench {
namespace {

// Decodes every packet in `bytes`, failing the test on anything malformed.
std::vector<mqtt::Publish> decodeAll(std::span<const std::uint8_t> bytes,
                                     mqtt::ProtocolVersion version) {
    std::vector<mqtt::Publish> publishes;
    while (!bytes.empty()) {
        mqtt::FrameHeader header;
        EXPECT_EQ(mqtt::peekFrame(bytes, header), mqtt::FrameStatus::Complete);
        if (header.totalSize() == 0 || header.totalSize() > bytes.size()) {
            break;
        }
        auto decoded = mqtt::decodePacket(
            header, bytes.subspan(header.headerSize, header.remainingLength), version);
        EXPECT_TRUE(std::holds_alternative<mqtt::Packet>(decoded));
        if (auto* packet = std::get_if<mqtt::Packet>(&decoded)) {
            publishes.push_back(std::get<mqtt::Publish>(*packet));
        }
        bytes = bytes.subspan(header.totalSize());
    }
    return publishes;
}

class PublishTemplateTest
    : public testing::TestWithParam<std::tuple<mqtt::ProtocolVersion, int, std::size_t>> {};

TEST_P(PublishTemplateTest, StampedCopiesDecodeWithTheirIdAndStamp) {
    const auto [version, qos, size] = GetParam();
    const PublishTemplate publish("sbx/bench/3", size, static_cast<std::uint8_t>(qos), version);
    std::vector<std::uint8_t> bytes;
    const PayloadStamp first{123456789012345ULL, 3, 0};
    const PayloadStamp second{123456789999999ULL, 3, 1};
    publish.appendTo(bytes, first, 0x1234);
    publish.appendTo(bytes, second, 0xFFFF);
    EXPECT_EQ(bytes.size(), 2 * publish.size());

    const auto decoded = decodeAll(bytes, version);
    ASSERT_EQ(decoded.size(), 2U);
    for (std::size_t i = 0; i < 2; ++i) {
        EXPECT_EQ(decoded[i].topic, "sbx/bench/3");
        EXPECT_EQ(decoded[i].qos, qos);
        EXPECT_EQ(decoded[i].payload.size(), size);
        EXPECT_EQ(decoded[i].packetId, qos == 0 ? 0 : (i == 0 ? 0x1234 : 0xFFFF));
        const auto stamp = readStamp(std::span<const std::uint8_t>(
            reinterpret_cast<const std::uint8_t*>(decoded[i].payload.data()),
            decoded[i].payload.size()));
        ASSERT_TRUE(stamp);
        EXPECT_EQ(*stamp, i == 0 ? first : second);
    }
}

INSTANTIATE_TEST_SUITE_P(
    VersionsQoSAndSizes, PublishTemplateTest,
    testing::Combine(testing::Values(mqtt::ProtocolVersion::V311, mqtt::ProtocolVersion::V5),
                     testing::Values(0, 1, 2),
                     // 16: stamp only; 200: 2-byte length; 4096 and 300000: longer lengths
                     testing::Values(std::size_t{16}, std::size_t{200}, std::size_t{4096},
                                     std::size_t{300000})));

TEST(PayloadStamp, ShortPayloadsHaveNoStamp) {
    const std::vector<std::uint8_t> payload(15, 0);
    EXPECT_FALSE(readStamp(payload));
}

}  // namespace
}  // namespace sbx::bench
