#include <gtest/gtest.h>

#include <map>
#include <mutex>
#include <string>

#include "store_test_support.h"
#include "temp_dir.h"

namespace sbx::store {
namespace {

using test::openStore;

class StoreCompletion : public ::testing::TestWithParam<Durability> {};

// The durability promise: when a completion runs, another connection (another process,
// after a crash) already sees the row.
TEST_P(StoreCompletion, RunsExactlyOnceAndOnlyAfterTheRowIsCommitted) {
    sbx::test::TempDir temp;
    auto store = openStore(temp.path(), {.durability = GetParam()});
    ASSERT_NE(store, nullptr);
    constexpr std::uint64_t kCount = 50;
    std::mutex mutex;
    std::map<std::uint64_t, int> calls;
    std::map<std::uint64_t, std::string> visibleRows;
    for (std::uint64_t sequence = 1; sequence <= kCount; ++sequence) {
        store->appendMessage("q", sequence, "m", [&, sequence](const Status& status) {
            EXPECT_TRUE(status.ok()) << status.error().describe();
            test::RawDatabase outsider(test::databaseFile(temp.path()));
            auto rows = outsider.queryText(
                "SELECT count(*) FROM messages WHERE queue = 'q' "
                "AND seq = " +
                std::to_string(sequence));
            std::lock_guard lock(mutex);
            ++calls[sequence];
            visibleRows[sequence] = rows;
        });
    }
    ASSERT_TRUE(store->flush().ok());
    store.reset();
    std::lock_guard lock(mutex);
    ASSERT_EQ(calls.size(), kCount);
    for (std::uint64_t sequence = 1; sequence <= kCount; ++sequence) {
        EXPECT_EQ(calls[sequence], 1) << sequence;
        EXPECT_EQ(visibleRows[sequence], "1") << sequence;
    }
}

TEST_P(StoreCompletion, EveryKindOfWriteCompletes) {
    sbx::test::TempDir temp;
    auto store = openStore(temp.path(), {.durability = GetParam()});
    ASSERT_NE(store, nullptr);
    test::CompletionLog log;
    store->putRecord("ns", "k", "v", log.track());
    store->eraseRecord("ns", "k", log.track());
    store->appendMessage("q", 1, "m", log.track());
    store->removeMessage("q", 1, log.track());
    store->dropQueue("q", log.track());
    ASSERT_TRUE(store->flush().ok());
    EXPECT_EQ(log.count(), 5U);
    EXPECT_EQ(log.okCount(), 5U);
}

INSTANTIATE_TEST_SUITE_P(Durabilities, StoreCompletion,
                         ::testing::Values(Durability::Synced, Durability::Relaxed),
                         test::durabilityName);

TEST(StoreFailure, FailedBatchFailsEveryCompletionInItAndLaterBatchesStillCommit) {
    sbx::test::TempDir temp;
    // A long delay keeps the three writes in one batch until flush() commits it.
    auto store = openStore(temp.path(), {.maxBatchDelayMicros = 10'000'000});
    ASSERT_NE(store, nullptr);
    test::CompletionLog failedBatch;
    store->appendMessage("q", 1, "first", failedBatch.track());
    store->putRecord("ns", "innocent", "v", failedBatch.track());
    store->appendMessage("q", 1, "same sequence again", failedBatch.track());
    const auto flushed = store->flush();
    ASSERT_FALSE(flushed.ok());
    EXPECT_EQ(flushed.error().code, ErrorCode::IoError);
    EXPECT_NE(flushed.error().message.find("UNIQUE constraint failed"), std::string::npos)
        << flushed.error().message;

    ASSERT_EQ(failedBatch.count(), 3U);
    for (const auto& status : failedBatch.statuses()) {
        ASSERT_FALSE(status.ok());
        EXPECT_EQ(status.error().code, ErrorCode::IoError);
        EXPECT_NE(status.error().message.find("UNIQUE"), std::string::npos);
    }
    // Rolled back as a whole.
    EXPECT_TRUE(store->loadMessages("q")->empty());
    EXPECT_TRUE(store->loadRecords("ns")->empty());
    EXPECT_EQ(store->stats().failedBatches, 1U);

    test::CompletionLog laterBatch;
    store->appendMessage("q", 1, "retry", laterBatch.track());
    EXPECT_TRUE(store->flush().ok()) << "flush reports an error only once";
    EXPECT_EQ(laterBatch.okCount(), 1U);
    ASSERT_EQ(store->loadMessages("q")->size(), 1U);
    EXPECT_EQ(store->loadMessages("q")->front().blob, "retry");
}

TEST(StoreFailure, FlushReportsAnErrorFromAnyBatchSinceTheLastFlush) {
    sbx::test::TempDir temp;
    // Batches of exactly three (the delay is long enough that only the size ends them).
    auto store = openStore(temp.path(), {.maxBatchDelayMicros = 10'000'000, .maxBatchSize = 3});
    ASSERT_NE(store, nullptr);
    test::CompletionLog log;
    store->appendMessage("a", 1, "x", log.track());  // batch 1 fails
    store->appendMessage("a", 1, "x", log.track());
    store->appendMessage("a", 2, "x", log.track());
    store->appendMessage("b", 1, "x", log.track());  // batch 2 commits
    store->appendMessage("b", 2, "x", log.track());
    store->appendMessage("b", 3, "x", log.track());
    EXPECT_FALSE(store->flush().ok());
    EXPECT_TRUE(store->flush().ok());
    EXPECT_EQ(log.count(), 6U);
    EXPECT_EQ(log.okCount(), 3U);
    EXPECT_EQ(store->stats().failedBatches, 1U);
    EXPECT_EQ(store->stats().committedBatches, 1U);
    EXPECT_EQ(store->loadMessages("b")->size(), 3U);
}

TEST(StoreCompletionReentry, CompletionMayQueueMoreWrites) {
    sbx::test::TempDir temp;
    auto store = openStore(temp.path());
    ASSERT_NE(store, nullptr);
    test::CompletionLog follow;
    store->appendMessage("q", 1, "first", [&](const Status& status) {
        ASSERT_TRUE(status.ok());
        store->appendMessage("q", 2, "queued from a completion", follow.track());
    });
    ASSERT_TRUE(store->flush().ok());
    ASSERT_TRUE(store->flush().ok());
    EXPECT_EQ(follow.okCount(), 1U);
    EXPECT_EQ(store->loadMessages("q")->size(), 2U);
}

TEST(StoreCompletionReentry, FlushFromACompletionIsRefusedInsteadOfDeadlocking) {
    sbx::test::TempDir temp;
    auto store = openStore(temp.path());
    ASSERT_NE(store, nullptr);
    Status fromCompletion;
    store->appendMessage("q", 1, "m", [&](const Status&) { fromCompletion = store->flush(); });
    ASSERT_TRUE(store->flush().ok());
    ASSERT_FALSE(fromCompletion.ok());
    EXPECT_EQ(fromCompletion.error().code, ErrorCode::InvalidArgument);
}

}  // namespace
}  // namespace sbx::store
