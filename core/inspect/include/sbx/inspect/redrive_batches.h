#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "sbx/observe/broker_commands.h"

namespace sbx::inspect {

// Drives a redrive as a series of small BrokerSource::redrive calls so the studio can
// show progress and stop between batches. Each batch is atomic in the source (published
// before it is removed), so stopping between batches loses and duplicates nothing.
class RedriveBatches {
public:
    // `total` is how many messages to move (the queue depth, or the number selected).
    RedriveBatches(std::string sourceId, std::optional<std::string> targetId, std::uint64_t total,
                   std::size_t batchSize);

    // The next call to make, or nothing when done, stopped or failed.
    [[nodiscard]] std::optional<observe::RedriveRequest> next() const;
    // What the last call did. A batch that moved nothing ends the run (the queue is
    // empty, or holds messages without a dead-letter origin).
    void record(const observe::RedriveResult& result);
    void fail(std::string reason);
    void cancel() { cancelled_ = true; }

    [[nodiscard]] bool finished() const { return !next().has_value(); }
    [[nodiscard]] bool cancelled() const { return cancelled_; }
    [[nodiscard]] const std::string& failure() const { return failure_; }
    [[nodiscard]] std::uint64_t moved() const { return moved_; }
    [[nodiscard]] std::uint64_t total() const { return total_; }
    [[nodiscard]] std::uint64_t remaining() const { return remaining_; }
    // 0..100
    [[nodiscard]] int percent() const;

private:
    std::string sourceId_;
    std::optional<std::string> targetId_;
    std::uint64_t total_;
    std::size_t batchSize_;
    std::uint64_t moved_ = 0;
    std::uint64_t remaining_;
    bool stalled_ = false;
    bool cancelled_ = false;
    std::string failure_;
};

}  // namespace sbx::inspect
