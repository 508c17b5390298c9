#include "sbx/broker/retained_store.h"

#include <string>
#include <utility>

#include "topic_levels.h"
#include "trie_support.h"

namespace sbx::broker {

namespace {

using detail::LevelCursor;
using Clock = std::chrono::system_clock;

// One topic level; holds the retained message of the topic that ends here, if any.
struct RetainedNode {
    detail::ChildMap<RetainedNode> children;
    MessagePtr message;

    [[nodiscard]] bool empty() const { return !message && children.empty(); }
};

struct MatchFrame {
    const RetainedNode* node;
    LevelCursor levels;
};

// Visits `from` and everything below it, without recursion (see clearTrie). At the
// root, `$` topics are left out when `hideServerTopics` is set (MQTT 5 §4.7.2).
template <typename Visit>
void visitSubtree(const RetainedNode& from, bool hideServerTopics, Visit visit) {
    std::vector<const RetainedNode*> pending{&from};
    while (!pending.empty()) {
        const auto* node = pending.back();
        pending.pop_back();
        visit(*node);
        const bool skipServer = hideServerTopics && node == &from;
        for (const auto& [level, child] : node->children) {
            if (!(skipServer && detail::isServerTopic(level))) {
                pending.push_back(child.get());
            }
        }
    }
}

}  // namespace

struct RetainedStore::Impl {
    RetainedNode root;
    std::size_t count = 0;

    ~Impl() {
        detail::clearTrie(root, [](RetainedNode& node, auto& pending) {
            for (auto& [level, child] : node.children) {
                pending.push_back(std::move(child));
            }
            node.children.clear();
        });
    }

    RetainedNode& findOrAdd(std::string_view topic) {
        RetainedNode* node = &root;
        for (LevelCursor levels(topic); !levels.atEnd();) {
            const auto level = levels.next();
            auto* next = detail::findChild(node->children, level);
            if (!next) {
                auto& slot = node->children[std::string(level)];
                slot = std::make_unique<RetainedNode>();
                next = slot.get();
            }
            node = next;
        }
        return *node;
    }

    void erase(std::string_view topic) {
        std::vector<std::pair<RetainedNode*, std::string_view>> path;  // parent, level
        RetainedNode* node = &root;
        for (LevelCursor levels(topic); node && !levels.atEnd();) {
            const auto level = levels.next();
            path.emplace_back(node, level);
            node = detail::findChild(node->children, level);
        }
        if (!node || !node->message) {
            return;
        }
        node->message.reset();
        --count;
        for (; !path.empty() && node->empty(); path.pop_back()) {
            auto [parent, level] = path.back();
            detail::eraseChild(parent->children, level);
            node = parent;
        }
    }

    // Follows one filter level from `node`, queueing the branches it reaches.
    void step(const RetainedNode& node, std::string_view level, LevelCursor rest,
              std::vector<MatchFrame>& pending) const {
        const bool atRoot = &node == &root;
        if (level == detail::kSingleLevelWildcard) {
            for (const auto& [name, child] : node.children) {
                if (!(atRoot && detail::isServerTopic(name))) {
                    pending.push_back({child.get(), rest});
                }
            }
        } else if (const auto* exact = detail::findChild(node.children, level)) {
            pending.push_back({exact, rest});
        }
    }
};

RetainedStore::RetainedStore() : impl_(std::make_unique<Impl>()) {}

RetainedStore::~RetainedStore() = default;

void RetainedStore::set(MessagePtr message) {
    if (!message) {
        return;
    }
    if (message->payload.empty()) {
        erase(message->topic);  // MQTT-3.3.1-6: a zero-byte retained message clears
        return;
    }
    auto& node = impl_->findOrAdd(message->topic);
    if (!node.message) {
        ++impl_->count;
    }
    node.message = std::move(message);
}

void RetainedStore::erase(std::string_view topic) {
    impl_->erase(topic);
}

void RetainedStore::match(std::string_view filter, Clock::time_point now,
                          std::vector<MessagePtr>& out) const {
    auto emit = [&](const RetainedNode& node) {
        if (node.message && !node.message->expired(now)) {
            out.push_back(node.message);
        }
    };
    std::vector<MatchFrame> pending{{&impl_->root, LevelCursor(filter)}};
    while (!pending.empty()) {
        auto [node, levels] = pending.back();
        pending.pop_back();
        if (levels.atEnd()) {
            emit(*node);
            continue;
        }
        const auto level = levels.next();
        if (level == detail::kMultiLevelWildcard) {
            // Includes `node` itself: "sport/#" matches "sport".
            visitSubtree(*node, node == &impl_->root, emit);
        } else {
            impl_->step(*node, level, levels, pending);
        }
    }
}

std::size_t RetainedStore::purgeExpired(Clock::time_point now) {
    std::vector<std::string> expiredTopics;
    visitSubtree(impl_->root, false, [&](const RetainedNode& node) {
        if (node.message && node.message->expired(now)) {
            expiredTopics.push_back(node.message->topic);
        }
    });
    for (const auto& topic : expiredTopics) {
        impl_->erase(topic);
    }
    return expiredTopics.size();
}

std::size_t RetainedStore::size() const {
    return impl_->count;
}

std::vector<MessagePtr> RetainedStore::all() const {
    std::vector<MessagePtr> result;
    result.reserve(impl_->count);
    visitSubtree(impl_->root, false, [&](const RetainedNode& node) {
        if (node.message) {
            result.push_back(node.message);
        }
    });
    return result;
}

}  // namespace sbx::broker
