// removeMessage() of a message whose append is still queued: neither reaches the disk,
// both completions run at once (RabbitMQ's message store does the same for a message
// acknowledged before it was written).
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "store_test_support.h"
#include "temp_dir.h"

namespace sbx::store {
namespace {

using test::openStore;

// Long enough that nothing is taken by the writer before the test flushes.
constexpr std::uint32_t kLongWindowMicros = 3'600'000'000U;

TEST(StoreCancel, RemovingAQueuedAppendWritesNeitherAndCompletesBothAtOnce) {
    sbx::test::TempDir temp;
    auto store = openStore(temp.path(), {.maxBatchDelayMicros = kLongWindowMicros});
    ASSERT_NE(store, nullptr);
    test::CompletionLog log;
    store->appendMessage("q", 1, "m", log.track());
    store->removeMessage("q", 1, log.track());
    // Ran before removeMessage returned, without waiting for the hour-long window.
    EXPECT_EQ(log.okCount(), 2U);
    ASSERT_TRUE(store->flush().ok());
    EXPECT_EQ(store->stats().committedBatches, 0U);
    EXPECT_EQ(store->stats().committedWrites, 0U);
    EXPECT_EQ(store->stats().cancelledAppends, 1U);
    EXPECT_TRUE(store->loadMessages("q")->empty());
}

TEST(StoreCancel, OnlyTheSameQueueAndSequenceCancel) {
    sbx::test::TempDir temp;
    auto store = openStore(temp.path(), {.maxBatchDelayMicros = kLongWindowMicros});
    ASSERT_NE(store, nullptr);
    store->appendMessage("a", 7, "a7");
    store->appendMessage("b", 7, "b7");
    store->appendMessage("a", 8, "a8");
    store->removeMessage("b", 7);
    ASSERT_TRUE(store->flush().ok());
    EXPECT_EQ(store->stats().committedWrites, 2U);
    EXPECT_EQ(store->loadMessages("a")->size(), 2U);
    EXPECT_TRUE(store->loadMessages("b")->empty());
}

TEST(StoreCancel, AnAppendAlreadyWrittenIsRemovedFromTheDisk) {
    sbx::test::TempDir temp;
    auto store = openStore(temp.path(), {.maxBatchDelayMicros = kLongWindowMicros});
    ASSERT_NE(store, nullptr);
    store->appendMessage("q", 1, "m");
    ASSERT_TRUE(store->flush().ok());
    test::CompletionLog log;
    store->removeMessage("q", 1, log.track());
    EXPECT_EQ(log.count(), 0U);  // waits for its batch
    ASSERT_TRUE(store->flush().ok());
    EXPECT_EQ(log.okCount(), 1U);
    EXPECT_EQ(store->stats().cancelledAppends, 0U);
    EXPECT_TRUE(store->loadMessages("q")->empty());
}

TEST(StoreCancel, CancellingPastAFullBatchFindsTheRightAppend) {
    sbx::test::TempDir temp;
    // Batches of 10 while 25 are queued: the 15 left over move to the front.
    auto store =
        openStore(temp.path(), {.maxBatchDelayMicros = kLongWindowMicros, .maxBatchSize = 10});
    ASSERT_NE(store, nullptr);
    for (std::uint64_t sequence = 1; sequence <= 25; ++sequence) {
        store->appendMessage("q", sequence, "m" + std::to_string(sequence));
    }
    for (std::uint64_t sequence = 1; sequence <= 25; sequence += 2) {
        store->removeMessage("q", sequence);
    }
    ASSERT_TRUE(store->flush().ok());
    auto messages = store->loadMessages("q");
    ASSERT_TRUE(messages.ok());
    ASSERT_EQ(messages->size(), 12U);
    for (const auto& message : *messages) {
        EXPECT_EQ(message.sequence % 2, 0U);
        EXPECT_EQ(message.blob, "m" + std::to_string(message.sequence));
    }
}

}  // namespace
}  // namespace sbx::store
