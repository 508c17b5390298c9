#pragma once

#include <atomic>
#include <cstdint>

namespace sbx::broker {

// RabbitMQ's memory alarm over the bytes held in AMQP queues, one for the whole broker:
// the housekeeping timer counts the vhosts' bytes and updates it; every publishing
// connection only reads the flag. On at the watermark, off again below 90 % of it, so a
// queue hovering at the mark does not block and unblock publishers on every count.
class AmqpMemoryAlarm {
public:
    explicit AmqpMemoryAlarm(std::uint64_t highWatermark)
        : high_(highWatermark), low_(highWatermark / 10 * 9) {}

    // Housekeeping only (one thread).
    void update(std::uint64_t heldBytes) {
        heldBytes_.store(heldBytes, std::memory_order_relaxed);
        const bool on = on_.load(std::memory_order_relaxed);
        if (!on && heldBytes >= high_) {
            on_.store(true, std::memory_order_relaxed);
        } else if (on && heldBytes < low_) {
            on_.store(false, std::memory_order_relaxed);
        }
    }

    [[nodiscard]] bool on() const { return on_.load(std::memory_order_relaxed); }
    [[nodiscard]] std::uint64_t heldBytes() const {
        return heldBytes_.load(std::memory_order_relaxed);
    }

private:
    const std::uint64_t high_;
    const std::uint64_t low_;
    std::atomic<std::uint64_t> heldBytes_{0};
    std::atomic<bool> on_{false};
};

}  // namespace sbx::broker
