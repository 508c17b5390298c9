#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

namespace sbx::broker::amqp {

// A queue's numbers for the monitoring model: current depths and counters that only grow.
struct QueueStats {
    // Now.
    std::size_t ready = 0;    // classic: waiting for a consumer; stream: messages retained
    std::size_t unacked = 0;  // delivered, not yet acknowledged
    std::size_t consumers = 0;
    std::size_t readyBytes = 0;
    std::size_t unackedBytes = 0;
    [[nodiscard]] std::size_t totalBytes() const { return readyBytes + unackedBytes; }

    // Since the queue was declared.
    std::uint64_t published = 0;          // accepted into the queue
    std::uint64_t delivered = 0;          // to consumers and by basic.get, redeliveries included
    std::uint64_t acked = 0;              // acknowledged (no-ack deliveries count on delivery)
    std::uint64_t redelivered = 0;        // deliveries with the redelivered flag
    std::uint64_t expired = 0;            // removed by per-queue or per-message TTL
    std::uint64_t deadLettered = 0;       // handed to the dead-letter exchange, any reason
    std::uint64_t dropped = 0;            // removed by x-max-length drop-head
    std::uint64_t rejectedPublishes = 0;  // refused by x-overflow reject-publish(-dlx)
    std::uint64_t rejected = 0;           // rejected / nacked by consumers without requeue

    // Streams only.
    struct Stream {
        std::int64_t firstOffset = 0;  // oldest retained
        std::int64_t nextOffset = 0;   // the offset the next message gets
        std::size_t segments = 0;
    };
    std::optional<Stream> stream;
};

}  // namespace sbx::broker::amqp
