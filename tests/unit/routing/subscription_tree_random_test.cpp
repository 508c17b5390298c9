// Differential tests: SubscriptionTree::match against a brute-force reference that asks
// topicMatches about every subscription, and topicMatches against a regular expression
// built from the filter. Random filters and topics over a small alphabet of levels make
// overlaps, empty levels, wildcards and `$` topics common.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "sbx/broker/subscription_tree.h"
#include "sbx/broker/topic.h"

namespace sbx::broker {
namespace {

class Generator {
public:
    explicit Generator(std::uint32_t seed) : random_(seed) {}

    int number(int low, int high) { return std::uniform_int_distribution(low, high)(random_); }
    bool chance(double p) { return std::bernoulli_distribution(p)(random_); }

    std::string topic() {
        std::string text = chance(0.15) ? serverLevel() : topicLevel();
        for (int i = number(0, 4); i > 0; --i) {
            text.append("/").append(topicLevel());
        }
        return text;
    }

    std::string filter() {
        if (chance(0.005)) {
            return "#";
        }
        const int levels = number(1, 5);
        std::string text;
        for (int i = 0; i < levels; ++i) {
            const bool last = i == levels - 1;
            std::string level = chance(0.2) ? "+" : plainLevel();
            if (i == 0 && chance(0.1)) {
                level = serverLevel();
            }
            if (last && chance(0.15)) {
                level = "#";
            }
            text.append(i == 0 ? "" : "/").append(level);
        }
        return text.empty() ? "/" : text;  // one empty level alone is no filter
    }

    SubscriptionOptions options() {
        SubscriptionOptions options;
        options.maxQos = static_cast<std::uint8_t>(number(0, 2));
        options.noLocal = chance(0.3);
        options.retainAsPublished = chance(0.3);
        options.retainHandling = static_cast<std::uint8_t>(number(0, 2));
        if (chance(0.6)) {
            options.subscriptionId = static_cast<std::uint32_t>(number(1, 6));
        }
        return options;
    }

    template <typename Container>
    const auto& pick(const Container& items) {
        auto it = items.begin();
        std::advance(it, number(0, static_cast<int>(items.size()) - 1));
        return *it;
    }

private:
    std::string plainLevel() {
        static const std::vector<std::string> levels = {"a", "b", "c", "", "a$"};
        return pick(levels);
    }
    // Topics also use a level no filter names, so only wildcards reach it.
    std::string topicLevel() { return chance(0.15) ? "d" : plainLevel(); }
    std::string serverLevel() { return chance(0.5) ? "$SYS" : "$"; }

    std::mt19937 random_;
};

using Key = std::tuple<SubscriberId, std::string, std::string>;  // subscriber, filter, group
using Model = std::map<Key, SubscriptionOptions>;
using Ids = std::vector<std::uint32_t>;

bool sameOptions(const SubscriptionOptions& a, const SubscriptionOptions& b) {
    return std::tie(a.maxQos, a.noLocal, a.retainAsPublished, a.retainHandling, a.subscriptionId) ==
           std::tie(b.maxQos, b.noLocal, b.retainAsPublished, b.retainHandling, b.subscriptionId);
}

// The merge rules written out longhand, to compare with the trie's in-place merge.
struct ExpectedDelivery {
    std::uint8_t maxQos = 0;
    bool noLocal = true;
    bool retainAsPublished = false;
    std::set<std::uint32_t> ids;
};

std::map<SubscriberId, ExpectedDelivery> expectedNonShared(const Model& model,
                                                           const std::string& topic) {
    std::map<SubscriberId, std::uint8_t> highest;
    for (const auto& [key, options] : model) {
        const auto& [subscriber, filter, group] = key;
        if (group.empty() && topicMatches(filter, topic)) {
            highest[subscriber] = std::max(highest[subscriber], options.maxQos);
        }
    }
    std::map<SubscriberId, ExpectedDelivery> expected;
    for (const auto& [key, options] : model) {
        const auto& [subscriber, filter, group] = key;
        if (!group.empty() || !topicMatches(filter, topic)) {
            continue;
        }
        auto& delivery = expected[subscriber];
        delivery.maxQos = highest[subscriber];
        delivery.noLocal = delivery.noLocal && options.noLocal;
        if (options.maxQos == highest[subscriber]) {
            delivery.retainAsPublished = delivery.retainAsPublished || options.retainAsPublished;
        }
        if (options.subscriptionId) {
            delivery.ids.insert(*options.subscriptionId);
        }
    }
    return expected;
}

// Shared members get subscriber ids that belong to one (group, filter) pair only, so
// every shared delivery tells which share it came from.
class ShareRegistry {
public:
    SubscriberId memberId(const std::string& group, const std::string& filter, int member) {
        auto [it, added] = pairs_.try_emplace({group, filter}, pairs_.size());
        const SubscriberId id = 1000 + it->second * 4 + static_cast<SubscriberId>(member);
        owner_[id] = it->first;
        return id;
    }
    [[nodiscard]] const std::pair<std::string, std::string>* pairOf(SubscriberId id) const {
        const auto it = owner_.find(id);
        return it == owner_.end() ? nullptr : &it->second;
    }

private:
    std::map<std::pair<std::string, std::string>, SubscriberId> pairs_;
    std::map<SubscriberId, std::pair<std::string, std::string>> owner_;
};

// How often the checks saw each kind of outcome, so a run that compares nothing but
// empty results cannot pass unnoticed.
struct Coverage {
    long accepted = 0;  // subscriptions whose filter matched a checked topic
    long rejected = 0;  // subscriptions the trie had to leave out
    int merged = 0;     // deliveries merged from several subscription identifiers
    int shared = 0;     // checks with at least one share group delivery
};

void expectMatchAgreesWithReference(const SubscriptionTree& tree, const Model& model,
                                    const ShareRegistry& shares, const std::string& topic,
                                    Coverage& coverage) {
    SCOPED_TRACE("topic \"" + topic + "\"");
    std::vector<MatchedSubscriber> out;
    tree.match(topic, out);
    coverage.merged += std::any_of(out.begin(), out.end(),
                                   [](const auto& e) { return e.subscriptionIds.size() > 1; });
    coverage.shared += std::any_of(out.begin(), out.end(), [](const auto& e) { return e.shared; });

    const auto expected = expectedNonShared(model, topic);
    std::set<std::pair<std::string, std::string>> expectedShares;
    for (const auto& [key, options] : model) {
        const auto& [subscriber, filter, group] = key;
        const bool matches = topicMatches(filter, topic);
        (matches ? coverage.accepted : coverage.rejected) += 1;
        if (!group.empty() && matches) {
            expectedShares.emplace(group, filter);
        }
    }

    std::vector<SubscriberId> nonSharedOrder;
    std::set<std::pair<std::string, std::string>> seenShares;
    for (const auto& entry : out) {
        if (entry.shared) {
            const auto* share = shares.pairOf(entry.subscriber);
            ASSERT_NE(share, nullptr) << "unknown shared subscriber " << entry.subscriber;
            EXPECT_TRUE(seenShares.insert(*share).second)
                << "two deliveries for $share/" << share->first << "/" << share->second;
            const auto found = model.find({entry.subscriber, share->second, share->first});
            ASSERT_NE(found, model.end()) << "delivered to a removed member";
            EXPECT_EQ(entry.maxQos, found->second.maxQos);
            EXPECT_EQ(entry.subscriptionIds.size(), found->second.subscriptionId ? 1u : 0u);
            continue;
        }
        nonSharedOrder.push_back(entry.subscriber);
        const auto want = expected.find(entry.subscriber);
        ASSERT_NE(want, expected.end()) << "unexpected subscriber " << entry.subscriber;
        EXPECT_EQ(entry.maxQos, want->second.maxQos) << entry.subscriber;
        EXPECT_EQ(entry.noLocal, want->second.noLocal) << entry.subscriber;
        EXPECT_EQ(entry.retainAsPublished, want->second.retainAsPublished) << entry.subscriber;
        EXPECT_EQ(entry.subscriptionIds, Ids(want->second.ids.begin(), want->second.ids.end()))
            << entry.subscriber;
    }
    EXPECT_EQ(nonSharedOrder.size(), expected.size());
    EXPECT_TRUE(std::is_sorted(nonSharedOrder.begin(), nonSharedOrder.end()));
    EXPECT_EQ(seenShares, expectedShares);
}

void expectEntriesAgreeWithModel(const SubscriptionTree& tree, const Model& model) {
    ASSERT_EQ(tree.subscriptionCount(), model.size());
    const auto entries = tree.entries();
    ASSERT_EQ(entries.size(), model.size());
    for (const auto& entry : entries) {
        const auto found = model.find({entry.subscriber, entry.filter, entry.shareGroup});
        ASSERT_NE(found, model.end()) << entry.filter;
        EXPECT_TRUE(sameOptions(entry.options, found->second)) << entry.filter;
    }
}

struct RandomRun {
    Generator random;
    SubscriptionTree tree;
    Model model;
    ShareRegistry shares;
    Coverage coverage;

    explicit RandomRun(std::uint32_t seed) : random(seed) {}

    void subscribeOne() {
        const auto filter = random.filter();
        const auto options = random.options();
        std::string group;
        SubscriberId subscriber = static_cast<SubscriberId>(random.number(1, 40));
        if (random.chance(0.25)) {
            group = random.chance(0.5) ? "g1" : "g2";
            subscriber = shares.memberId(group, filter, random.number(0, 3));
        } else if (random.chance(0.05)) {
            subscriber = 1000 + static_cast<SubscriberId>(random.number(0, 40));  // also shares
        }
        const bool isNew = model.insert_or_assign({subscriber, filter, group}, options).second;
        EXPECT_EQ(tree.subscribe(subscriber, filter, options, group), isNew) << filter;
    }

    void unsubscribeOne() {
        if (model.empty() || random.chance(0.1)) {
            EXPECT_FALSE(tree.unsubscribe(7, random.filter(), "nobody"));
            return;
        }
        const auto key = random.pick(model).first;
        model.erase(key);
        EXPECT_TRUE(tree.unsubscribe(std::get<0>(key), std::get<1>(key), std::get<2>(key)));
        EXPECT_FALSE(tree.unsubscribe(std::get<0>(key), std::get<1>(key), std::get<2>(key)));
    }

    void unsubscribeAllOfOne() {
        const auto subscriber = model.empty() ? 1 : std::get<0>(random.pick(model).first);
        const auto removed = std::erase_if(
            model, [&](const auto& item) { return std::get<0>(item.first) == subscriber; });
        EXPECT_EQ(tree.unsubscribeAll(subscriber), removed);
        EXPECT_TRUE(tree.entriesOf(subscriber).empty());
    }

    void step() {
        const int dice = random.number(0, 99);
        if (dice < 70) {
            subscribeOne();
        } else if (dice < 97) {
            unsubscribeOne();
        } else {
            unsubscribeAllOfOne();
        }
    }

    void checkTopics(int count) {
        for (int i = 0; i < count; ++i) {
            expectMatchAgreesWithReference(tree, model, shares, random.topic(), coverage);
        }
    }
};

TEST(SubscriptionTreeRandom, MatchAgreesWithBruteForceWhileSubscriptionsChange) {
    for (std::uint32_t seed : {1u, 2u, 3u}) {
        SCOPED_TRACE(std::string("seed ").append(std::to_string(seed)));
        RandomRun run(seed);
        for (int op = 1; op <= 4000; ++op) {
            run.step();
            if (op % 500 == 0) {
                run.checkTopics(150);
                expectEntriesAgreeWithModel(run.tree, run.model);
            }
            if (::testing::Test::HasFailure()) {
                return;  // one seed's failure is enough to read
            }
        }
        ASSERT_GT(run.model.size(), 300u);  // the tree was really populated
        run.checkTopics(1500);
        expectEntriesAgreeWithModel(run.tree, run.model);
        EXPECT_GT(run.coverage.merged, 300);
        EXPECT_GT(run.coverage.shared, 300);
        EXPECT_GT(run.coverage.accepted, 20000);
        EXPECT_GT(run.coverage.rejected, 100000);

        // Drain it completely: every node must go, and nothing may match afterwards.
        while (!run.model.empty()) {
            run.unsubscribeOne();
        }
        EXPECT_EQ(run.tree.subscriptionCount(), 0u);
        EXPECT_TRUE(run.tree.entries().empty());
        run.checkTopics(100);
    }
}

// An independent reading of §4.7: `+` is one level of anything but `/`, a trailing `/#`
// is optional and covers any rest, a lone `#` matches all, and leading wildcards skip
// `$` topics.
bool regexMatches(const std::string& filter, const std::string& topic) {
    if (!topic.empty() && topic.front() == '$' &&
        (filter.front() == '+' || filter.front() == '#')) {
        return false;
    }
    std::string pattern;
    std::string rest = filter;
    std::string tail;
    if (rest == "#") {
        return std::regex_match(topic, std::regex(".*"));
    }
    if (rest.size() >= 2 && rest.ends_with("/#")) {
        rest.resize(rest.size() - 2);
        tail = "(/.*)?";
    }
    std::size_t start = 0;
    while (true) {
        const auto slash = rest.find('/', start);
        const auto level = rest.substr(start, slash - start);
        if (level == "+") {
            pattern += "[^/]*";
        } else {
            for (char c : level) {
                if (std::string_view("\\^$.|?*+()[]{}").find(c) != std::string_view::npos) {
                    pattern += '\\';
                }
                pattern += c;
            }
        }
        if (slash == std::string::npos) {
            break;
        }
        pattern += "/";
        start = slash + 1;
    }
    return std::regex_match(topic, std::regex(pattern + tail));
}

TEST(TopicMatchesRandom, AgreesWithARegularExpressionReading) {
    Generator random(7);
    std::vector<std::string> topics;
    for (int i = 0; i < 120; ++i) {
        topics.push_back(random.topic());
    }
    int matched = 0;
    for (int f = 0; f < 300; ++f) {
        const auto filter = random.filter();
        ASSERT_TRUE(isValidTopicFilter(filter)) << filter;
        for (const auto& topic : topics) {
            const bool expected = regexMatches(filter, topic);
            EXPECT_EQ(topicMatches(filter, topic), expected) << filter << " vs " << topic;
            matched += expected ? 1 : 0;
        }
    }
    EXPECT_GT(matched, 500);  // the comparison saw plenty of both outcomes
}

}  // namespace
}  // namespace sbx::broker
