#include "sbx/inspect/message_diff.h"

#include <gtest/gtest.h>

namespace sbx::inspect {
namespace {

using Kind = DiffLine::Kind;

TEST(MessageDiff, AlignsOnCommonLines) {
    const auto lines = diffLines("a\nb\nc\n", "a\nx\nc\n");
    const std::vector<DiffLine> expected = {
        {Kind::Same, "a"}, {Kind::Removed, "b"}, {Kind::Added, "x"}, {Kind::Same, "c"}};
    EXPECT_EQ(lines, expected);
}

TEST(MessageDiff, IdenticalTextHasNoHunks) {
    EXPECT_EQ(unifiedDiff("same\n", "same\n", "a", "b"), "--- a\n+++ b\n");
}

TEST(MessageDiff, UnifiedDiffKeepsContextAndMarksGaps) {
    std::string before;
    std::string after;
    for (int i = 0; i < 20; ++i) {
        before += std::to_string(i) + "\n";
        after += (i == 2 || i == 15 ? "changed" : std::to_string(i)) + "\n";
    }
    const auto diff = unifiedDiff(before, after, "#1", "#2", 1);
    EXPECT_EQ(diff, "--- #1\n+++ #2\n@@\n 1\n-2\n+changed\n 3\n@@\n 14\n-15\n+changed\n 16\n");
}

TEST(MessageDiff, DescribesPropertiesSortedAndJsonPretty) {
    observe::ObservedMessage a;
    a.routingKey = "k";
    a.payload = R"({"n":1})";
    a.properties = {{"z", "1"}, {"a", "2"}};
    const auto text = describeForDiff(a);
    EXPECT_NE(text.find("properties:\n  a: 2\n  z: 1\n"), std::string::npos);
    EXPECT_NE(text.find("{\n  \"n\": 1\n}"), std::string::npos);
    auto b = a;
    b.payload = R"({"n":2})";
    const auto diff = unifiedDiff(describeForDiff(a), describeForDiff(b), "a", "b");
    EXPECT_NE(diff.find("-  \"n\": 1\n+  \"n\": 2\n"), std::string::npos);
}

}  // namespace
}  // namespace sbx::inspect
