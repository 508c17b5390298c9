#include "sbx/inspect/string_pool.h"

namespace sbx::inspect {
namespace {

const std::string kEmpty;

}  // namespace

StringPool::StringPool() {
    entries_.push_back({&kEmpty, 0});
}

std::uint32_t StringPool::acquire(std::string_view text) {
    if (text.empty()) {
        return 0;
    }
    if (const auto found = ids_.find(text); found != ids_.end()) {
        ++entries_[found->second].references;
        return found->second;
    }
    std::uint32_t id = 0;
    if (free_.empty()) {
        id = static_cast<std::uint32_t>(entries_.size());
        entries_.emplace_back();
    } else {
        id = free_.back();
        free_.pop_back();
    }
    const auto inserted = ids_.emplace(std::string(text), id).first;
    entries_[id] = {&inserted->first, 1};
    return id;
}

void StringPool::release(std::uint32_t id) {
    if (id == 0) {
        return;
    }
    auto& entry = entries_[id];
    if (--entry.references == 0) {
        ids_.erase(ids_.find(*entry.text));  // by iterator: the key is the node's own
        entry = {};
        free_.push_back(id);
    }
}

const std::string& StringPool::text(std::uint32_t id) const {
    return *entries_[id].text;
}

void StringPool::clear() {
    ids_.clear();
    entries_.resize(1);
    free_.clear();
}

}  // namespace sbx::inspect
