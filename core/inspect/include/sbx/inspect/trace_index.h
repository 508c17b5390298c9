#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sbx/inspect/string_pool.h"
#include "sbx/observe/hop_event.h"

namespace sbx::inspect {

// One hop of a trace with the time since the hop before it and since the first hop.
struct TraceHop {
    observe::HopEvent event;
    std::chrono::microseconds sincePrevious{0};
    std::chrono::microseconds sinceStart{0};
};

// Everything the index knows about one message, oldest hop first: its own hops and those
// of what it became under other broker ids (its dead letters, its AMQP copy when an MQTT
// message is bridged to amq.topic; each hop keeps the id it happened under), so a trace
// reads publish -> ... -> dead-lettered -> routed to the dead-letter queue -> delivered.
struct Trace {
    std::uint64_t messageId = 0;
    observe::MessageIds ids;  // from the first Published (or DeadLettered) hop
    // The broker ids of the message's life, the original first, then its continuations.
    std::vector<std::uint64_t> chain;
    std::vector<TraceHop> hops;
    [[nodiscard]] bool empty() const { return hops.empty(); }
    // The last hop's kind: where the message is now, as far as the index knows.
    [[nodiscard]] observe::HopKind state() const { return hops.back().event.kind; }
};

// The recent hop events of a broker, bounded (oldest events fall out first), so a trace
// can be found by the ids users know: message id, correlation id, traceparent, or the
// broker's own message id. Not thread-safe: one owner feeds it hop batches and asks it.
class TraceIndex {
public:
    explicit TraceIndex(std::size_t capacity = 100'000);

    void add(const std::vector<observe::HopEvent>& batch);
    void clear();

    [[nodiscard]] std::size_t size() const { return events_.size(); }
    [[nodiscard]] std::size_t capacity() const { return capacity_; }
    // Distinct texts (clients, destinations, ids, ...) the kept events refer to.
    [[nodiscard]] std::size_t distinctTexts() const { return texts_.size(); }

    // The whole life of the message `messageId` belongs to, from whichever of its broker
    // ids (original or dead letter) it is asked by.
    [[nodiscard]] Trace trace(std::uint64_t messageId) const;
    // Broker message ids whose ids (message-id, correlation-id, traceparent, correlation
    // data) equal `id`, newest first; a number also matches the broker's own id.
    [[nodiscard]] std::vector<std::uint64_t> find(std::string_view id) const;
    // Broker message ids seen in `batch` whose published hop contains `text` in any id,
    // its destination or routing key (all of them when `text` is empty), in order.
    [[nodiscard]] std::vector<std::uint64_t> matching(const std::vector<observe::HopEvent>& batch,
                                                      std::string_view text) const;
    // The most recent broker message ids, newest first.
    [[nodiscard]] std::vector<std::uint64_t> recent(std::size_t limit) const;

private:
    // A hop event as the index keeps it: its texts interned in `texts_` (about 90 bytes
    // instead of 400 plus the strings), so the same memory holds five times the history.
    enum Text : std::uint8_t {
        Protocol,
        ClientId,
        Destination,
        Detail,
        Vhost,
        RoutingKey,
        Target,
        IdMessageId,
        IdCorrelationId,
        IdTraceparent,
        IdCorrelationData,
        TextCount
    };
    struct StoredHop {
        std::chrono::system_clock::time_point time;
        std::uint64_t messageId = 0;
        std::uint64_t linkedMessageId = 0;
        std::uint32_t count = 0;
        observe::HopKind kind = observe::HopKind::Published;
        std::array<std::uint32_t, TextCount> text{};
    };

    void evictOldest();
    [[nodiscard]] StoredHop store(const observe::HopEvent& event);
    [[nodiscard]] observe::HopEvent load(const StoredHop& hop) const;
    [[nodiscard]] std::string_view textOf(const StoredHop& hop, Text field) const {
        return texts_.text(hop.text[field]);
    }
    [[nodiscard]] std::vector<std::uint64_t> chainOf(std::uint64_t messageId) const;
    template <typename F>
    void forEachEvent(std::uint64_t messageId, F&& f) const;
    [[nodiscard]] bool traceMatches(std::uint64_t messageId, std::string_view text) const;

    std::size_t capacity_;
    std::uint64_t firstSequence_ = 0;  // sequence number of events_.front()
    StringPool texts_;
    std::deque<StoredHop> events_;
    // broker message id -> sequence numbers of its events, oldest first (a handful each)
    std::unordered_map<std::uint64_t, std::vector<std::uint64_t>> byMessage_;
    // user-visible id -> broker message ids, oldest first
    std::unordered_map<std::string, std::deque<std::uint64_t>> byId_;
    std::deque<std::uint64_t> order_;  // broker message ids by first sighting
    // origin broker id -> the ids it continues as (its dead letters, its bridged copy), as
    // the kept hops link them, so a trace finds them from the origin.
    std::unordered_map<std::uint64_t, std::vector<std::uint64_t>> continuations_;
};

}  // namespace sbx::inspect
