#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "store_test_support.h"
#include "temp_dir.h"

namespace sbx::store {
namespace {

using test::openStore;

constexpr int kThreads = 8;
constexpr std::uint64_t kPerThread = 500;

std::string blobFor(int thread, std::uint64_t sequence) {
    return "t" + std::to_string(thread) + "-" + std::to_string(sequence);
}

class StoreConcurrency : public ::testing::TestWithParam<Durability> {};

TEST_P(StoreConcurrency, ManyThreadsAppendingLoseNothingAndKeepOrder) {
    sbx::test::TempDir temp;
    std::atomic<std::uint64_t> acknowledged{0};
    std::atomic<std::uint64_t> failed{0};
    {
        auto store = openStore(temp.path(), {.durability = GetParam()});
        ASSERT_NE(store, nullptr);
        std::vector<std::thread> producers;
        for (int thread = 0; thread < kThreads; ++thread) {
            producers.emplace_back([&, thread] {
                // Each thread has a queue of its own and shares one with the others,
                // where the sequence ranges interleave.
                for (std::uint64_t i = 1; i <= kPerThread; ++i) {
                    const auto done = [&](const Status& status) {
                        ++(status.ok() ? acknowledged : failed);
                    };
                    store->appendMessage("own-" + std::to_string(thread), i, blobFor(thread, i),
                                         done);
                    const auto shared = i * kThreads + static_cast<std::uint64_t>(thread);
                    store->appendMessage("shared", shared, blobFor(thread, i), done);
                }
            });
        }
        for (auto& producer : producers) {
            producer.join();
        }
        ASSERT_TRUE(store->flush().ok());
    }
    EXPECT_EQ(failed.load(), 0U);
    EXPECT_EQ(acknowledged.load(), 2 * kThreads * kPerThread);

    auto store = openStore(temp.path());
    ASSERT_NE(store, nullptr);
    EXPECT_EQ(store->listQueues()->size(), static_cast<std::size_t>(kThreads) + 1);
    for (int thread = 0; thread < kThreads; ++thread) {
        auto own = store->loadMessages("own-" + std::to_string(thread));
        ASSERT_EQ(own->size(), kPerThread);
        for (std::uint64_t i = 1; i <= kPerThread; ++i) {
            EXPECT_EQ((*own)[i - 1].sequence, i);
            EXPECT_EQ((*own)[i - 1].blob, blobFor(thread, i));
        }
    }
    auto shared = store->loadMessages("shared");
    ASSERT_EQ(shared->size(), kThreads * kPerThread);
    for (std::size_t i = 0; i < shared->size(); ++i) {
        const auto sequence = (*shared)[i].sequence;
        EXPECT_EQ(sequence, kThreads + i);
        const auto thread = static_cast<int>(sequence % kThreads);
        EXPECT_EQ((*shared)[i].blob, blobFor(thread, sequence / kThreads));
    }
}

INSTANTIATE_TEST_SUITE_P(Durabilities, StoreConcurrency,
                         ::testing::Values(Durability::Synced, Durability::Relaxed),
                         test::durabilityName);

}  // namespace
}  // namespace sbx::store
