#include "sbx/inspect/redrive_batches.h"

#include <gtest/gtest.h>

namespace sbx::inspect {
namespace {

TEST(RedriveBatches, SplitsTheTotalIntoBatches) {
    RedriveBatches run("queue://dlq", std::nullopt, 250, 100);
    std::vector<std::size_t> sizes;
    while (const auto request = run.next()) {
        EXPECT_EQ(request->sourceId, "queue://dlq");
        EXPECT_FALSE(request->targetId.has_value());
        sizes.push_back(request->maxCount);
        run.record({request->maxCount, 250 - run.moved() - request->maxCount});
    }
    EXPECT_EQ(sizes, (std::vector<std::size_t>{100, 100, 50}));
    EXPECT_EQ(run.moved(), 250U);
    EXPECT_EQ(run.percent(), 100);
    EXPECT_FALSE(run.cancelled());
}

TEST(RedriveBatches, CancelStopsBeforeTheNextBatch) {
    RedriveBatches run("q", std::string("queue://orders"), 1000, 10);
    run.record({10, 990});
    EXPECT_EQ(run.percent(), 1);
    run.cancel();
    EXPECT_FALSE(run.next().has_value());
    EXPECT_TRUE(run.finished());
    EXPECT_EQ(run.moved(), 10U);
    EXPECT_EQ(run.remaining(), 990U);
}

TEST(RedriveBatches, StopsWhenABatchMovesNothingOrFails) {
    RedriveBatches stalled("q", std::nullopt, 5, 2);
    stalled.record({0, 5});
    EXPECT_FALSE(stalled.next().has_value());
    RedriveBatches failed("q", std::nullopt, 5, 2);
    failed.fail("no x-death");
    EXPECT_FALSE(failed.next().has_value());
    EXPECT_EQ(failed.failure(), "no x-death");
}

TEST(RedriveBatches, NothingToMoveIsDone) {
    const RedriveBatches run("q", std::nullopt, 0, 0);
    EXPECT_FALSE(run.next().has_value());
    EXPECT_EQ(run.percent(), 100);
}

}  // namespace
}  // namespace sbx::inspect
