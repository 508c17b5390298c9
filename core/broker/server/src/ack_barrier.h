#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <utility>

namespace sbx::broker {

// Holds a publisher's acknowledgement (PUBACK, PUBREC, AMQP confirm) until every durable
// write the message caused has committed. It starts with one hold for the routing step
// itself, so the ack cannot fire while routing is still adding writes.
class AckBarrier {
public:
    using Done = std::function<void(bool ok)>;

    static std::shared_ptr<AckBarrier> create(Done done) {
        return std::make_shared<AckBarrier>(std::move(done));
    }
    explicit AckBarrier(Done done) : done_(std::move(done)) {}

    void hold() { remaining_.fetch_add(1, std::memory_order_relaxed); }
    void release(bool ok = true) {
        if (!ok) {
            failed_.store(true, std::memory_order_relaxed);
        }
        if (remaining_.fetch_sub(1, std::memory_order_acq_rel) == 1) {
            done_(!failed_.load(std::memory_order_relaxed));
        }
    }

private:
    std::atomic<int> remaining_{1};
    std::atomic<bool> failed_{false};
    Done done_;
};

using AckBarrierPtr = std::shared_ptr<AckBarrier>;

}  // namespace sbx::broker
