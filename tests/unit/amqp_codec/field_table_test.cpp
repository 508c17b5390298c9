// Field tables and arrays: every RabbitMQ type tag, nesting, the table helpers, and every
// way the decoder refuses one.
#include <bit>
#include <cmath>

#include "codec_test_support.h"
#include "sbx/amqp/field_codec.h"

namespace sbx::amqp::test {
namespace {

Bytes table(const Bytes& entries) {
    return cat({u32(static_cast<std::uint32_t>(entries.size())), entries});
}

FieldTable decodeOk(const Bytes& bytes) {
    auto result = decodeFieldTable(bytes);
    if (const auto* error = std::get_if<DecodeError>(&result)) {
        ADD_FAILURE() << error->text;
        return {};
    }
    return std::get<FieldTable>(std::move(result));
}

void expectRefused(const Bytes& bytes, ReplyCode code) {
    const auto result = decodeFieldTable(bytes);
    const auto* error = std::get_if<DecodeError>(&result);
    ASSERT_NE(error, nullptr);
    EXPECT_EQ(error->replyCode, code) << error->text;
}

Bytes encode(const FieldTable& value) {
    Bytes bytes;
    encodeFieldTable(value, bytes);
    return bytes;
}

struct TagCase {
    char tag;
    Bytes valueBytes;
    FieldValue value;
};

std::vector<TagCase> everyTag() {
    FieldTable inner;
    inner.set("k", std::string("v"));
    return {
        {'t', u8(1), true},
        {'b', u8(0xFE), std::int8_t{-2}},
        {'B', u8(0xFE), std::uint8_t{254}},
        {'s', u16(0xFFFD), std::int16_t{-3}},
        {'u', u16(0xFFFD), std::uint16_t{65533}},
        {'I', u32(0xFFFFFFFC), std::int32_t{-4}},
        {'i', u32(0xFFFFFFFC), std::uint32_t{4294967292u}},
        {'l', u64(0xFFFFFFFFFFFFFFFBull), std::int64_t{-5}},
        {'f', u32(std::bit_cast<std::uint32_t>(1.5f)), 1.5f},
        {'d', u64(std::bit_cast<std::uint64_t>(-2.25)), -2.25},
        {'D', cat({u8(2), u32(1234)}), Decimal{2, 1234}},
        {'S', longStr("text"), std::string("text")},
        {'x', longStr(std::string("\0\1", 2)), ByteArray{std::string("\0\1", 2)}},
        {'A', cat({u32(8), u8('I'), u32(1), u8('V'), u8('t'), u8(0)}),
         FieldArray{std::int32_t{1}, Void{}, false}},
        {'T', u64(1700000000), Timestamp{1700000000}},
        {'F', table(cat({shortStr("k"), u8('S'), longStr("v")})), inner},
        {'V', {}, Void{}},
    };
}

TEST(AmqpFieldTable, EveryTagDecodesEncodesAndReportsItsTag) {
    const auto cases = everyTag();
    EXPECT_EQ(cases.size(), std::variant_size_v<FieldValue::Variant>);
    for (const auto& each : cases) {
        SCOPED_TRACE(std::string(1, each.tag));
        const Bytes bytes = table(
            cat({shortStr("name"), u8(static_cast<std::uint8_t>(each.tag)), each.valueBytes}));
        FieldTable expected;
        expected.set("name", each.value);
        EXPECT_EQ(decodeOk(bytes), expected);
        EXPECT_EQ(encode(expected), bytes);
        EXPECT_EQ(fieldTypeTag(each.value), each.tag);
    }
}

TEST(AmqpFieldTable, AllTagsInOneTableRoundTrip) {
    FieldTable all;
    for (const auto& each : everyTag()) {
        all.set(std::string("key-") + each.tag, each.value);
    }
    FieldTable nested;
    nested.set("all", all);
    nested.set("list", FieldArray{all, FieldArray{all}});
    EXPECT_EQ(decodeOk(encode(nested)), nested);
}

TEST(AmqpFieldTable, AnyNonZeroBooleanOctetIsTrue) {
    const auto decoded = decodeOk(table(cat({shortStr("b"), u8('t'), u8(0x7F)})));
    EXPECT_EQ(decoded, (FieldTable{{{"b", true}}}));
}

TEST(AmqpFieldTable, NanSurvivesAsBits) {
    const auto nan = std::bit_cast<double>(0x7FF8000000000123ull);
    FieldTable value;
    value.set("nan", nan);
    const auto bytes = encode(value);
    EXPECT_EQ(encode(decodeOk(bytes)), bytes);
    EXPECT_TRUE(std::isnan(std::get<double>(decodeOk(bytes).find("nan")->value)));
}

TEST(AmqpFieldTable, EmptyTableIsFourZeroBytes) {
    EXPECT_EQ(encode({}), u32(0));
    EXPECT_TRUE(decodeOk(u32(0)).empty());
}

TEST(AmqpFieldTable, FindSetEraseKeepOrder) {
    FieldTable value;
    value.set("a", std::int32_t{1});
    value.set("b", std::string("two"));
    value.set("a", std::int64_t{3});  // replaces in place
    ASSERT_EQ(value.entries.size(), 2u);
    EXPECT_EQ(value.entries[0].name, "a");
    EXPECT_EQ(value.find("a")->asInteger(), 3);
    EXPECT_EQ(*value.find("b")->asString(), "two");
    EXPECT_EQ(value.find("c"), nullptr);
    const FieldTable& constant = value;
    EXPECT_NE(constant.find("b"), nullptr);
    value.find("b")->value = true;
    EXPECT_EQ(value.find("b")->value, FieldValue::Variant{true});
    EXPECT_TRUE(value.erase("a"));
    EXPECT_FALSE(value.erase("a"));
    EXPECT_EQ(value.entries.size(), 1u);
}

TEST(AmqpFieldTable, EqualityIsOrderSensitive) {
    FieldTable first;
    first.set("a", true);
    first.set("b", false);
    FieldTable second;
    second.set("b", false);
    second.set("a", true);
    EXPECT_NE(first, second);
    second.erase("b");
    second.set("b", false);
    EXPECT_EQ(first, second);
}

TEST(AmqpFieldTable, AsIntegerAcceptsEveryIntegerWidthOnly) {
    EXPECT_EQ(FieldValue(std::int8_t{-8}).asInteger(), -8);
    EXPECT_EQ(FieldValue(std::uint8_t{8}).asInteger(), 8);
    EXPECT_EQ(FieldValue(std::int16_t{-16}).asInteger(), -16);
    EXPECT_EQ(FieldValue(std::uint16_t{16}).asInteger(), 16);
    EXPECT_EQ(FieldValue(std::int32_t{-32}).asInteger(), -32);
    EXPECT_EQ(FieldValue(std::uint32_t{4'000'000'000u}).asInteger(), 4'000'000'000);
    EXPECT_EQ(FieldValue(std::int64_t{-64}).asInteger(), -64);
    EXPECT_EQ(FieldValue(true).asInteger(), std::nullopt);
    EXPECT_EQ(FieldValue(1.0).asInteger(), std::nullopt);
    EXPECT_EQ(FieldValue(std::string("5")).asInteger(), std::nullopt);
    EXPECT_EQ(FieldValue(Timestamp{5}).asInteger(), std::nullopt);
    EXPECT_EQ(FieldValue().asInteger(), std::nullopt);
}

TEST(AmqpFieldTable, UnknownTagIsASyntaxError) {
    for (const char tag : {'L', 'U', 'c', 'z', '\0'}) {
        expectRefused(table(cat({shortStr("k"), u8(static_cast<std::uint8_t>(tag))})),
                      ReplyCode::SyntaxError);
    }
    expectRefused(table(cat({shortStr("k"), u8('A'), u32(1), u8('?')})), ReplyCode::SyntaxError);
}

Bytes nestedTables(std::size_t depth) {
    Bytes bytes = u32(0);
    for (std::size_t level = 1; level < depth; ++level) {
        bytes = table(cat({shortStr("n"), u8('F'), bytes}));
    }
    return bytes;
}

TEST(AmqpFieldTable, NestingUpToTheLimitDecodes) {
    EXPECT_TRUE(
        std::holds_alternative<FieldTable>(decodeFieldTable(nestedTables(kMaxFieldNesting))));
    expectRefused(nestedTables(kMaxFieldNesting + 1), ReplyCode::SyntaxError);
}

TEST(AmqpFieldTable, NestedArraysCountTowardsTheLimit) {
    Bytes array = u32(0);
    for (std::size_t level = 2; level <= kMaxFieldNesting + 1; ++level) {
        array = cat({u32(static_cast<std::uint32_t>(array.size() + 1)), u8('A'), array});
    }
    expectRefused(table(cat({shortStr("a"), u8('A'), array})), ReplyCode::SyntaxError);
}

TEST(AmqpFieldTable, EveryTruncationIsAFrameError) {
    FieldTable all;
    for (const auto& each : everyTag()) {
        all.set(std::string(1, each.tag), each.value);
    }
    const auto bytes = encode(all);
    for (std::size_t size = 0; size < bytes.size(); ++size) {
        SCOPED_TRACE(size);
        expectRefused(Bytes(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(size)),
                      ReplyCode::FrameError);
    }
}

TEST(AmqpFieldTable, ValueRunningPastTheTableSizeIsAFrameError) {
    // The table claims 6 bytes; the long string inside claims 100.
    expectRefused(table(cat({shortStr("k"), u8('S'), u32(100)})), ReplyCode::FrameError);
    // An inner table larger than its outer table.
    expectRefused(table(cat({shortStr("k"), u8('F'), u32(50)})), ReplyCode::FrameError);
    // A field name longer than the table.
    expectRefused(table(cat({u8(20), u8('k')})), ReplyCode::FrameError);
}

TEST(AmqpFieldTable, BytesAfterTheTableAreAFrameError) {
    expectRefused(cat({u32(0), u8(0)}), ReplyCode::FrameError);
}

TEST(AmqpFieldTable, LongNamesAreCutTo255Bytes) {
    FieldTable value;
    value.set(std::string(300, 'n'), true);
    const auto decoded = decodeOk(encode(value));
    ASSERT_EQ(decoded.entries.size(), 1u);
    EXPECT_EQ(decoded.entries[0].name, std::string(255, 'n'));
}

}  // namespace
}  // namespace sbx::amqp::test
