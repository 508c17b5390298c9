#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <set>

namespace sbx::broker {

// basic.qos with global=true, as RabbitMQ 3.x applies it: one limit on the unacknowledged
// consumer deliveries of a whole channel, shared by its consumers on any queue, on top of
// each consumer's own (global=false) limit. basic.get deliveries do not count (RabbitMQ's
// limiter ignores them), but they share the channel's tags, so they are remembered to be
// told apart when an ack with `multiple` covers both. Guarded by the channel's tagsMutex,
// like the tags it follows.
class AmqpChannelPrefetch {
public:
    // 0: no channel-wide limit. Deliveries already out count against a new limit.
    void setLimit(std::uint16_t limit) { limit_ = limit; }
    [[nodiscard]] bool full() const { return limit_ != 0 && consumerUnacked_ >= limit_; }

    void consumerDelivered() { ++consumerUnacked_; }
    void getDelivered(std::uint64_t tag) { getTags_.insert(tag); }

    // An ack, nack or reject of (`tag`, `multiple`) took `count` outstanding deliveries.
    void settled(std::uint64_t tag, bool multiple, std::size_t count) {
        std::size_t gets = 0;
        if (multiple) {
            const auto end = tag == 0 ? getTags_.end() : getTags_.upper_bound(tag);
            gets = static_cast<std::size_t>(std::distance(getTags_.begin(), end));
            getTags_.erase(getTags_.begin(), end);
        } else {
            gets = getTags_.erase(tag);
        }
        consumerUnacked_ -= std::min(consumerUnacked_, count - std::min(count, gets));
    }
    // basic.recover or the channel closing: nothing is outstanding any more.
    void clear() {
        consumerUnacked_ = 0;
        getTags_.clear();
    }

private:
    std::uint16_t limit_ = 0;
    std::size_t consumerUnacked_ = 0;
    std::set<std::uint64_t> getTags_;
};

}  // namespace sbx::broker
