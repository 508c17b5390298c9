#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>

#include "sbx/common/result.h"

namespace sbx::bench {

// Waits for `count` asynchronous steps (connects, subscribes) and keeps the first
// failure; unlike std::latch it can give up after a timeout.
class Countdown {
public:
    explicit Countdown(std::size_t count) : left_(count) {}

    void done(const Status& status) {
        const std::lock_guard lock(mutex_);
        if (!status && firstError_.ok()) {
            firstError_ = status;
        }
        if (left_ > 0) {
            --left_;
        }
        changed_.notify_all();
    }

    [[nodiscard]] Status wait(std::chrono::milliseconds timeout, const std::string& what) {
        std::unique_lock lock(mutex_);
        // One failure is enough: the others usually fail the same way, later.
        const bool finished =
            changed_.wait_for(lock, timeout, [this] { return left_ == 0 || !firstError_.ok(); });
        if (!firstError_.ok()) {
            return firstError_;
        }
        if (!finished) {
            return Error{ErrorCode::IoError, what + " timed out"};
        }
        return {};
    }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    std::size_t left_;
    Status firstError_;
};

}  // namespace sbx::bench
