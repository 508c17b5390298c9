#include "sbx/broker/amqp/topic_matcher.h"

#include <vector>

namespace sbx::broker::amqp {

namespace {

// rabbit_exchange_type_topic:split_topic_key: "" has no words, "a." has "a" and "".
std::vector<std::string_view> words(std::string_view key) {
    std::vector<std::string_view> out;
    if (key.empty()) {
        return out;
    }
    std::size_t start = 0;
    while (true) {
        const auto dot = key.find('.', start);
        if (dot == std::string_view::npos) {
            out.push_back(key.substr(start));
            return out;
        }
        out.push_back(key.substr(start, dot - start));
        start = dot + 1;
    }
}

}  // namespace

bool amqpTopicMatches(std::string_view bindingKey, std::string_view routingKey) {
    const auto pattern = words(bindingKey);
    const auto key = words(routingKey);
    // matches[k]: pattern[0, p) matches key[0, k). One row per pattern word, so many
    // '#'s cost O(words^2), never exponential backtracking.
    std::vector<char> matches(key.size() + 1, 0);
    matches[0] = 1;
    for (const auto word : pattern) {
        std::vector<char> next(key.size() + 1, 0);
        if (word == "#") {
            char reachable = 0;
            for (std::size_t k = 0; k <= key.size(); ++k) {
                reachable = static_cast<char>(reachable | matches[k]);
                next[k] = reachable;  // '#' swallows any number of the words after a match
            }
        } else {
            for (std::size_t k = 1; k <= key.size(); ++k) {
                next[k] = static_cast<char>(matches[k - 1] && (word == "*" || word == key[k - 1]));
            }
        }
        matches = std::move(next);
    }
    return matches[key.size()] != 0;
}

}  // namespace sbx::broker::amqp
