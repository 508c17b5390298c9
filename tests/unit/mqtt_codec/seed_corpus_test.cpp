// The fuzzer's seed corpus must hold valid packets, or the fuzzer starts from noise.
#include <filesystem>
#include <fstream>
#include <iterator>

#include "codec_test_support.h"

namespace sbx::mqtt::test {
namespace {

Bytes readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(MqttSeedCorpus, EverySeedIsASequenceOfValidPackets) {
    std::size_t seeds = 0;
    for (const auto& entry : std::filesystem::directory_iterator(SBX_MQTT_SEED_CORPUS)) {
        const auto name = entry.path().filename().string();
        SCOPED_TRACE(name);
        const auto version = name.starts_with("v5_") ? ProtocolVersion::V5 : ProtocolVersion::V311;
        const auto bytes = readFile(entry.path());
        std::span<const std::uint8_t> rest(bytes);
        while (!rest.empty()) {
            FrameHeader header;
            ASSERT_EQ(peekFrame(rest, header), FrameStatus::Complete);
            const auto result = decodePacket(
                header, rest.subspan(header.headerSize, header.remainingLength), version);
            const auto* error = std::get_if<DecodeError>(&result);
            EXPECT_EQ(error, nullptr) << (error != nullptr ? error->message : "");
            rest = rest.subspan(header.totalSize());
        }
        ++seeds;
    }
    EXPECT_GE(seeds, 12u);
}

}  // namespace
}  // namespace sbx::mqtt::test
