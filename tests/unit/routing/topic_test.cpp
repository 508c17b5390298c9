#include "sbx/broker/topic.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace sbx::broker {
namespace {

using namespace std::string_view_literals;

struct Case {
    std::string_view text;
    bool valid;
};

// MQTT 5 §4.7.1 and §4.7.3: topic names never carry wildcards.
TEST(TopicName, ValidityFollowsTheSpec) {
    const Case cases[] = {
        {"sport/tennis/player1", true},
        {"sport", true},
        {"/", true},         // two empty levels
        {"/finance", true},  // distinct from "finance"
        {"sport/", true},
        {"a topic with spaces", true},
        {"$SYS/monitor/Clients", true},
        {"sport//tennis", true},
        {"", false},  // at least one character
        {"sport/+", false},
        {"sport/#", false},
        {"sport+", false},
        {"#", false},
        {"a\0b"sv, false},  // U+0000
    };
    for (const auto& [text, valid] : cases) {
        EXPECT_EQ(isValidTopicName(text), valid) << '"' << text << '"';
    }
}

TEST(TopicName, LengthIsLimitedToSixtyFiveThousandFiveHundredThirtyFiveBytes) {
    EXPECT_TRUE(isValidTopicName(std::string(65535, 'a')));
    EXPECT_FALSE(isValidTopicName(std::string(65536, 'a')));
}

// The valid and invalid filters named in MQTT 5 §4.7.1.2 and §4.7.1.3.
TEST(TopicFilter, ValidityFollowsTheSpec) {
    const Case cases[] = {
        {"sport/tennis/player1/#", true},
        {"sport/#", true},
        {"#", true},
        {"sport/tennis/#", true},
        {"+", true},
        {"+/tennis/#", true},
        {"sport/+/player1", true},
        {"+/+", true},
        {"/+", true},
        {"/", true},
        {"$SYS/#", true},
        {"$share/group/a", true},  // just a filter here; parseSharedFilter splits it
        {"sport/tennis#", false},
        {"sport/tennis/#/ranking", false},
        {"sport+", false},
        {"#/", false},  // `#` must be last
        {"+#", false},
        {"a/b+/c", false},
        {"", false},
        {"a/\0/b"sv, false},
    };
    for (const auto& [text, valid] : cases) {
        EXPECT_EQ(isValidTopicFilter(text), valid) << '"' << text << '"';
    }
}

TEST(TopicFilter, LengthIsLimitedToSixtyFiveThousandFiveHundredThirtyFiveBytes) {
    EXPECT_TRUE(isValidTopicFilter(std::string(65533, 'a') + "/#"));
    EXPECT_FALSE(isValidTopicFilter(std::string(65534, 'a') + "/#"));
}

struct MatchCase {
    std::string_view filter;
    std::string_view name;
    bool matches;
};

void expectMatches(std::initializer_list<MatchCase> cases) {
    for (const auto& [filter, name, matches] : cases) {
        EXPECT_EQ(topicMatches(filter, name), matches) << filter << " vs " << name;
    }
}

// MQTT 5 §4.7.1.2 (non-normative examples).
TEST(TopicMatches, MultiLevelWildcard) {
    expectMatches({
        {"sport/tennis/player1/#", "sport/tennis/player1", true},
        {"sport/tennis/player1/#", "sport/tennis/player1/ranking", true},
        {"sport/tennis/player1/#", "sport/tennis/player1/score/wimbledon", true},
        {"sport/tennis/player1/#", "sport/tennis/player2", false},
        {"sport/tennis/player1/#", "sport/tennis", false},
        {"sport/#", "sport", true},  // `#` includes the parent level
        {"sport/#", "sport/", true},
        {"sport/#", "sports", false},
        {"#", "sport/tennis", true},
        {"#", "/", true},
    });
}

// MQTT 5 §4.7.1.3 (non-normative examples).
TEST(TopicMatches, SingleLevelWildcard) {
    expectMatches({
        {"sport/tennis/+", "sport/tennis/player1", true},
        {"sport/tennis/+", "sport/tennis/player2", true},
        {"sport/tennis/+", "sport/tennis/player1/ranking", false},
        {"sport/+", "sport", false},
        {"sport/+", "sport/", true},  // `+` matches the empty level
        {"+", "finance", true},
        {"+/+", "/finance", true},
        {"/+", "/finance", true},
        {"+", "/finance", false},
        {"sport/+/player1", "sport/tennis/player1", true},
        {"sport/+/player1", "sport/tennis/player2", false},
        {"+/tennis/#", "sport/tennis", true},
        {"+/tennis/#", "sport/tennis/player1/ranking", true},
        {"+/+", "/", true},
    });
}

// MQTT 5 §4.7.2: wildcards at the start never reach `$` topics.
TEST(TopicMatches, ServerTopicsAreHiddenFromLeadingWildcards) {
    expectMatches({
        {"#", "$SYS/monitor/Clients", false},
        {"+/monitor/Clients", "$SYS/monitor/Clients", false},
        {"$SYS/#", "$SYS/monitor/Clients", true},
        {"$SYS/monitor/+", "$SYS/monitor/Clients", true},
        {"$SYS/#", "$SYS", true},
        {"+", "$SYS", false},
        {"#", "$", false},
        {"a/#", "a/$SYS", true},  // only the first level is special
        {"+/$x", "a/$x", true},
    });
}

TEST(TopicMatches, ExactAndCaseSensitive) {
    expectMatches({
        {"sport/tennis", "sport/tennis", true},
        {"sport/tennis", "Sport/tennis", false},
        {"/finance", "finance", false},
        {"finance", "/finance", false},
        {"a//b", "a//b", true},
        {"a//b", "a/b", false},
        {"a/b", "a/b/c", false},
        {"a/b/c", "a/b", false},
    });
}

TEST(TopicMatches, AFilterWithAMisplacedHashMatchesNothing) {
    EXPECT_FALSE(topicMatches("a/#/c", "a/b/c"));
    EXPECT_FALSE(topicMatches("a/#/c", "a"));
}

TEST(SharedFilter, SplitsGroupAndFilter) {
    const auto shared = parseSharedFilter("$share/consumer1/sport/tennis/+");
    ASSERT_TRUE(shared);
    EXPECT_TRUE(shared->valid);
    EXPECT_EQ(shared->group, "consumer1");
    EXPECT_EQ(shared->filter, "sport/tennis/+");
}

// MQTT 5 §4.8.2 examples: the filter keeps its leading separator or wildcard.
TEST(SharedFilter, SpecExamples) {
    const auto leadingSlash = parseSharedFilter("$share/consumer1//finance");
    ASSERT_TRUE(leadingSlash);
    EXPECT_TRUE(leadingSlash->valid);
    EXPECT_EQ(leadingSlash->group, "consumer1");
    EXPECT_EQ(leadingSlash->filter, "/finance");

    const auto leadingWildcard = parseSharedFilter("$share/consumer1/+/finance");
    ASSERT_TRUE(leadingWildcard);
    EXPECT_TRUE(leadingWildcard->valid);
    EXPECT_EQ(leadingWildcard->filter, "+/finance");

    const auto everything = parseSharedFilter("$share/g/#");
    ASSERT_TRUE(everything);
    EXPECT_TRUE(everything->valid);
    EXPECT_EQ(everything->filter, "#");
}

TEST(SharedFilter, InvalidSharesAreRecognisedButFlagged) {
    for (const std::string_view text :
         {"$share/group", "$share/group/", "$share//sport", "$share/gr+up/sport",
          "$share/gr#up/sport", "$share/+/sport", "$share/#/sport", "$share/group/sport+",
          "$share/group/a/#/b", "$share/"}) {
        const auto shared = parseSharedFilter(text);
        ASSERT_TRUE(shared) << text;
        EXPECT_FALSE(shared->valid) << text;
    }
}

TEST(SharedFilter, OtherFiltersAreNotShares) {
    for (const std::string_view text :
         {"sport/tennis", "$share", "$SYS/#", "share/group/a", "$SHARE/group/a", "#"}) {
        EXPECT_FALSE(parseSharedFilter(text)) << text;
    }
}

}  // namespace
}  // namespace sbx::broker
