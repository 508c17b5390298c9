#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace sbx::broker::detail {

// Lets the child maps be searched with the string_view of a level, so matching a topic
// never builds a std::string per level.
struct LevelHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view level) const noexcept {
        return std::hash<std::string_view>{}(level);
    }
};

template <typename Node>
using ChildMap = std::unordered_map<std::string, std::unique_ptr<Node>, LevelHash, std::equal_to<>>;

template <typename Node>
[[nodiscard]] Node* findChild(const ChildMap<Node>& children, std::string_view level) {
    const auto it = children.find(level);
    return it == children.end() ? nullptr : it->second.get();
}

template <typename Node>
void eraseChild(ChildMap<Node>& children, std::string_view level) {
    if (const auto it = children.find(level); it != children.end()) {
        children.erase(it);
    }
}

// Frees every node below `root` without recursion. A filter may have up to 32k levels
// ("/" repeated), and nested unique_ptr destructors that deep would exhaust the stack.
// `takeChildren(node, pending)` moves the node's children into `pending`.
template <typename Node, typename TakeChildren>
void clearTrie(Node& root, TakeChildren takeChildren) {
    std::vector<std::unique_ptr<Node>> pending;
    takeChildren(root, pending);
    while (!pending.empty()) {
        std::unique_ptr<Node> node = std::move(pending.back());
        pending.pop_back();
        takeChildren(*node, pending);
    }
}

}  // namespace sbx::broker::detail
