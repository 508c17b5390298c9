#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sbx/broker/subscription_tree.h"
#include "trie_support.h"

namespace sbx::broker::detail {

struct NodeSubscription {
    SubscriberId subscriber = 0;
    SubscriptionOptions options;
};

// A sorted vector: binary search for subscribe/unsubscribe, and matching walks it as
// one contiguous block.
using SubscriptionList = std::vector<NodeSubscription>;

// The members of one `$share/{name}/{filter}` (the filter is the node's path). Each
// message goes to one member, in turn.
struct ShareGroup {
    std::string name;
    SubscriptionList members;  // never empty while the group exists
    // match() runs under a shared lock on many threads, so the turn must be atomic.
    mutable std::atomic<std::size_t> turn{0};

    [[nodiscard]] const NodeSubscription& nextMember() const;
};

// One level of the subscription trie: the subscriptions whose filter ends here and the
// children for the next level. The wildcards get their own slots so matching needs no
// lookup for them; a literal child named "+" or "#" cannot exist.
struct SubscriptionNode {
    ChildMap<SubscriptionNode> literals;
    std::unique_ptr<SubscriptionNode> singleLevel;  // `+`
    std::unique_ptr<SubscriptionNode> multiLevel;   // `#`
    SubscriptionList subscriptions;                 // non-shared
    std::vector<std::unique_ptr<ShareGroup>> groups;

    [[nodiscard]] bool empty() const;

    [[nodiscard]] SubscriptionNode* child(std::string_view level) const;
    SubscriptionNode& childOrAdd(std::string_view level);
    void eraseChild(std::string_view level);
    void takeChildren(std::vector<std::unique_ptr<SubscriptionNode>>& into);

    // Returns true when the subscription is new, false when it replaced one.
    bool upsert(SubscriberId subscriber, const SubscriptionOptions& options,
                std::string_view group);
    bool remove(SubscriberId subscriber, std::string_view group);
    [[nodiscard]] const SubscriptionOptions* find(SubscriberId subscriber,
                                                  std::string_view group) const;

    // Appends every non-shared subscription here and one member of each share group.
    void collect(std::vector<MatchedSubscriber>& out) const;

private:
    [[nodiscard]] ShareGroup* group(std::string_view name) const;
};

}  // namespace sbx::broker::detail
