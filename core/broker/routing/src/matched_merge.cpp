#include "matched_merge.h"

#include <algorithm>
#include <iterator>
#include <tuple>

namespace sbx::broker::detail {

namespace {

// A function object rather than a function pointer, so std::sort inlines it.
struct ComesBefore {
    bool operator()(const MatchedSubscriber& a, const MatchedSubscriber& b) const {
        return std::tie(a.shared, a.subscriber) < std::tie(b.shared, b.subscriber);
    }
};

bool isSameDelivery(const MatchedSubscriber& a, const MatchedSubscriber& b) {
    return !a.shared && !b.shared && a.subscriber == b.subscriber;
}

void absorb(MatchedSubscriber& into, MatchedSubscriber& from) {
    if (from.maxQos > into.maxQos) {
        into.maxQos = from.maxQos;
        into.retainAsPublished = from.retainAsPublished;
    } else if (from.maxQos == into.maxQos) {
        // Ties are decided the same way whatever order the trie walk found them in.
        into.retainAsPublished = into.retainAsPublished || from.retainAsPublished;
    }
    into.noLocal = into.noLocal && from.noLocal;
    into.subscriptionIds.insert(into.subscriptionIds.end(), from.subscriptionIds.begin(),
                                from.subscriptionIds.end());
}

void normaliseIds(std::vector<std::uint32_t>& ids) {
    if (ids.size() < 2) {
        return;
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

}  // namespace

void mergeBySubscriber(std::vector<MatchedSubscriber>& out, std::size_t first) {
    if (out.size() - first < 2) {
        return;
    }
    const auto begin = out.begin() + static_cast<std::ptrdiff_t>(first);
    std::sort(begin, out.end(), ComesBefore{});
    auto kept = begin;
    for (auto it = std::next(begin); it != out.end(); ++it) {
        if (isSameDelivery(*kept, *it)) {
            absorb(*kept, *it);
            continue;
        }
        normaliseIds(kept->subscriptionIds);
        ++kept;
        if (kept != it) {
            *kept = std::move(*it);
        }
    }
    normaliseIds(kept->subscriptionIds);
    out.erase(std::next(kept), out.end());
}

}  // namespace sbx::broker::detail
