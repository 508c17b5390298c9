#include "sbx/bench/sequence_tracker.h"

#include <algorithm>

namespace sbx::bench {

SequenceTracker::SequenceTracker(std::uint32_t publishers) : publishers_(publishers) {}

bool SequenceTracker::record(std::uint32_t publisher, std::uint32_t sequence) {
    if (publisher >= publishers_.size()) {
        ++strays_;
        return false;
    }
    auto& track = publishers_[publisher];
    const auto word = sequence / 64;
    const auto bit = std::uint64_t{1} << (sequence % 64);
    if (word >= track.seen.size()) {
        // Grow geometrically: sequences arrive in order, so this amortises to nothing.
        track.seen.resize(std::max<std::size_t>(word + 1, track.seen.size() * 2));
    }
    if ((track.seen[word] & bit) != 0) {
        ++duplicates_;
        return false;
    }
    track.seen[word] |= bit;
    ++track.distinct;
    ++distinct_;
    return true;
}

std::uint64_t SequenceTracker::distinctFrom(std::uint32_t publisher) const {
    return publisher < publishers_.size() ? publishers_[publisher].distinct : 0;
}

}  // namespace sbx::bench
