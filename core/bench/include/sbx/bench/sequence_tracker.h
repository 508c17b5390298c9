#pragma once

#include <cstdint>
#include <vector>

namespace sbx::bench {

// Which sequence numbers one subscriber has seen from each publisher, to count the
// messages that never arrived and the ones that arrived more than once. One bit per
// sequence number: a million messages cost 125 KB per publisher.
class SequenceTracker {
public:
    explicit SequenceTracker(std::uint32_t publishers = 0);

    // Records one arrival; false when this (publisher, sequence) was seen before.
    bool record(std::uint32_t publisher, std::uint32_t sequence);

    [[nodiscard]] std::uint64_t distinct() const { return distinct_; }
    [[nodiscard]] std::uint64_t duplicates() const { return duplicates_; }
    [[nodiscard]] std::uint64_t distinctFrom(std::uint32_t publisher) const;
    // Arrivals from publishers outside the range given at construction.
    [[nodiscard]] std::uint64_t strays() const { return strays_; }

private:
    struct PerPublisher {
        std::vector<std::uint64_t> seen;  // bit per sequence number
        std::uint64_t distinct = 0;
    };
    std::vector<PerPublisher> publishers_;
    std::uint64_t distinct_ = 0;
    std::uint64_t duplicates_ = 0;
    std::uint64_t strays_ = 0;
};

}  // namespace sbx::bench
