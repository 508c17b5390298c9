#include "sbx/broker/amqp/topic_matcher.h"

#include <gtest/gtest.h>

#include <string_view>

namespace sbx::broker::amqp {
namespace {

struct Case {
    std::string_view binding;
    std::string_view key;
    bool matches;
};

// RabbitMQ's topic rules: '.'-separated words, '*' one word, '#' zero or more words.
TEST(AmqpTopicMatcher, FollowsRabbitMqRules) {
    const Case cases[] = {
        {"a.b.c", "a.b.c", true},
        {"a.b.c", "a.b", false},
        {"a.b", "a.b.c", false},
        {"#", "", true},  // '#' matches zero words
        {"#", "a", true},
        {"#", "a.b.c", true},
        {"a.#", "a", true},  // ... also after a word
        {"a.#", "a.b", true},
        {"a.#", "a.b.c", true},
        {"a.#", "b.a", false},
        {"#.a", "a", true},
        {"#.a", "x.y.a", true},
        {"#.a", "a.x", false},
        {"a.#.b", "a.b", true},  // zero words in the middle
        {"a.#.b", "a.x.b", true},
        {"a.#.b", "a.x.y.z.b", true},
        {"a.#.b", "a.x.y", false},
        {"a.#.b", "a.b.c", false},
        {"*", "a", true},
        {"*", "", false},  // '*' needs exactly one word
        {"*", "a.b", false},
        {"*.*", "a.b", true},
        {"*.*", "a", false},
        {"*.*", "a.b.c", false},
        {"*.b.*", "a.b.c", true},
        {"*.b.*", "a.x.c", false},
        {"*.#", "a", true},
        {"*.#", "", false},
        {"#.*", "a.b", true},
        {"#.#", "", true},
        {"#.#.#", "a.b.c", true},
        {"a.*.#", "a.b", true},
        {"a.*.#", "a", false},
        {"", "", true},  // the empty key has zero words
        {"", "a", false},
        {"a", "", false},
        {"a.", "a.", true},  // a trailing dot makes an empty word
        {"a.*", "a.", true},
        {"a", "a.", false},
        {"*", ".", false},  // "." is two empty words
        {"*.*", ".", true},
        {"a#", "a.b", false},  // '#' and '*' are only wildcards as whole words
        {"a#", "a#", true},
        {"a*.b", "ab.b", false},
        {"stock.usd.*", "stock.usd.nyse", true},
        {"stock.*.nyse", "stock.eur.nyse", true},
        {"$SYS.#", "$SYS.broker", true},  // no MQTT '$' rule
    };
    for (const auto& [binding, key, matches] : cases) {
        EXPECT_EQ(amqpTopicMatches(binding, key), matches)
            << "binding '" << binding << "' key '" << key << "'";
    }
}

TEST(AmqpTopicMatcher, ManyHashesStayFast) {
    // A backtracking matcher is exponential here; the DP answers at once.
    std::string binding;
    std::string key;
    for (int i = 0; i < 40; ++i) {
        binding += "#.";
        key += "w.";
    }
    binding += "z";
    key += "y";
    EXPECT_FALSE(amqpTopicMatches(binding, key));
}

}  // namespace
}  // namespace sbx::broker::amqp
