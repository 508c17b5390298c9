#include "write_queue.h"

#include <algorithm>
#include <iterator>
#include <utility>

namespace sbx::store {

WriteQueue::WriteQueue(Limits limits)
    : limits_{std::max<std::size_t>(limits.maxBatchSize, 1), limits.maxDelay} {}

void WriteQueue::push(WriteOp op) {
    bool wakeWriter = false;
    {
        std::lock_guard lock(mutex_);
        if (op.kind == WriteKind::AppendMessage) {
            appendsBySequence_.emplace(op.sequence, pending_.size());
        }
        pending_.push_back(std::move(op));
        ++pushedCount_;
        wakeWriter = wakeWriterAt_ != 0 && pending_.size() >= wakeWriterAt_;
    }
    if (wakeWriter) {
        writerWake_.notify_one();
    }
}

std::optional<Completion> WriteQueue::cancelAppend(const std::string& queue,
                                                   std::uint64_t sequence) {
    std::lock_guard lock(mutex_);
    auto [first, last] = appendsBySequence_.equal_range(sequence);
    for (auto it = first; it != last; ++it) {
        WriteOp& op = pending_[it->second];
        if (op.kind == WriteKind::AppendMessage && op.scope == queue) {
            appendsBySequence_.erase(it);
            op.kind = WriteKind::Cancelled;
            op.payload = {};
            return std::exchange(op.done, {});
        }
    }
    return std::nullopt;
}

void WriteQueue::indexAppends(std::size_t from) {
    for (std::size_t index = from; index < pending_.size(); ++index) {
        if (pending_[index].kind == WriteKind::AppendMessage) {
            appendsBySequence_.emplace(pending_[index].sequence, index);
        }
    }
}

bool WriteQueue::takeBatch(std::vector<WriteOp>& batch) {
    std::unique_lock lock(mutex_);
    wakeWriterAt_ = 1;
    writerWake_.wait(lock, [&] { return !pending_.empty() || stopping_; });
    if (pending_.empty()) {
        wakeWriterAt_ = 0;
        return false;
    }
    waitForCompanions(lock);
    wakeWriterAt_ = 0;
    if (pending_.size() <= limits_.maxBatchSize) {
        // Swapping hands the writer's spare capacity back to producers: no allocation
        // per batch once both vectors have grown.
        std::swap(pending_, batch);
        appendsBySequence_.clear();
    } else {
        const auto end = pending_.begin() + static_cast<std::ptrdiff_t>(limits_.maxBatchSize);
        batch.assign(std::make_move_iterator(pending_.begin()), std::make_move_iterator(end));
        pending_.erase(pending_.begin(), end);
        // The ones left moved to the front (rare: only past maxBatchSize).
        appendsBySequence_.clear();
        indexAppends(0);
    }
    return true;
}

void WriteQueue::waitForCompanions(std::unique_lock<std::mutex>& lock) {
    // The whole delay, not just until a few dozen companions arrived: one fsync then
    // covers everything of the window, and a message acknowledged within it is never
    // written (cancelAppend), which under a fast consumer is most of them.
    const auto batchFull = [&] {
        return pending_.size() >= limits_.maxBatchSize || stopping_ || flushWaiters_ > 0;
    };
    if (limits_.maxDelay.count() <= 0 || batchFull()) {
        return;
    }
    wakeWriterAt_ = limits_.maxBatchSize;
    writerWake_.wait_for(lock, limits_.maxDelay, batchFull);
}

void WriteQueue::finishBatch(std::size_t count, const Status& status) {
    std::lock_guard lock(mutex_);
    finishedCount_ += count;
    if (!status && !firstError_) {
        firstError_ = status.error();
    }
    if (flushWaiters_ > 0) {
        finished_.notify_all();
    }
}

Status WriteQueue::flush() {
    std::unique_lock lock(mutex_);
    const auto ticket = pushedCount_;
    if (finishedCount_ < ticket) {
        ++flushWaiters_;
        // A writer waiting for companions commits now instead of at its deadline.
        writerWake_.notify_one();
        finished_.wait(lock, [&] { return finishedCount_ >= ticket; });
        --flushWaiters_;
    }
    if (firstError_) {
        Error error = std::move(*firstError_);
        firstError_.reset();
        return error;
    }
    return {};
}

void WriteQueue::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    writerWake_.notify_all();
}

}  // namespace sbx::store
