#include "sbx/bench/sequence_tracker.h"

#include <gtest/gtest.h>

namespace sbx::bench {
namespace {

TEST(SequenceTracker, CountsDistinctArrivalsPerPublisher) {
    SequenceTracker tracker(2);
    for (std::uint32_t s = 0; s < 1000; ++s) {
        EXPECT_TRUE(tracker.record(0, s));
    }
    EXPECT_TRUE(tracker.record(1, 5));
    EXPECT_EQ(tracker.distinct(), 1001U);
    EXPECT_EQ(tracker.distinctFrom(0), 1000U);
    EXPECT_EQ(tracker.distinctFrom(1), 1U);
    EXPECT_EQ(tracker.duplicates(), 0U);
}

TEST(SequenceTracker, ASecondArrivalIsADuplicateNotANewMessage) {
    SequenceTracker tracker(1);
    EXPECT_TRUE(tracker.record(0, 70));
    EXPECT_FALSE(tracker.record(0, 70));
    EXPECT_TRUE(tracker.record(0, 3));  // out of order is fine
    EXPECT_EQ(tracker.distinct(), 2U);
    EXPECT_EQ(tracker.duplicates(), 1U);
}

TEST(SequenceTracker, SamePairFromAnotherPublisherIsNotADuplicate) {
    SequenceTracker tracker(2);
    EXPECT_TRUE(tracker.record(0, 9));
    EXPECT_TRUE(tracker.record(1, 9));
    EXPECT_EQ(tracker.duplicates(), 0U);
}

TEST(SequenceTracker, UnknownPublishersAreStraysAndNotCounted) {
    SequenceTracker tracker(1);
    EXPECT_FALSE(tracker.record(4, 0));
    EXPECT_EQ(tracker.strays(), 1U);
    EXPECT_EQ(tracker.distinct(), 0U);
    EXPECT_EQ(tracker.distinctFrom(4), 0U);
}

}  // namespace
}  // namespace sbx::bench
