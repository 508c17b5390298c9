#include "subscription_node.h"

#include <algorithm>
#include <atomic>

#include "topic_levels.h"

namespace sbx::broker::detail {

namespace {

bool isBefore(const NodeSubscription& entry, SubscriberId subscriber) {
    return entry.subscriber < subscriber;
}

template <typename List>
auto lowerBound(List& list, SubscriberId subscriber) {
    return std::lower_bound(list.begin(), list.end(), subscriber, isBefore);
}

const NodeSubscription* findIn(const SubscriptionList& list, SubscriberId subscriber) {
    const auto it = lowerBound(list, subscriber);
    return it != list.end() && it->subscriber == subscriber ? &*it : nullptr;
}

bool upsertIn(SubscriptionList& list, SubscriberId subscriber, const SubscriptionOptions& options) {
    const auto it = lowerBound(list, subscriber);
    if (it != list.end() && it->subscriber == subscriber) {
        it->options = options;
        return false;
    }
    list.insert(it, NodeSubscription{subscriber, options});
    return true;
}

bool removeFrom(SubscriptionList& list, SubscriberId subscriber) {
    const auto it = lowerBound(list, subscriber);
    if (it == list.end() || it->subscriber != subscriber) {
        return false;
    }
    list.erase(it);
    return true;
}

MatchedSubscriber toMatched(const NodeSubscription& entry, bool shared) {
    MatchedSubscriber matched;
    matched.subscriber = entry.subscriber;
    matched.maxQos = entry.options.maxQos;
    matched.noLocal = entry.options.noLocal;
    matched.retainAsPublished = entry.options.retainAsPublished;
    matched.shared = shared;
    if (entry.options.subscriptionId) {
        matched.subscriptionIds.push_back(*entry.options.subscriptionId);
    }
    return matched;
}

}  // namespace

const NodeSubscription& ShareGroup::nextMember() const {
    // Relaxed is enough: the counter only spreads load, it orders nothing else.
    const auto ticket = turn.fetch_add(1, std::memory_order_relaxed);
    return members[ticket % members.size()];
}

bool SubscriptionNode::empty() const {
    return subscriptions.empty() && groups.empty() && literals.empty() && !singleLevel &&
           !multiLevel;
}

SubscriptionNode* SubscriptionNode::child(std::string_view level) const {
    if (level == kSingleLevelWildcard) {
        return singleLevel.get();
    }
    if (level == kMultiLevelWildcard) {
        return multiLevel.get();
    }
    return findChild(literals, level);
}

SubscriptionNode& SubscriptionNode::childOrAdd(std::string_view level) {
    auto make = [](std::unique_ptr<SubscriptionNode>& slot) -> SubscriptionNode& {
        if (!slot) {
            slot = std::make_unique<SubscriptionNode>();
        }
        return *slot;
    };
    if (level == kSingleLevelWildcard) {
        return make(singleLevel);
    }
    if (level == kMultiLevelWildcard) {
        return make(multiLevel);
    }
    if (auto* existing = findChild(literals, level)) {
        return *existing;
    }
    return make(literals[std::string(level)]);
}

void SubscriptionNode::eraseChild(std::string_view level) {
    if (level == kSingleLevelWildcard) {
        singleLevel.reset();
    } else if (level == kMultiLevelWildcard) {
        multiLevel.reset();
    } else {
        detail::eraseChild(literals, level);
    }
}

void SubscriptionNode::takeChildren(std::vector<std::unique_ptr<SubscriptionNode>>& into) {
    for (auto& [level, node] : literals) {
        into.push_back(std::move(node));
    }
    literals.clear();
    if (singleLevel) {
        into.push_back(std::move(singleLevel));
    }
    if (multiLevel) {
        into.push_back(std::move(multiLevel));
    }
}

ShareGroup* SubscriptionNode::group(std::string_view name) const {
    const auto it = std::find_if(groups.begin(), groups.end(),
                                 [name](const auto& candidate) { return candidate->name == name; });
    return it == groups.end() ? nullptr : it->get();
}

bool SubscriptionNode::upsert(SubscriberId subscriber, const SubscriptionOptions& options,
                              std::string_view groupName) {
    if (groupName.empty()) {
        return upsertIn(subscriptions, subscriber, options);
    }
    auto* existing = group(groupName);
    if (!existing) {
        auto created = std::make_unique<ShareGroup>();
        created->name = std::string(groupName);
        existing = groups.emplace_back(std::move(created)).get();
    }
    return upsertIn(existing->members, subscriber, options);
}

bool SubscriptionNode::remove(SubscriberId subscriber, std::string_view groupName) {
    if (groupName.empty()) {
        return removeFrom(subscriptions, subscriber);
    }
    auto* existing = group(groupName);
    if (!existing || !removeFrom(existing->members, subscriber)) {
        return false;
    }
    if (existing->members.empty()) {
        std::erase_if(groups,
                      [existing](const auto& candidate) { return candidate.get() == existing; });
    }
    return true;
}

const SubscriptionOptions* SubscriptionNode::find(SubscriberId subscriber,
                                                  std::string_view groupName) const {
    const SubscriptionList* list = &subscriptions;
    if (!groupName.empty()) {
        const auto* existing = group(groupName);
        if (!existing) {
            return nullptr;
        }
        list = &existing->members;
    }
    const auto* entry = findIn(*list, subscriber);
    return entry ? &entry->options : nullptr;
}

void SubscriptionNode::collect(std::vector<MatchedSubscriber>& out) const {
    for (const auto& entry : subscriptions) {
        out.push_back(toMatched(entry, false));
    }
    for (const auto& shareGroup : groups) {
        out.push_back(toMatched(shareGroup->nextMember(), true));
    }
}

}  // namespace sbx::broker::detail
