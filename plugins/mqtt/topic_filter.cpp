#include "topic_filter.h"

#include <string>
#include <vector>

namespace sbx::mqtt_connector {

namespace {

std::vector<std::string_view> levels(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (;;) {
        const auto slash = text.find('/', start);
        if (slash == std::string_view::npos) {
            out.push_back(text.substr(start));
            return out;
        }
        out.push_back(text.substr(start, slash - start));
        start = slash + 1;
    }
}

bool isWildcard(std::string_view level) {
    return level == "+" || level == "#";
}

}  // namespace

bool isValidFilter(std::string_view filter) {
    if (filter.empty()) {
        return false;
    }
    const auto parts = levels(filter);
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const auto level = parts[i];
        if (level == "#" && i + 1 != parts.size()) {
            return false;
        }
        if (!isWildcard(level) && level.find_first_of("+#") != std::string_view::npos) {
            return false;
        }
    }
    return true;
}

bool matches(std::string_view filter, std::string_view topic) {
    const auto f = levels(filter);
    const auto t = levels(topic);
    if (!topic.empty() && topic.front() == '$' && isWildcard(f.front())) {
        return false;
    }
    for (std::size_t i = 0; i < f.size(); ++i) {
        if (f[i] == "#") {
            return true;
        }
        if (i >= t.size()) {
            return false;
        }
        if (f[i] != "+" && f[i] != t[i]) {
            return false;
        }
    }
    return f.size() == t.size();
}

bool covers(std::string_view outer, std::string_view inner) {
    const auto o = levels(outer);
    const auto n = levels(inner);
    // A wildcard first level of `outer` leaves out $ topics: `inner` must not reach them.
    if (isWildcard(o.front()) && n.front().starts_with('$')) {
        return false;
    }
    for (std::size_t i = 0; i < o.size(); ++i) {
        if (o[i] == "#") {
            return true;
        }
        if (i >= n.size()) {
            return false;
        }
        if (n[i] == "#") {
            return false;  // `inner` reaches deeper than `outer`
        }
        if (o[i] != "+" && (n[i] == "+" || o[i] != n[i])) {
            return false;
        }
    }
    return o.size() == n.size();
}

}  // namespace sbx::mqtt_connector
