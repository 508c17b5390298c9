#pragma once

#include <QString>
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "sbx/inspect/trace_index.h"
#include "sbx/observe/hop_event.h"

// The trace view's index of recent hop events, fed on a worker thread: under load the
// broker reports well over a hundred thousand hops a second, and indexing them on the
// GUI thread stalled the window for hundreds of milliseconds. Every call locks, so the
// GUI thread may ask (find, trace) while the worker adds.
class TraceRecorder {
public:
    // Keeps 500,000 hop events by default: a few seconds of a flat-out broker (three or
    // more hops per message at 50k msg/s), minutes of a developer's own traffic.
    explicit TraceRecorder(std::size_t capacity = 500'000) : index_(capacity) {}

    struct Listed {
        std::uint64_t messageId = 0;
        QString label;  // "#id  correlation-or-message-id  routing key"
    };

    // Worker thread: indexes `batch`, and returns the newest `limit` of its messages whose
    // trace contains `filter` (all when `following` and the filter is empty; none when not
    // following), newest first.
    std::vector<Listed> add(const std::vector<sbx::observe::HopEvent>& batch, bool following,
                            const std::string& filter, std::size_t limit);

    [[nodiscard]] sbx::inspect::Trace trace(std::uint64_t messageId) const;
    [[nodiscard]] std::vector<std::uint64_t> find(std::string_view id) const;
    [[nodiscard]] std::size_t size() const;
    [[nodiscard]] std::size_t capacity() const { return index_.capacity(); }
    [[nodiscard]] Listed describe(std::uint64_t messageId) const;

private:
    [[nodiscard]] Listed describeLocked(std::uint64_t messageId) const;

    mutable std::mutex mutex_;
    sbx::inspect::TraceIndex index_;
};
