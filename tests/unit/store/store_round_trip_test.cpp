#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "store_test_support.h"
#include "temp_dir.h"

namespace sbx::store {
namespace {

using test::openStore;
using test::sequencesOf;

const std::string kBinary("\0\x01\xff payload \0 end", 17);

TEST(StoreRoundTrip, RecordsSurviveReopen) {
    sbx::test::TempDir temp;
    {
        auto store = openStore(temp.path());
        ASSERT_NE(store, nullptr);
        store->putRecord("sessions", "client-b", "state b");
        store->putRecord("sessions", "client-a", "first");
        store->putRecord("sessions", "client-a", "second");  // overwrites
        store->putRecord("sessions", "empty", "");
        store->putRecord("retained", "sensors/1", kBinary);
        ASSERT_TRUE(store->flush().ok());
    }
    auto store = openStore(temp.path());
    ASSERT_NE(store, nullptr);
    auto sessions = store->loadRecords("sessions");
    ASSERT_TRUE(sessions.ok()) << sessions.error().describe();
    ASSERT_EQ(sessions->size(), 3U);
    EXPECT_EQ((*sessions)[0].key, "client-a");
    EXPECT_EQ((*sessions)[0].value, "second");
    EXPECT_EQ((*sessions)[1].key, "client-b");
    EXPECT_EQ((*sessions)[1].value, "state b");
    EXPECT_EQ((*sessions)[2].key, "empty");
    EXPECT_EQ((*sessions)[2].value, "");
    auto retained = store->loadRecords("retained");
    ASSERT_TRUE(retained.ok());
    ASSERT_EQ(retained->size(), 1U);
    EXPECT_EQ((*retained)[0].value, kBinary);
    EXPECT_TRUE(store->loadRecords("unknown")->empty());
}

TEST(StoreRoundTrip, EraseRecordRemovesOnlyThatKey) {
    sbx::test::TempDir temp;
    {
        auto store = openStore(temp.path());
        ASSERT_NE(store, nullptr);
        store->putRecord("ns", "keep", "1");
        store->putRecord("ns", "gone", "2");
        store->putRecord("other", "gone", "3");
        store->eraseRecord("ns", "gone");
        store->eraseRecord("ns", "never-existed");
        ASSERT_TRUE(store->flush().ok());
    }
    auto store = openStore(temp.path());
    ASSERT_NE(store, nullptr);
    auto records = store->loadRecords("ns");
    ASSERT_EQ(records->size(), 1U);
    EXPECT_EQ((*records)[0].key, "keep");
    EXPECT_EQ(store->loadRecords("other")->size(), 1U);
}

TEST(StoreRoundTrip, MessagesComeBackInSequenceOrder) {
    sbx::test::TempDir temp;
    {
        auto store = openStore(temp.path());
        ASSERT_NE(store, nullptr);
        for (std::uint64_t sequence : {5ULL, 1ULL, 40ULL, 3ULL, 2ULL, 1000000000000ULL}) {
            store->appendMessage("orders", sequence, kBinary + std::to_string(sequence));
        }
        store->appendMessage("other", 4, "not orders");
        ASSERT_TRUE(store->flush().ok());
    }
    auto store = openStore(temp.path());
    ASSERT_NE(store, nullptr);
    auto messages = store->loadMessages("orders");
    ASSERT_TRUE(messages.ok()) << messages.error().describe();
    EXPECT_EQ(sequencesOf(*messages), (std::vector<std::uint64_t>{1, 2, 3, 5, 40, 1000000000000}));
    for (const auto& message : *messages) {
        EXPECT_EQ(message.queue, "orders");
        EXPECT_EQ(message.blob, kBinary + std::to_string(message.sequence));
    }
}

TEST(StoreRoundTrip, RemoveMessageAndDropQueue) {
    sbx::test::TempDir temp;
    {
        auto store = openStore(temp.path());
        ASSERT_NE(store, nullptr);
        for (std::uint64_t sequence = 1; sequence <= 3; ++sequence) {
            store->appendMessage("kept", sequence, "k");
            store->appendMessage("dropped", sequence, "d");
        }
        store->removeMessage("kept", 2);
        store->dropQueue("dropped");
        store->appendMessage("empty-later", 1, "e");
        store->removeMessage("empty-later", 1);
        ASSERT_TRUE(store->flush().ok());
    }
    auto store = openStore(temp.path());
    ASSERT_NE(store, nullptr);
    EXPECT_EQ(sequencesOf(*store->loadMessages("kept")), (std::vector<std::uint64_t>{1, 3}));
    EXPECT_TRUE(store->loadMessages("dropped")->empty());
    auto queues = store->listQueues();
    ASSERT_TRUE(queues.ok()) << queues.error().describe();
    EXPECT_EQ(*queues, std::vector<std::string>{"kept"});
}

TEST(StoreRoundTrip, ListQueuesNamesEachQueueOnce) {
    sbx::test::TempDir temp;
    auto store = openStore(temp.path());
    ASSERT_NE(store, nullptr);
    for (std::uint64_t sequence = 1; sequence <= 4; ++sequence) {
        store->appendMessage("b", sequence, "x");
        store->appendMessage("a", sequence, "x");
    }
    ASSERT_TRUE(store->flush().ok());
    EXPECT_EQ(*store->listQueues(), (std::vector<std::string>{"a", "b"}));
}

TEST(StoreRoundTrip, ReadsSeeFlushedWritesWithoutReopening) {
    sbx::test::TempDir temp;
    auto store = openStore(temp.path());
    ASSERT_NE(store, nullptr);
    EXPECT_TRUE(store->loadMessages("q")->empty());
    store->appendMessage("q", 1, "one");
    ASSERT_TRUE(store->flush().ok());
    EXPECT_EQ(store->loadMessages("q")->size(), 1U);
    store->removeMessage("q", 1);
    ASSERT_TRUE(store->flush().ok());
    EXPECT_TRUE(store->loadMessages("q")->empty());
}

TEST(StoreRoundTrip, CreatesDataDirWithWalDatabaseAndCurrentSchema) {
    sbx::test::TempDir temp;
    const auto dataDir = temp / "nested" / "broker-data";
    {
        auto store = openStore(dataDir);
        ASSERT_NE(store, nullptr);
        EXPECT_EQ(store->durability(), Durability::Synced);
    }
    ASSERT_TRUE(std::filesystem::is_regular_file(test::databaseFile(dataDir)));
    test::RawDatabase raw(test::databaseFile(dataDir));
    EXPECT_EQ(raw.queryText("PRAGMA journal_mode"), "wal");
    EXPECT_EQ(raw.queryText("PRAGMA page_size"), "4096");
    EXPECT_EQ(raw.queryText("SELECT version FROM version_info"), "1");
    EXPECT_EQ(raw.queryText("SELECT count(*) FROM sqlite_schema WHERE name IN "
                            "('records', 'messages') AND sql LIKE '%WITHOUT ROWID%'"),
              "2");
}

TEST(StoreRoundTrip, RelaxedStoreKeepsItsDurability) {
    sbx::test::TempDir temp;
    auto store = openStore(temp.path(), {.durability = Durability::Relaxed});
    ASSERT_NE(store, nullptr);
    EXPECT_EQ(store->durability(), Durability::Relaxed);
    store->appendMessage("q", 1, "x");
    ASSERT_TRUE(store->flush().ok());
    EXPECT_EQ(store->loadMessages("q")->size(), 1U);
}

TEST(StoreRoundTrip, DestroyingRightAfterOpenIsSafe) {
    sbx::test::TempDir temp;
    for (int round = 0; round < 3; ++round) {
        auto store = openStore(temp.path());
        ASSERT_NE(store, nullptr);
    }
    auto store = openStore(temp.path());
    ASSERT_NE(store, nullptr);
    EXPECT_TRUE(store->listQueues()->empty());
}

TEST(StoreRoundTrip, DestructorCommitsPendingWritesAndRunsTheirCompletions) {
    sbx::test::TempDir temp;
    test::CompletionLog log;
    {
        // A long delay: without the destructor cutting it short, this would take 10 s.
        auto store = openStore(temp.path(), {.maxBatchDelayMicros = 10'000'000});
        ASSERT_NE(store, nullptr);
        for (std::uint64_t sequence = 1; sequence <= 100; ++sequence) {
            store->appendMessage("q", sequence, "m", log.track());
        }
    }
    EXPECT_EQ(log.count(), 100U);
    EXPECT_EQ(log.okCount(), 100U);
    auto store = openStore(temp.path());
    ASSERT_NE(store, nullptr);
    EXPECT_EQ(store->loadMessages("q")->size(), 100U);
}

}  // namespace
}  // namespace sbx::store
