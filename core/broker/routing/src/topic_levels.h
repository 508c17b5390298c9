#pragma once

#include <string_view>

namespace sbx::broker::detail {

inline constexpr std::string_view kSingleLevelWildcard = "+";
inline constexpr std::string_view kMultiLevelWildcard = "#";

// Walks the `/`-separated levels of a topic name or filter without copying. Every
// separator starts a new level, so "a//b" has three levels and "/" has two empty ones.
// Copyable, so a matcher can branch by copying the cursor.
class LevelCursor {
public:
    explicit LevelCursor(std::string_view text) : rest_(text) {}

    [[nodiscard]] bool atEnd() const { return done_; }

    // The next level. Only valid while !atEnd().
    std::string_view next() {
        const auto slash = rest_.find('/');
        if (slash == std::string_view::npos) {
            done_ = true;
            return rest_;
        }
        const auto level = rest_.substr(0, slash);
        rest_.remove_prefix(slash + 1);
        return level;
    }

private:
    std::string_view rest_;
    bool done_ = false;
};

// `$SYS/...` and other server topics are hidden from filters that start with a
// wildcard (MQTT 5 §4.7.2).
[[nodiscard]] inline bool isServerTopic(std::string_view topic) {
    return !topic.empty() && topic.front() == '$';
}

}  // namespace sbx::broker::detail
