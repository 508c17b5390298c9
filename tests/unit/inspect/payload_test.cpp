#include "sbx/inspect/payload.h"

#include <gtest/gtest.h>

namespace sbx::inspect {
namespace {

TEST(Payload, DetectsImagesByMagicBytes) {
    EXPECT_EQ(detectPayload(std::string("\x89PNG\r\n\x1a\n\0\0", 10)), PayloadKind::Png);
    EXPECT_EQ(detectPayload("\xFF\xD8\xFF\xE0rest"), PayloadKind::Jpeg);
    EXPECT_EQ(detectPayload("GIF89a...."), PayloadKind::Gif);
    EXPECT_EQ(detectPayload("GIF87a"), PayloadKind::Gif);
    EXPECT_TRUE(isImage(PayloadKind::Gif));
    EXPECT_FALSE(isImage(PayloadKind::Json));
}

TEST(Payload, TellsJsonTextBinaryAndEmptyApart) {
    EXPECT_EQ(detectPayload(""), PayloadKind::Empty);
    EXPECT_EQ(detectPayload(R"({"a": [1, 2]})"), PayloadKind::Json);
    EXPECT_EQ(detectPayload("  [1]\n"), PayloadKind::Json);
    EXPECT_EQ(detectPayload("42"), PayloadKind::Text);
    EXPECT_EQ(detectPayload("{not json"), PayloadKind::Text);
    EXPECT_EQ(detectPayload("grüße\n"), PayloadKind::Text);
    EXPECT_EQ(detectPayload(std::string("a\0b", 3)), PayloadKind::Binary);
    EXPECT_EQ(detectPayload("\xC3"), PayloadKind::Binary);      // truncated UTF-8
    EXPECT_EQ(detectPayload("\xC0\x80"), PayloadKind::Binary);  // overlong NUL
}

TEST(Payload, PrettyPrintsJsonOnly) {
    EXPECT_EQ(prettyJson(R"({"a":{"b":1}})").value(), "{\n  \"a\": {\n    \"b\": 1\n  }\n}");
    EXPECT_FALSE(prettyJson("{oops").has_value());
}

TEST(Payload, HexDumpShowsOffsetsBytesAndAscii) {
    const auto dump = hexDump("ABCDEFGHIJKLMNOPQ\x01");
    EXPECT_EQ(dump,
              "00000000  41 42 43 44 45 46 47 48  49 4a 4b 4c 4d 4e 4f 50  |ABCDEFGHIJKLMNOP|\n"
              "00000010  51 01                                             |Q.|\n");
}

TEST(Payload, HexDumpSaysHowMuchItLeftOut) {
    const auto dump = hexDump(std::string(40, 'x'), 16);
    EXPECT_NE(dump.find("... 24 more bytes"), std::string::npos);
    EXPECT_EQ(dump.find("00000010"), std::string::npos);
}

}  // namespace
}  // namespace sbx::inspect
