#include "sbx/broker/retained_store.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

namespace sbx::broker {
namespace {

using Clock = std::chrono::system_clock;
using Topics = std::vector<std::string>;
using namespace std::chrono_literals;

const Clock::time_point kNow = Clock::time_point{} + 1000h;

MessagePtr retained(std::string topic, std::string payload = "x",
                    std::optional<Clock::time_point> expiresAt = std::nullopt) {
    auto message = std::make_shared<Message>();
    message->topic = std::move(topic);
    message->payload = std::move(payload);
    message->retain = true;
    message->expiresAt = expiresAt;
    return message;
}

Topics topicsOf(const std::vector<MessagePtr>& messages) {
    Topics topics;
    for (const auto& message : messages) {
        topics.push_back(message->topic);
    }
    std::sort(topics.begin(), topics.end());
    return topics;
}

Topics matchOf(const RetainedStore& store, std::string_view filter, Clock::time_point now = kNow) {
    std::vector<MessagePtr> out;
    store.match(filter, now, out);
    return topicsOf(out);
}

void addSportTopics(RetainedStore& store) {
    for (const auto* topic :
         {"sport", "sport/", "sport/tennis/player1", "sport/tennis/player1/ranking",
          "sport/tennis/player1/score/wimbledon", "sport/tennis/player2", "/finance", "finance",
          "$SYS/monitor/Clients", "$SYS", "a/$SYS"}) {
        store.set(retained(topic));
    }
}

TEST(RetainedStore, KeepsTheLastMessagePerTopic) {
    RetainedStore store;
    store.set(retained("a/b", "first"));
    store.set(retained("a/b", "second"));
    store.set(retained("a", "parent"));
    EXPECT_EQ(store.size(), 2u);

    std::vector<MessagePtr> out;
    store.match("a/b", kNow, out);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0]->payload, "second");
}

TEST(RetainedStore, EmptyPayloadOrEraseClearsTheTopic) {
    RetainedStore store;
    store.set(retained("a/b"));
    store.set(retained("a/b/c"));
    store.set(retained("a/b", ""));
    EXPECT_EQ(store.size(), 1u);
    EXPECT_EQ(matchOf(store, "#"), (Topics{"a/b/c"}));

    store.erase("a/b/c");
    store.erase("a/b/c");  // erasing twice, or a topic never set, changes nothing
    store.erase("nothing/here");
    store.set(retained("never/set", ""));
    store.set(nullptr);
    EXPECT_EQ(store.size(), 0u);
    EXPECT_TRUE(store.all().empty());
    EXPECT_TRUE(matchOf(store, "#").empty());

    store.set(retained("a/b"));  // the pruned path can be rebuilt
    EXPECT_EQ(matchOf(store, "a/+"), (Topics{"a/b"}));
}

TEST(RetainedStore, MatchFollowsTheFilterRules) {
    RetainedStore store;
    addSportTopics(store);
    EXPECT_EQ(matchOf(store, "sport/tennis/player1/#"),
              (Topics{"sport/tennis/player1", "sport/tennis/player1/ranking",
                      "sport/tennis/player1/score/wimbledon"}));
    EXPECT_EQ(matchOf(store, "sport/tennis/+"),
              (Topics{"sport/tennis/player1", "sport/tennis/player2"}));
    EXPECT_EQ(matchOf(store, "sport/+"), (Topics{"sport/"}));
    EXPECT_EQ(matchOf(store, "+"), (Topics{"finance", "sport"}));
    EXPECT_EQ(matchOf(store, "+/+"), (Topics{"/finance", "a/$SYS", "sport/"}));
    EXPECT_EQ(matchOf(store, "/+"), (Topics{"/finance"}));
    EXPECT_EQ(matchOf(store, "sport/tennis/player1"), (Topics{"sport/tennis/player1"}));
    EXPECT_EQ(matchOf(store, "+/tennis/+/score/#"),
              (Topics{"sport/tennis/player1/score/wimbledon"}));
    EXPECT_EQ(matchOf(store, "a/+"), (Topics{"a/$SYS"}));  // `$` matters only at the start
    EXPECT_TRUE(matchOf(store, "sport/tennis").empty());
    EXPECT_TRUE(matchOf(store, "nothing/#").empty());
}

TEST(RetainedStore, ServerTopicsAreHiddenFromLeadingWildcards) {
    RetainedStore store;
    addSportTopics(store);
    const auto everything = matchOf(store, "#");
    EXPECT_EQ(everything.size(), 9u);
    EXPECT_EQ(std::count_if(everything.begin(), everything.end(),
                            [](const auto& t) { return t.starts_with("$"); }),
              0);
    EXPECT_TRUE(matchOf(store, "+/monitor/Clients").empty());
    EXPECT_EQ(matchOf(store, "$SYS/#"), (Topics{"$SYS", "$SYS/monitor/Clients"}));
    EXPECT_EQ(matchOf(store, "$SYS/monitor/+"), (Topics{"$SYS/monitor/Clients"}));
}

TEST(RetainedStore, ExpiredMessagesAreSkippedAndPurged) {
    RetainedStore store;
    store.set(retained("a/old", "x", kNow - 1s));
    store.set(retained("a/now", "x", kNow));  // expiry is inclusive
    store.set(retained("a/later", "x", kNow + 1s));
    store.set(retained("a/never"));
    store.set(retained("a/old/child"));

    EXPECT_EQ(matchOf(store, "a/#"), (Topics{"a/later", "a/never", "a/old/child"}));
    EXPECT_EQ(matchOf(store, "a/old"), Topics{});
    EXPECT_EQ(matchOf(store, "a/+", kNow - 2s), (Topics{"a/later", "a/never", "a/now", "a/old"}));
    EXPECT_EQ(store.size(), 5u);  // matching skips, only purging removes

    EXPECT_EQ(store.purgeExpired(kNow), 2u);
    EXPECT_EQ(store.size(), 3u);
    EXPECT_EQ(topicsOf(store.all()), (Topics{"a/later", "a/never", "a/old/child"}));
    EXPECT_EQ(store.purgeExpired(kNow), 0u);
    EXPECT_EQ(store.purgeExpired(kNow + 1h), 1u);
    EXPECT_EQ(topicsOf(store.all()), (Topics{"a/never", "a/old/child"}));
}

TEST(RetainedStore, AllReturnsEveryMessageIncludingServerTopics) {
    RetainedStore store;
    addSportTopics(store);
    EXPECT_EQ(store.size(), 11u);
    const auto all = topicsOf(store.all());
    EXPECT_EQ(all.size(), 11u);
    EXPECT_TRUE(std::binary_search(all.begin(), all.end(), "$SYS"));
}

TEST(RetainedStore, DeepTopicsNeitherOverflowNorLeak) {
    RetainedStore store;
    const std::string deep(60000, '/');
    store.set(retained(deep + "x"));
    store.set(retained(std::string("y").append(deep)));
    EXPECT_EQ(matchOf(store, "#").size(), 2u);
    EXPECT_EQ(matchOf(store, deep + "+").size(), 1u);
    store.erase(deep + "x");
    EXPECT_EQ(store.size(), 1u);
}

}  // namespace
}  // namespace sbx::broker
