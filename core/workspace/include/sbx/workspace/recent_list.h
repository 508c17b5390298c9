#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace sbx::workspace {

// Most-recently-used list of workspace paths: newest first, no duplicates, bounded.
class RecentList {
public:
    explicit RecentList(std::size_t capacity = 10) : capacity_(capacity) {}
    RecentList(std::vector<std::string> entries, std::size_t capacity);

    void add(const std::string& path);
    void remove(const std::string& path);
    // Drops entries for which `stillExists` is false (folders deleted since last time).
    void prune(const std::function<bool(const std::string&)>& stillExists);
    void clear() { entries_.clear(); }

    [[nodiscard]] const std::vector<std::string>& entries() const { return entries_; }
    [[nodiscard]] std::size_t capacity() const { return capacity_; }

private:
    std::size_t capacity_;
    std::vector<std::string> entries_;
};

}  // namespace sbx::workspace
