#include "sbx/broker/subscription_tree.h"

#include <algorithm>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "matched_merge.h"
#include "subscription_node.h"
#include "topic_levels.h"

namespace sbx::broker {

namespace {

using detail::LevelCursor;
using detail::SubscriptionNode;

// Where one of a subscriber's subscriptions lives in the trie.
struct FilterKey {
    std::string filter;
    std::string group;
};

struct FilterKeyView {
    std::string_view filter;
    std::string_view group;
};

struct FilterKeyLess {
    using is_transparent = void;

    static FilterKeyView view(const FilterKey& key) { return {key.filter, key.group}; }
    static FilterKeyView view(const FilterKeyView& key) { return key; }

    template <typename A, typename B>
    bool operator()(const A& a, const B& b) const {
        const auto left = view(a);
        const auto right = view(b);
        return std::tie(left.filter, left.group) < std::tie(right.filter, right.group);
    }
};

using FilterKeys = std::set<FilterKey, FilterKeyLess>;

// One branch still to explore while matching: a trie node and the topic levels left.
struct MatchFrame {
    const SubscriptionNode* node;
    LevelCursor levels;
};

}  // namespace

struct SubscriptionTree::Impl {
    SubscriptionNode root;
    std::size_t count = 0;
    // subscriber -> its filters, so unsubscribeAll and entriesOf never scan the trie.
    std::unordered_map<SubscriberId, FilterKeys> bySubscriber;

    ~Impl() {
        detail::clearTrie(
            root, [](SubscriptionNode& node, auto& pending) { node.takeChildren(pending); });
    }

    [[nodiscard]] const SubscriptionNode* find(std::string_view filter) const {
        const SubscriptionNode* node = &root;
        for (LevelCursor levels(filter); node && !levels.atEnd();) {
            node = node->child(levels.next());
        }
        return node;
    }

    SubscriptionNode& findOrAdd(std::string_view filter) {
        SubscriptionNode* node = &root;
        for (LevelCursor levels(filter); !levels.atEnd();) {
            node = &node->childOrAdd(levels.next());
        }
        return *node;
    }

    // Removes one subscription from the trie, then every node it leaves empty.
    void removeFromTrie(SubscriberId subscriber, std::string_view filter, std::string_view group) {
        std::vector<std::pair<SubscriptionNode*, std::string_view>> path;  // parent, level
        SubscriptionNode* node = &root;
        for (LevelCursor levels(filter); node && !levels.atEnd();) {
            const auto level = levels.next();
            path.emplace_back(node, level);
            node = node->child(level);
        }
        if (!node || !node->remove(subscriber, group)) {
            return;
        }
        for (; !path.empty() && node->empty(); path.pop_back()) {
            auto [parent, level] = path.back();
            parent->eraseChild(level);
            node = parent;
        }
    }

    void walk(std::string_view topic, std::vector<MatchedSubscriber>& out) const {
        // Reused per thread so a match allocates nothing once the stack has grown.
        thread_local std::vector<MatchFrame> pending;
        pending.clear();
        pending.push_back({&root, LevelCursor(topic)});
        const bool serverTopic = detail::isServerTopic(topic);
        while (!pending.empty()) {
            auto [node, levels] = pending.back();
            pending.pop_back();
            if (levels.atEnd()) {
                node->collect(out);
                if (node->multiLevel) {
                    node->multiLevel->collect(out);  // "sport/#" matches "sport"
                }
                continue;
            }
            const auto level = levels.next();
            if (!(serverTopic && node == &root)) {
                if (node->multiLevel) {
                    node->multiLevel->collect(out);
                }
                if (node->singleLevel) {
                    pending.push_back({node->singleLevel.get(), levels});
                }
            }
            if (const auto* exact = detail::findChild(node->literals, level)) {
                pending.push_back({exact, levels});
            }
        }
    }

    void appendEntries(SubscriberId subscriber, const FilterKeys& keys,
                       std::vector<Entry>& out) const {
        for (const auto& key : keys) {
            const auto* node = find(key.filter);
            const auto* options = node ? node->find(subscriber, key.group) : nullptr;
            if (options) {
                out.push_back(Entry{subscriber, key.filter, key.group, *options});
            }
        }
    }
};

SubscriptionTree::SubscriptionTree() : impl_(std::make_unique<Impl>()) {}

SubscriptionTree::~SubscriptionTree() = default;

bool SubscriptionTree::subscribe(SubscriberId subscriber, std::string_view filter,
                                 const SubscriptionOptions& options, std::string_view shareGroup) {
    if (!impl_->findOrAdd(filter).upsert(subscriber, options, shareGroup)) {
        return false;
    }
    impl_->bySubscriber[subscriber].insert(FilterKey{std::string(filter), std::string(shareGroup)});
    ++impl_->count;
    return true;
}

bool SubscriptionTree::unsubscribe(SubscriberId subscriber, std::string_view filter,
                                   std::string_view shareGroup) {
    const auto owner = impl_->bySubscriber.find(subscriber);
    if (owner == impl_->bySubscriber.end()) {
        return false;
    }
    auto& keys = owner->second;
    const auto key = keys.find(FilterKeyView{filter, shareGroup});
    if (key == keys.end()) {
        return false;
    }
    impl_->removeFromTrie(subscriber, filter, shareGroup);
    keys.erase(key);
    if (keys.empty()) {
        impl_->bySubscriber.erase(owner);
    }
    --impl_->count;
    return true;
}

std::size_t SubscriptionTree::unsubscribeAll(SubscriberId subscriber) {
    auto owned = impl_->bySubscriber.extract(subscriber);
    if (owned.empty()) {
        return 0;
    }
    for (const auto& key : owned.mapped()) {
        impl_->removeFromTrie(subscriber, key.filter, key.group);
    }
    impl_->count -= owned.mapped().size();
    return owned.mapped().size();
}

void SubscriptionTree::match(std::string_view topic, std::vector<MatchedSubscriber>& out) const {
    const auto first = out.size();
    impl_->walk(topic, out);
    detail::mergeBySubscriber(out, first);
}

std::size_t SubscriptionTree::subscriptionCount() const {
    return impl_->count;
}

std::vector<SubscriptionTree::Entry> SubscriptionTree::entries() const {
    std::vector<Entry> result;
    result.reserve(impl_->count);
    for (const auto& [subscriber, keys] : impl_->bySubscriber) {
        impl_->appendEntries(subscriber, keys, result);
    }
    // The index is a hash map; sorting makes the listing stable for the observe model.
    std::sort(result.begin(), result.end(), [](const Entry& a, const Entry& b) {
        return std::tie(a.subscriber, a.filter, a.shareGroup) <
               std::tie(b.subscriber, b.filter, b.shareGroup);
    });
    return result;
}

std::vector<SubscriptionTree::Entry> SubscriptionTree::entriesOf(SubscriberId subscriber) const {
    std::vector<Entry> result;
    if (const auto owner = impl_->bySubscriber.find(subscriber);
        owner != impl_->bySubscriber.end()) {
        impl_->appendEntries(subscriber, owner->second, result);
    }
    return result;
}

}  // namespace sbx::broker
