#include "sbx/broker/subscription_tree.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <map>
#include <string>
#include <thread>
#include <vector>

namespace sbx::broker {
namespace {

using Ids = std::vector<std::uint32_t>;

SubscriptionOptions qos(std::uint8_t maxQos, std::optional<std::uint32_t> id = std::nullopt) {
    SubscriptionOptions options;
    options.maxQos = maxQos;
    options.subscriptionId = id;
    return options;
}

std::vector<MatchedSubscriber> matchOf(const SubscriptionTree& tree, std::string_view topic) {
    std::vector<MatchedSubscriber> out;
    tree.match(topic, out);
    return out;
}

std::vector<SubscriberId> subscribersOf(const std::vector<MatchedSubscriber>& matched) {
    std::vector<SubscriberId> ids;
    for (const auto& entry : matched) {
        ids.push_back(entry.subscriber);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

TEST(SubscriptionTree, SubscribeReportsNewOrReplaced) {
    SubscriptionTree tree;
    EXPECT_TRUE(tree.subscribe(1, "a/b", qos(0)));
    EXPECT_FALSE(tree.subscribe(1, "a/b", qos(2)));  // replaces: same subscriber and filter
    EXPECT_TRUE(tree.subscribe(2, "a/b", qos(1)));
    EXPECT_TRUE(tree.subscribe(1, "a/+", qos(1)));
    EXPECT_TRUE(tree.subscribe(1, "a/b", qos(1), "g"));  // a share is a different subscription
    EXPECT_FALSE(tree.subscribe(1, "a/b", qos(0), "g"));
    EXPECT_EQ(tree.subscriptionCount(), 4u);

    const auto entries = tree.entriesOf(1);
    ASSERT_EQ(entries.size(), 3u);
    const auto replaced = std::find_if(entries.begin(), entries.end(), [](const auto& e) {
        return e.filter == "a/b" && e.shareGroup.empty();
    });
    ASSERT_NE(replaced, entries.end());
    EXPECT_EQ(replaced->options.maxQos, 2);  // the replacement's options are kept
}

TEST(SubscriptionTree, UnsubscribeRemovesOnlyThatSubscription) {
    SubscriptionTree tree;
    tree.subscribe(1, "a/b", qos(0));
    tree.subscribe(1, "a/#", qos(0));
    tree.subscribe(2, "a/b", qos(0));
    tree.subscribe(3, "a/b", qos(0), "g");

    EXPECT_FALSE(tree.unsubscribe(1, "a/c"));
    EXPECT_FALSE(tree.unsubscribe(4, "a/b"));
    EXPECT_FALSE(tree.unsubscribe(3, "a/b"));  // its subscription is in group g
    EXPECT_FALSE(tree.unsubscribe(3, "a/b", "other"));
    EXPECT_TRUE(tree.unsubscribe(1, "a/b"));
    EXPECT_FALSE(tree.unsubscribe(1, "a/b"));
    EXPECT_EQ(tree.subscriptionCount(), 3u);
    EXPECT_EQ(subscribersOf(matchOf(tree, "a/b")), (std::vector<SubscriberId>{1, 2, 3}));

    EXPECT_TRUE(tree.unsubscribe(3, "a/b", "g"));
    EXPECT_EQ(subscribersOf(matchOf(tree, "a/b")), (std::vector<SubscriberId>{1, 2}));
}

TEST(SubscriptionTree, UnsubscribeAllRemovesEverySubscriptionOfOneSubscriber) {
    SubscriptionTree tree;
    tree.subscribe(1, "a/b", qos(0));
    tree.subscribe(1, "x/#", qos(1));
    tree.subscribe(1, "+/b", qos(1), "g");
    tree.subscribe(2, "a/b", qos(0));
    tree.subscribe(2, "+/b", qos(0), "g");

    EXPECT_EQ(tree.unsubscribeAll(1), 3u);
    EXPECT_EQ(tree.unsubscribeAll(1), 0u);
    EXPECT_EQ(tree.unsubscribeAll(99), 0u);
    EXPECT_EQ(tree.subscriptionCount(), 2u);
    EXPECT_TRUE(tree.entriesOf(1).empty());
    EXPECT_TRUE(matchOf(tree, "x/y").empty());
    for (int i = 0; i < 4; ++i) {  // the share group now only holds subscriber 2
        EXPECT_EQ(subscribersOf(matchOf(tree, "a/b")), (std::vector<SubscriberId>{2, 2}));
    }
}

TEST(SubscriptionTree, RemovingEverythingPrunesTheTrie) {
    SubscriptionTree tree;
    const std::vector<std::string> filters = {"a/b/c", "a/b", "a/+/c", "a/#",  "#",
                                              "+",     "/",   "//",    "a//b", "$SYS/#"};
    for (SubscriberId subscriber = 1; subscriber <= 3; ++subscriber) {
        for (const auto& filter : filters) {
            tree.subscribe(subscriber, filter, qos(1));
            tree.subscribe(subscriber, filter, qos(1),
                           std::string("g").append(std::to_string(subscriber % 2)));
        }
    }
    EXPECT_EQ(tree.subscriptionCount(), 60u);
    EXPECT_EQ(tree.entries().size(), 60u);

    for (const auto& filter : filters) {
        EXPECT_TRUE(tree.unsubscribe(1, filter));
        EXPECT_TRUE(tree.unsubscribe(1, filter, "g1"));
    }
    EXPECT_EQ(tree.unsubscribeAll(2), 20u);
    EXPECT_EQ(tree.unsubscribeAll(3), 20u);

    EXPECT_EQ(tree.subscriptionCount(), 0u);
    EXPECT_TRUE(tree.entries().empty());
    for (const auto* topic : {"a/b/c", "a/b", "a", "/", "//", "$SYS/x", "z"}) {
        EXPECT_TRUE(matchOf(tree, topic).empty()) << topic;
    }
    // The pruned trie accepts new subscriptions along the same paths.
    EXPECT_TRUE(tree.subscribe(4, "a/b/c", qos(0)));
    EXPECT_EQ(subscribersOf(matchOf(tree, "a/b/c")), (std::vector<SubscriberId>{4}));
}

TEST(SubscriptionTree, EntriesListEverySubscriptionWithItsOptions) {
    SubscriptionTree tree;
    SubscriptionOptions options = qos(2, 7);
    options.noLocal = true;
    options.retainAsPublished = true;
    options.retainHandling = 2;
    tree.subscribe(5, "/a//b/#", options);
    tree.subscribe(3, "+/x", qos(1), "workers");
    tree.subscribe(3, "", qos(0));  // stored as given; validation is the caller's job

    const auto entries = tree.entries();
    ASSERT_EQ(entries.size(), 3u);
    EXPECT_EQ(entries[0].subscriber, 3u);
    EXPECT_EQ(entries[0].filter, "");
    EXPECT_EQ(entries[1].subscriber, 3u);
    EXPECT_EQ(entries[1].filter, "+/x");
    EXPECT_EQ(entries[1].shareGroup, "workers");
    EXPECT_EQ(entries[1].options.maxQos, 1);
    EXPECT_EQ(entries[2].subscriber, 5u);
    EXPECT_EQ(entries[2].filter, "/a//b/#");
    EXPECT_TRUE(entries[2].shareGroup.empty());
    EXPECT_EQ(entries[2].options.maxQos, 2);
    EXPECT_TRUE(entries[2].options.noLocal);
    EXPECT_TRUE(entries[2].options.retainAsPublished);
    EXPECT_EQ(entries[2].options.retainHandling, 2);
    EXPECT_EQ(entries[2].options.subscriptionId, 7u);
}

TEST(SubscriptionTree, MatchFollowsTheSpecExamples) {
    SubscriptionTree tree;
    tree.subscribe(1, "sport/tennis/player1/#", qos(0));
    tree.subscribe(2, "sport/#", qos(0));
    tree.subscribe(3, "sport/tennis/+", qos(0));
    tree.subscribe(4, "sport/+", qos(0));
    tree.subscribe(5, "+/+", qos(0));
    tree.subscribe(6, "/+", qos(0));
    tree.subscribe(7, "+", qos(0));
    tree.subscribe(8, "#", qos(0));
    tree.subscribe(9, "$SYS/#", qos(0));
    tree.subscribe(10, "$SYS/monitor/+", qos(0));
    tree.subscribe(11, "+/monitor/Clients", qos(0));

    using S = std::vector<SubscriberId>;
    EXPECT_EQ(subscribersOf(matchOf(tree, "sport/tennis/player1")), (S{1, 2, 3, 8}));
    EXPECT_EQ(subscribersOf(matchOf(tree, "sport/tennis/player1/ranking")), (S{1, 2, 8}));
    EXPECT_EQ(subscribersOf(matchOf(tree, "sport/tennis/player1/score/wimbledon")), (S{1, 2, 8}));
    EXPECT_EQ(subscribersOf(matchOf(tree, "sport")), (S{2, 7, 8}));
    EXPECT_EQ(subscribersOf(matchOf(tree, "sport/")), (S{2, 4, 5, 8}));
    EXPECT_EQ(subscribersOf(matchOf(tree, "/finance")), (S{5, 6, 8}));
    EXPECT_EQ(subscribersOf(matchOf(tree, "$SYS/monitor/Clients")), (S{9, 10}));
    EXPECT_EQ(subscribersOf(matchOf(tree, "$SYS")), (S{9}));
    EXPECT_EQ(subscribersOf(matchOf(tree, "other/monitor/Clients")), (S{8, 11}));
}

TEST(SubscriptionTree, OverlappingSubscriptionsMergeIntoOneDelivery) {
    SubscriptionTree tree;
    tree.subscribe(1, "a/+", qos(0, 3));
    tree.subscribe(1, "a/#", qos(2, 1));
    tree.subscribe(1, "a/b", qos(1));   // no identifier
    tree.subscribe(1, "#", qos(1, 3));  // same identifier twice is reported once
    tree.subscribe(2, "a/b", qos(1, 9));

    const auto matched = matchOf(tree, "a/b");
    ASSERT_EQ(matched.size(), 2u);
    EXPECT_EQ(matched[0].subscriber, 1u);
    EXPECT_EQ(matched[0].maxQos, 2);
    EXPECT_FALSE(matched[0].shared);
    EXPECT_EQ(matched[0].subscriptionIds, (Ids{1, 3}));
    EXPECT_EQ(matched[1].subscriber, 2u);
    EXPECT_EQ(matched[1].maxQos, 1);
    EXPECT_EQ(matched[1].subscriptionIds, (Ids{9}));
}

TEST(SubscriptionTree, MergedNoLocalHoldsOnlyWhenEverySubscriptionAskedForIt) {
    SubscriptionTree tree;
    SubscriptionOptions quiet = qos(2);
    quiet.noLocal = true;
    tree.subscribe(1, "a/+", quiet);
    tree.subscribe(1, "a/b", qos(0));
    tree.subscribe(2, "a/+", quiet);
    tree.subscribe(2, "a/#", quiet);

    const auto matched = matchOf(tree, "a/b");
    ASSERT_EQ(matched.size(), 2u);
    EXPECT_FALSE(matched[0].noLocal);  // "a/b" still wants its own messages
    EXPECT_TRUE(matched[1].noLocal);
}

TEST(SubscriptionTree, MergedRetainAsPublishedComesFromTheHighestQos) {
    SubscriptionTree tree;
    SubscriptionOptions keepRetain = qos(0);
    keepRetain.retainAsPublished = true;
    tree.subscribe(1, "a/+", keepRetain);
    tree.subscribe(1, "a/b", qos(1));
    tree.subscribe(2, "a/+", keepRetain);
    tree.subscribe(2, "a/b", qos(0));

    const auto matched = matchOf(tree, "a/b");
    ASSERT_EQ(matched.size(), 2u);
    EXPECT_FALSE(matched[0].retainAsPublished);
    EXPECT_TRUE(matched[1].retainAsPublished);  // equal QoS: either one asking is enough
}

TEST(SubscriptionTree, MatchAppendsWithoutClearing) {
    SubscriptionTree tree;
    tree.subscribe(1, "a", qos(0));
    tree.subscribe(2, "a", qos(0));
    std::vector<MatchedSubscriber> out(1);
    out[0].subscriber = 2;  // same id as a match: must not be merged with the new entries
    out[0].subscriptionIds = {42};
    tree.match("a", out);
    ASSERT_EQ(out.size(), 3u);
    EXPECT_EQ(out[0].subscriptionIds, (Ids{42}));
    EXPECT_EQ(out[1].subscriber, 1u);
    EXPECT_EQ(out[2].subscriber, 2u);
    EXPECT_TRUE(out[2].subscriptionIds.empty());
}

TEST(SubscriptionTree, ShareGroupSpreadsMessagesEvenly) {
    SubscriptionTree tree;
    for (SubscriberId member : {10, 11, 12}) {
        tree.subscribe(member, "jobs/+", qos(1, static_cast<std::uint32_t>(member)), "workers");
    }
    constexpr int kMessages = 1000;
    std::map<SubscriberId, int> received;
    for (int i = 0; i < kMessages; ++i) {
        const auto matched = matchOf(tree, std::string("jobs/").append(std::to_string(i)));
        ASSERT_EQ(matched.size(), 1u);
        EXPECT_TRUE(matched[0].shared);
        EXPECT_EQ(matched[0].subscriptionIds,
                  (Ids{static_cast<std::uint32_t>(matched[0].subscriber)}));
        ++received[matched[0].subscriber];
    }
    ASSERT_EQ(received.size(), 3u);
    for (const auto& [member, count] : received) {
        EXPECT_NEAR(count, kMessages / 3, 1) << member;
    }
}

TEST(SubscriptionTree, ShareGroupTurnsAreFairAcrossConcurrentMatches) {
    SubscriptionTree tree;
    for (SubscriberId member : {1, 2, 3}) {
        tree.subscribe(member, "jobs/#", qos(1), "workers");
    }
    constexpr int kThreads = 4;
    constexpr int kPerThread = 3000;
    std::array<std::atomic<int>, 4> received{};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&] {
            std::vector<MatchedSubscriber> out;
            for (int i = 0; i < kPerThread; ++i) {
                out.clear();
                tree.match("jobs/x", out);
                if (out.size() == 1 && out[0].subscriber <= 3) {
                    received[out[0].subscriber].fetch_add(1);
                }
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    // Every match takes one distinct turn, so the members share the total exactly.
    for (SubscriberId member : {1, 2, 3}) {
        EXPECT_EQ(received[member].load(), kThreads * kPerThread / 3) << member;
    }
}

TEST(SubscriptionTree, SharedAndNonSharedDeliveriesStaySeparate) {
    SubscriptionTree tree;
    tree.subscribe(1, "orders/#", qos(1, 5));
    tree.subscribe(1, "orders/+", qos(2), "billing");
    tree.subscribe(2, "orders/+", qos(0), "billing");
    tree.subscribe(3, "orders/new", qos(1), "audit");
    tree.subscribe(4, "orders/new", qos(0));

    std::map<SubscriberId, int> billing;
    for (int i = 0; i < 6; ++i) {
        const auto matched = matchOf(tree, "orders/new");
        ASSERT_EQ(matched.size(), 4u);
        // Non-shared first (by subscriber), then one member per group.
        EXPECT_EQ(matched[0].subscriber, 1u);
        EXPECT_FALSE(matched[0].shared);
        EXPECT_EQ(matched[0].maxQos, 1);  // not merged with its shared subscription
        EXPECT_EQ(matched[0].subscriptionIds, (Ids{5}));
        EXPECT_EQ(matched[1].subscriber, 4u);
        EXPECT_FALSE(matched[1].shared);
        int audit = 0;
        for (std::size_t slot = 2; slot < 4; ++slot) {
            EXPECT_TRUE(matched[slot].shared);
            if (matched[slot].subscriber == 3) {
                ++audit;
            } else {
                ++billing[matched[slot].subscriber];
            }
        }
        EXPECT_EQ(audit, 1);
    }
    EXPECT_EQ(billing, (std::map<SubscriberId, int>{{1, 3}, {2, 3}}));
}

TEST(SubscriptionTree, SameGroupNameOnTwoMatchingFiltersDeliversOncePerFilter) {
    SubscriptionTree tree;
    tree.subscribe(1, "a/+", qos(0), "g");
    tree.subscribe(2, "a/b", qos(0), "g");
    const auto matched = matchOf(tree, "a/b");
    EXPECT_EQ(subscribersOf(matched), (std::vector<SubscriberId>{1, 2}));
}

TEST(SubscriptionTree, DeepFiltersNeitherOverflowNorLeak) {
    SubscriptionTree tree;
    const std::string deep(60000, '/');
    tree.subscribe(1, deep + "#", qos(0));
    tree.subscribe(2, deep, qos(0));
    EXPECT_EQ(subscribersOf(matchOf(tree, deep)), (std::vector<SubscriberId>{1, 2}));
    EXPECT_EQ(subscribersOf(matchOf(tree, deep + "x")), (std::vector<SubscriberId>{1}));
    EXPECT_TRUE(tree.unsubscribe(2, deep));
    // The destructor frees the remaining 60,000-level chain.
}

}  // namespace
}  // namespace sbx::broker
