#include "trace_recorder.h"

#include <unordered_set>

std::vector<TraceRecorder::Listed> TraceRecorder::add(
    const std::vector<sbx::observe::HopEvent>& batch, bool following, const std::string& filter,
    std::size_t limit) {
    const std::lock_guard lock(mutex_);
    index_.add(batch);
    std::vector<Listed> listed;
    if (!following) {
        return listed;
    }
    // Only the newest `limit` matches can stay listed: look at the batch's messages newest
    // first, a chunk at a time, and stop once that many matched.
    std::unordered_set<std::uint64_t> seen;
    std::vector<sbx::observe::HopEvent> chunk;
    constexpr std::size_t kChunk = 256;
    auto it = batch.rbegin();
    while (it != batch.rend() && listed.size() < limit) {
        chunk.clear();
        for (; it != batch.rend() && chunk.size() < kChunk; ++it) {
            if (seen.insert(it->messageId).second) {
                chunk.push_back(*it);
            }
        }
        for (const auto id : index_.matching(chunk, filter)) {
            if (listed.size() < limit) {
                listed.push_back(describeLocked(id));
            }
        }
    }
    return listed;
}

sbx::inspect::Trace TraceRecorder::trace(std::uint64_t messageId) const {
    const std::lock_guard lock(mutex_);
    return index_.trace(messageId);
}

std::vector<std::uint64_t> TraceRecorder::find(std::string_view id) const {
    const std::lock_guard lock(mutex_);
    return index_.find(id);
}

std::size_t TraceRecorder::size() const {
    const std::lock_guard lock(mutex_);
    return index_.size();
}

TraceRecorder::Listed TraceRecorder::describe(std::uint64_t messageId) const {
    const std::lock_guard lock(mutex_);
    return describeLocked(messageId);
}

TraceRecorder::Listed TraceRecorder::describeLocked(std::uint64_t messageId) const {
    const auto trace = index_.trace(messageId);
    const auto& ids = trace.ids;
    const auto label =
        QStringLiteral("#%1  %2  %3")
            .arg(messageId)
            .arg(QString::fromStdString(!ids.correlationId.empty() ? ids.correlationId
                                                                   : ids.messageId))
            .arg(trace.empty() ? QString()
                               : QString::fromStdString(trace.hops.front().event.routingKey));
    return {messageId, label};
}
