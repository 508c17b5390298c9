#include "sbx/inspect/trace_index.h"

#include <algorithm>
#include <charconv>
#include <optional>

namespace sbx::inspect {
namespace {

using observe::HopEvent;
using observe::HopKind;

bool carriesIds(HopKind kind) {
    return kind == HopKind::Published || kind == HopKind::DeadLettered;
}

bool carriesIds(const HopEvent& event) {
    return carriesIds(event.kind);
}

template <typename F>
void forEachId(const observe::MessageIds& ids, F&& f) {
    for (const auto* id :
         {&ids.messageId, &ids.correlationId, &ids.traceparent, &ids.correlationData}) {
        if (!id->empty()) {
            f(*id);
        }
    }
}

// Two broker ids of one message's life that a hop links: a DeadLettered hop names the
// dead letter it became, the first hop of a dead letter or bridged copy its origin.
struct Link {
    std::uint64_t origin = 0;
    std::uint64_t continuation = 0;
};

std::optional<Link> linkOf(HopKind kind, std::uint64_t messageId, std::uint64_t linked) {
    if (linked == 0 || linked == messageId) {
        return std::nullopt;
    }
    return kind == HopKind::DeadLettered ? Link{messageId, linked} : Link{linked, messageId};
}

bool contains(std::string_view haystack, std::string_view needle) {
    return haystack.find(needle) != std::string_view::npos;
}

}  // namespace

TraceIndex::TraceIndex(std::size_t capacity) : capacity_(std::max<std::size_t>(capacity, 1)) {}

TraceIndex::StoredHop TraceIndex::store(const HopEvent& event) {
    StoredHop hop;
    hop.time = event.time;
    hop.messageId = event.messageId;
    hop.linkedMessageId = event.linkedMessageId;
    hop.count = event.count;
    hop.kind = event.kind;
    const std::array<const std::string*, TextCount> texts = {&event.protocol,
                                                             &event.clientId,
                                                             &event.destination,
                                                             &event.detail,
                                                             &event.vhost,
                                                             &event.routingKey,
                                                             &event.target,
                                                             &event.ids.messageId,
                                                             &event.ids.correlationId,
                                                             &event.ids.traceparent,
                                                             &event.ids.correlationData};
    for (std::size_t i = 0; i < TextCount; ++i) {
        hop.text[i] = texts_.acquire(*texts[i]);
    }
    return hop;
}

HopEvent TraceIndex::load(const StoredHop& hop) const {
    HopEvent event;
    event.time = hop.time;
    event.kind = hop.kind;
    event.messageId = hop.messageId;
    event.linkedMessageId = hop.linkedMessageId;
    event.count = hop.count;
    const auto text = [&](Text field) { return std::string(textOf(hop, field)); };
    event.protocol = text(Protocol);
    event.clientId = text(ClientId);
    event.destination = text(Destination);
    event.detail = text(Detail);
    event.vhost = text(Vhost);
    event.routingKey = text(RoutingKey);
    event.target = text(Target);
    event.ids.messageId = text(IdMessageId);
    event.ids.correlationId = text(IdCorrelationId);
    event.ids.traceparent = text(IdTraceparent);
    event.ids.correlationData = text(IdCorrelationData);
    return event;
}

void TraceIndex::add(const std::vector<HopEvent>& batch) {
    for (const auto& event : batch) {
        if (events_.size() == capacity_) {
            evictOldest();
        }
        const auto sequence = firstSequence_ + events_.size();
        auto& sequences = byMessage_[event.messageId];
        if (sequences.empty()) {
            order_.push_back(event.messageId);
        }
        sequences.push_back(sequence);
        // Once per linking hop (a dead letter is named by two), so the link lasts until
        // the last of them is evicted.
        if (const auto link = linkOf(event.kind, event.messageId, event.linkedMessageId)) {
            continuations_[link->origin].push_back(link->continuation);
        }
        if (carriesIds(event)) {
            forEachId(event.ids, [&](const std::string& id) {
                auto& owners = byId_[id];
                if (owners.empty() || owners.back() != event.messageId) {
                    owners.push_back(event.messageId);
                }
            });
        }
        events_.push_back(store(event));
    }
}

void TraceIndex::evictOldest() {
    const auto& oldest = events_.front();
    const auto found = byMessage_.find(oldest.messageId);
    if (found != byMessage_.end()) {
        found->second.erase(found->second.begin());
        if (found->second.empty()) {
            byMessage_.erase(found);
        }
    }
    if (carriesIds(oldest.kind)) {
        for (const auto field : {IdMessageId, IdCorrelationId, IdTraceparent, IdCorrelationData}) {
            if (oldest.text[field] == 0) {
                continue;
            }
            const auto owners = byId_.find(texts_.text(oldest.text[field]));
            if (owners == byId_.end()) {
                continue;
            }
            std::erase(owners->second, oldest.messageId);
            if (owners->second.empty()) {
                byId_.erase(owners);
            }
        }
    }
    if (const auto link = linkOf(oldest.kind, oldest.messageId, oldest.linkedMessageId)) {
        if (const auto origin = continuations_.find(link->origin); origin != continuations_.end()) {
            auto& continuations = origin->second;
            continuations.erase(
                std::find(continuations.begin(), continuations.end(), link->continuation));
            if (continuations.empty()) {
                continuations_.erase(origin);
            }
        }
    }
    for (const auto id : oldest.text) {
        texts_.release(id);
    }
    events_.pop_front();
    ++firstSequence_;
    while (!order_.empty() && !byMessage_.contains(order_.front())) {
        order_.pop_front();
    }
}

void TraceIndex::clear() {
    events_.clear();
    texts_.clear();
    byMessage_.clear();
    byId_.clear();
    order_.clear();
    continuations_.clear();
    firstSequence_ = 0;
}

template <typename F>
void TraceIndex::forEachEvent(std::uint64_t messageId, F&& f) const {
    const auto found = byMessage_.find(messageId);
    if (found == byMessage_.end()) {
        return;
    }
    for (const auto sequence : found->second) {
        f(events_[static_cast<std::size_t>(sequence - firstSequence_)]);
    }
}

std::vector<std::uint64_t> TraceIndex::chainOf(std::uint64_t messageId) const {
    // Bounded: a message dead-lettered in a cycle (queue A -> B -> A) gets a new id each
    // time, so a chain is finite, but a long-lived cycle should not make one trace huge.
    constexpr std::size_t kMaxChain = 64;
    // Back to the original: a dead letter's hops point back at the id it came from.
    auto root = messageId;
    for (std::size_t steps = 0; steps < kMaxChain; ++steps) {
        std::uint64_t previous = 0;
        forEachEvent(root, [&](const StoredHop& event) {
            const auto link = linkOf(event.kind, event.messageId, event.linkedMessageId);
            if (link && link->continuation == root) {
                previous = link->origin;
            }
        });
        // Stop at the oldest id still indexed (the original's hops may have fallen out).
        if (previous == 0 || previous == root || !byMessage_.contains(previous)) {
            break;
        }
        root = previous;
    }
    // Forward through every continuation (dead letters, one per queue the message died
    // in; bridged copies), breadth first.
    std::vector<std::uint64_t> chain{root};
    for (std::size_t next = 0; next < chain.size() && chain.size() < kMaxChain; ++next) {
        const auto found = continuations_.find(chain[next]);
        if (found == continuations_.end()) {
            continue;
        }
        for (const auto continuation : found->second) {
            if (chain.size() < kMaxChain &&
                std::find(chain.begin(), chain.end(), continuation) == chain.end()) {
                chain.push_back(continuation);
            }
        }
    }
    return chain;
}

Trace TraceIndex::trace(std::uint64_t messageId) const {
    Trace trace;
    trace.messageId = messageId;
    if (!byMessage_.contains(messageId)) {
        return trace;
    }
    trace.chain = chainOf(messageId);
    for (const auto id : trace.chain) {
        forEachEvent(id, [&](const StoredHop& hop) { trace.hops.push_back({load(hop), {}, {}}); });
    }
    // Batches from several threads may interleave; time orders the hops of one message.
    std::stable_sort(trace.hops.begin(), trace.hops.end(),
                     [](const auto& a, const auto& b) { return a.event.time < b.event.time; });
    for (const auto& hop : trace.hops) {
        if (carriesIds(hop.event) && hop.event.ids != observe::MessageIds{}) {
            trace.ids = hop.event.ids;
            break;
        }
    }
    const auto start = trace.hops.front().event.time;
    for (std::size_t i = 0; i < trace.hops.size(); ++i) {
        auto& hop = trace.hops[i];
        hop.sinceStart =
            std::chrono::duration_cast<std::chrono::microseconds>(hop.event.time - start);
        if (i > 0) {
            hop.sincePrevious = std::chrono::duration_cast<std::chrono::microseconds>(
                hop.event.time - trace.hops[i - 1].event.time);
        }
    }
    return trace;
}

std::vector<std::uint64_t> TraceIndex::find(std::string_view id) const {
    std::vector<std::uint64_t> out;
    if (const auto owners = byId_.find(std::string(id)); owners != byId_.end()) {
        out.assign(owners->second.rbegin(), owners->second.rend());
    }
    std::uint64_t number = 0;
    const auto [end, error] = std::from_chars(id.data(), id.data() + id.size(), number);
    if (error == std::errc() && end == id.data() + id.size() && byMessage_.contains(number) &&
        std::find(out.begin(), out.end(), number) == out.end()) {
        out.push_back(number);
    }
    return out;
}

bool TraceIndex::traceMatches(std::uint64_t messageId, std::string_view text) const {
    if (text.empty()) {
        return true;
    }
    const auto found = byMessage_.find(messageId);
    if (found == byMessage_.end()) {
        return false;
    }
    return std::any_of(found->second.begin(), found->second.end(), [&](std::uint64_t sequence) {
        const auto& hop = events_[static_cast<std::size_t>(sequence - firstSequence_)];
        for (const auto field : {Destination, RoutingKey, IdMessageId, IdCorrelationId,
                                 IdTraceparent, IdCorrelationData}) {
            if (contains(textOf(hop, field), text)) {
                return true;
            }
        }
        return false;
    });
}

std::vector<std::uint64_t> TraceIndex::matching(const std::vector<HopEvent>& batch,
                                                std::string_view text) const {
    std::vector<std::uint64_t> out;
    for (const auto& event : batch) {
        if (std::find(out.begin(), out.end(), event.messageId) == out.end() &&
            traceMatches(event.messageId, text)) {
            out.push_back(event.messageId);
        }
    }
    return out;
}

std::vector<std::uint64_t> TraceIndex::recent(std::size_t limit) const {
    std::vector<std::uint64_t> out;
    for (auto it = order_.rbegin(); it != order_.rend() && out.size() < limit; ++it) {
        if (byMessage_.contains(*it)) {
            out.push_back(*it);
        }
    }
    return out;
}

}  // namespace sbx::inspect
