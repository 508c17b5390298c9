#include "sbx/workspace/recent_list.h"

#include <algorithm>

namespace sbx::workspace {

RecentList::RecentList(std::vector<std::string> entries, std::size_t capacity)
    : capacity_(capacity) {
    // Re-adding oldest first keeps the order and removes duplicates and empties.
    for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
        add(*it);
    }
}

void RecentList::add(const std::string& path) {
    if (path.empty() || capacity_ == 0) {
        return;
    }
    remove(path);
    entries_.insert(entries_.begin(), path);
    if (entries_.size() > capacity_) {
        entries_.resize(capacity_);
    }
}

void RecentList::remove(const std::string& path) { std::erase(entries_, path); }

void RecentList::prune(const std::function<bool(const std::string&)>& stillExists) {
    std::erase_if(entries_, [&](const std::string& path) { return !stillExists(path); });
}

}  // namespace sbx::workspace
