// Basic properties: every combination of the 14 flags round-trips, each flag bit sits
// where the spec puts it, and the continuation rule is honoured on decode.
#include "codec_test_support.h"

namespace sbx::amqp::test {
namespace {

constexpr std::size_t kPropertyCount = 14;

BasicProperties withFlags(unsigned mask) {
    const auto has = [mask](unsigned index) {
        return (mask & (1u << (kPropertyCount - 1 - index))) != 0;
    };
    BasicProperties p;
    if (has(0))
        p.contentType = "text/plain";
    if (has(1))
        p.contentEncoding = "gzip";
    if (has(2)) {
        p.headers.emplace();
        p.headers->set("h", std::int64_t{-5});
    }
    if (has(3))
        p.deliveryMode = 2;
    if (has(4))
        p.priority = 9;
    if (has(5))
        p.correlationId = "corr";
    if (has(6))
        p.replyTo = "reply";
    if (has(7))
        p.expiration = "1000";
    if (has(8))
        p.messageId = "id";
    if (has(9))
        p.timestamp = 0x0102030405060708ull;
    if (has(10))
        p.type = "kind";
    if (has(11))
        p.userId = "guest";
    if (has(12))
        p.appId = "app";
    if (has(13))
        p.clusterId = "";  // present and empty is not absent
    return p;
}

ContentHeader decodeHeaderOk(const Bytes& bytes) {
    const auto peek = peekFrame(bytes, kDefaultFrameMax);
    EXPECT_EQ(peek.status, FrameStatus::Complete);
    EXPECT_EQ(peek.frame.type, FrameType::Header);
    auto result = decodeContentHeader(peek.frame.payload);
    if (const auto* error = std::get_if<DecodeError>(&result)) {
        ADD_FAILURE() << error->text;
        return {};
    }
    return std::get<ContentHeader>(result);
}

TEST(AmqpProperties, EveryFlagCombinationRoundTrips) {
    for (unsigned mask = 0; mask < (1u << kPropertyCount); ++mask) {
        const auto properties = withFlags(mask);
        ASSERT_EQ(propertyFlags(properties), mask << 2) << mask;
        Bytes bytes;
        encodeContentHeaderFrame(3, 1000 + mask, properties, bytes);
        const auto header = decodeHeaderOk(bytes);
        ASSERT_EQ(header.properties, properties) << mask;
        ASSERT_EQ(header.bodySize, 1000 + mask);
        ASSERT_EQ(header.classId, kBasicClass);
    }
}

TEST(AmqpProperties, NoPropertiesIsTwelveBytesAndAZeroFlagWord) {
    Bytes bytes;
    encodeContentHeaderFrame(1, 5, {}, bytes);
    EXPECT_EQ(bytes, frame(2, 1, cat({u16(60), u16(0), u64(5), u16(0)})));
}

TEST(AmqpProperties, DeliveryModeAloneIsFlagBit12) {
    BasicProperties properties;
    properties.deliveryMode = 2;
    EXPECT_TRUE(properties.persistent());
    Bytes bytes;
    encodeContentHeaderFrame(1, 0, properties, bytes);
    EXPECT_EQ(bytes, frame(2, 1, cat({u16(60), u16(0), u64(0), u16(0x1000), u8(2)})));
}

TEST(AmqpProperties, ContinuationFlagWordsThatAreEmptyAreAccepted) {
    // Flag word with the continuation bit, then a second (empty) word, then the property.
    const Bytes payload = cat({u16(60), u16(0), u64(0), u16(0x8001), u16(0), shortStr("a/b")});
    const auto result = decodeContentHeader(payload);
    ASSERT_TRUE(std::holds_alternative<ContentHeader>(result));
    EXPECT_EQ(std::get<ContentHeader>(result).properties.contentType, "a/b");
}

TEST(AmqpProperties, HeadersKeepTheirWireOrder) {
    BasicProperties properties;
    properties.headers.emplace();
    properties.headers->set("z", true);
    properties.headers->set("a", false);
    Bytes bytes;
    encodeContentHeaderFrame(1, 0, properties, bytes);
    const auto header = decodeHeaderOk(bytes);
    ASSERT_TRUE(header.properties.headers);
    EXPECT_EQ(header.properties.headers->entries.front().name, "z");
}

}  // namespace
}  // namespace sbx::amqp::test
