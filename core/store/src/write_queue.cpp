#include "write_queue.h"

#include <algorithm>
#include <iterator>
#include <utility>

namespace sbx::store {

namespace {

constexpr std::size_t kCompanionTarget = 64;

}  // namespace

WriteQueue::WriteQueue(Limits limits)
    : limits_{std::max<std::size_t>(limits.maxBatchSize, 1), limits.maxDelay},
      companionTarget_(std::min(kCompanionTarget, limits_.maxBatchSize)) {}

void WriteQueue::push(WriteOp op) {
    bool wakeWriter = false;
    {
        std::lock_guard lock(mutex_);
        pending_.push_back(std::move(op));
        ++pushedCount_;
        wakeWriter = wakeWriterAt_ != 0 && pending_.size() >= wakeWriterAt_;
    }
    if (wakeWriter) {
        writerWake_.notify_one();
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
    } else {
        const auto end = pending_.begin() + static_cast<std::ptrdiff_t>(limits_.maxBatchSize);
        batch.assign(std::make_move_iterator(pending_.begin()), std::make_move_iterator(end));
        pending_.erase(pending_.begin(), end);
    }
    return true;
}

void WriteQueue::waitForCompanions(std::unique_lock<std::mutex>& lock) {
    const auto companionsArrived = [&] {
        return pending_.size() >= companionTarget_ || stopping_ || flushWaiters_ > 0;
    };
    if (limits_.maxDelay.count() <= 0 || companionsArrived()) {
        return;
    }
    wakeWriterAt_ = companionTarget_;
    writerWake_.wait_for(lock, limits_.maxDelay, companionsArrived);
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
