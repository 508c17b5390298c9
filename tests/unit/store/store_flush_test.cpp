#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "store_test_support.h"
#include "temp_dir.h"

namespace sbx::store {
namespace {

using test::openStore;

TEST(StoreFlush, WithNothingQueuedReturnsOk) {
    sbx::test::TempDir temp;
    auto store = openStore(temp.path());
    ASSERT_NE(store, nullptr);
    EXPECT_TRUE(store->flush().ok());
    EXPECT_EQ(store->stats().committedBatches, 0U);
}

TEST(StoreFlush, ReturnsOnlyAfterEverythingQueuedBeforeItCommittedAndCompleted) {
    sbx::test::TempDir temp;
    auto store = openStore(temp.path());
    ASSERT_NE(store, nullptr);
    test::CompletionLog log;
    for (std::uint64_t sequence = 1; sequence <= 200; ++sequence) {
        store->appendMessage("q", sequence, "m", log.track());
    }
    ASSERT_TRUE(store->flush().ok());
    EXPECT_EQ(log.okCount(), 200U);
    EXPECT_EQ(store->stats().committedWrites, 200U);
    test::RawDatabase outsider(test::databaseFile(temp.path()));
    EXPECT_EQ(outsider.queryText("SELECT count(*) FROM messages"), "200");
}

TEST(StoreFlush, CutsTheBatchDelayShort) {
    sbx::test::TempDir temp;
    // With a one-hour delay, a flush that waited for it would time the test out.
    auto store = openStore(temp.path(), {.maxBatchDelayMicros = 3'600'000'000U});
    ASSERT_NE(store, nullptr);
    store->appendMessage("q", 1, "m");
    ASSERT_TRUE(store->flush().ok());
    EXPECT_EQ(store->loadMessages("q")->size(), 1U);
}

TEST(StoreFlush, ConcurrentFlushersAllSeeTheirWrites) {
    sbx::test::TempDir temp;
    auto store = openStore(temp.path(), {.durability = Durability::Relaxed});
    ASSERT_NE(store, nullptr);
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int thread = 0; thread < 4; ++thread) {
        threads.emplace_back([&, thread] {
            const auto queue = "q" + std::to_string(thread);
            for (std::uint64_t sequence = 1; sequence <= 50; ++sequence) {
                store->appendMessage(queue, sequence, "m");
                if (!store->flush().ok()) {
                    ++failures;
                }
                auto messages = store->loadMessages(queue);
                if (!messages.ok() || messages->size() != sequence) {
                    ++failures;
                }
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(failures.load(), 0);
}

TEST(StoreBatching, SmallBatchesWaitForCompanionsAndCoalesce) {
    sbx::test::TempDir temp;
    // One second is far longer than queuing 1000 writes takes, so the writer collects
    // (nearly) all of them into one transaction; at most 16 leaves room for a slow
    // machine.
    auto store = openStore(temp.path(),
                           {.durability = Durability::Relaxed, .maxBatchDelayMicros = 1'000'000});
    ASSERT_NE(store, nullptr);
    test::CompletionLog log;
    for (std::uint64_t sequence = 1; sequence <= 1000; ++sequence) {
        store->appendMessage("q", sequence, "m", log.track());
    }
    ASSERT_TRUE(store->flush().ok());
    const auto stats = store->stats();
    EXPECT_EQ(stats.committedWrites, 1000U);
    EXPECT_LE(stats.committedBatches, 16U);
    EXPECT_GE(stats.committedBatches, 1U);
    EXPECT_EQ(log.okCount(), 1000U);
}

TEST(StoreBatching, BatchesNeverExceedMaxBatchSize) {
    sbx::test::TempDir temp;
    auto store = openStore(
        temp.path(),
        {.durability = Durability::Relaxed, .maxBatchDelayMicros = 10'000'000, .maxBatchSize = 10});
    ASSERT_NE(store, nullptr);
    for (std::uint64_t sequence = 1; sequence <= 100; ++sequence) {
        store->appendMessage("q", sequence, "m");
    }
    ASSERT_TRUE(store->flush().ok());
    EXPECT_EQ(store->stats().committedBatches, 10U);
    EXPECT_EQ(store->stats().committedWrites, 100U);
}

TEST(StoreBatching, WithoutDelayEachFlushedWriteIsItsOwnTransaction) {
    sbx::test::TempDir temp;
    auto store = openStore(temp.path(), {.maxBatchDelayMicros = 0});
    ASSERT_NE(store, nullptr);
    for (std::uint64_t sequence = 1; sequence <= 20; ++sequence) {
        store->appendMessage("q", sequence, "m");
        ASSERT_TRUE(store->flush().ok());
    }
    EXPECT_EQ(store->stats().committedBatches, 20U);
}

TEST(StoreBatching, ConcurrentSyncedProducersShareTransactions) {
    sbx::test::TempDir temp;
    auto store = openStore(temp.path(), {.durability = Durability::Synced});
    ASSERT_NE(store, nullptr);
    std::vector<std::thread> threads;
    for (int thread = 0; thread < 4; ++thread) {
        threads.emplace_back([&, thread] {
            for (std::uint64_t sequence = 1; sequence <= 250; ++sequence) {
                store->appendMessage("q" + std::to_string(thread), sequence, "m");
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    ASSERT_TRUE(store->flush().ok());
    const auto stats = store->stats();
    EXPECT_EQ(stats.committedWrites, 1000U);
    // Every fsync is shared by many writes.
    EXPECT_LE(stats.committedBatches, 1000U / 2);
}

}  // namespace
}  // namespace sbx::store
