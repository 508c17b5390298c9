#include <gtest/gtest.h>

#include <set>
#include <string>

#include "child_process.h"
#include "crash_blob.h"
#include "store_test_support.h"
#include "temp_dir.h"

namespace sbx::store {
namespace {

using namespace std::chrono_literals;

std::set<std::uint64_t> parseAcknowledgements(const std::vector<std::string>& lines) {
    std::set<std::uint64_t> sequences;
    for (const auto& line : lines) {
        sequences.insert(std::stoull(line));
    }
    return sequences;
}

// The guarantee the broker's PUBACKs rest on: a Synced write whose completion ran is on
// disk, even if the process is killed the next instant. Each round kills the writer at
// a different point mid-stream and continues in the same data dir.
TEST(StoreCrash, EveryAcknowledgedWriteSurvivesKillDashNine) {
    sbx::test::TempDir temp;
    const auto dataDir = temp / "broker";
    std::set<std::uint64_t> acknowledged;
    for (const std::size_t killAfter : {300U, 1500U, 4000U}) {
        SCOPED_TRACE("round killing after " + std::to_string(killAfter) + " acknowledgements");
        sbx::test::ChildProcess writer({SBX_STORE_CRASH_WRITER_PATH, dataDir.string()});
        ASSERT_TRUE(writer.waitForLines(killAfter, 60s))
            << "the writer printed only " << writer.lines().size() << " acknowledgements";

        // While it runs, the data dir is its alone.
        auto intruder = DurableStore::open(dataDir);
        ASSERT_FALSE(intruder.ok());
        EXPECT_NE(intruder.error().message.find("another broker is using"), std::string::npos);

        writer.kill();
        const auto round = parseAcknowledgements(writer.lines());
        ASSERT_GE(round.size(), killAfter);
        acknowledged.insert(round.begin(), round.end());

        auto store = test::openStore(dataDir);
        ASSERT_NE(store, nullptr);
        auto stored = store->loadMessages(test::kCrashQueue);
        ASSERT_TRUE(stored.ok()) << stored.error().describe();
        std::set<std::uint64_t> present;
        for (const auto& message : *stored) {
            EXPECT_EQ(message.blob, test::crashBlob(message.sequence)) << message.sequence;
            present.insert(message.sequence);
        }
        std::size_t missing = 0;
        for (const auto sequence : acknowledged) {
            missing += present.count(sequence) == 0 ? 1 : 0;
        }
        EXPECT_EQ(missing, 0U) << "of " << acknowledged.size() << " acknowledged writes";
        // Nothing is invented either: sequences are 1..max without gaps.
        ASSERT_FALSE(present.empty());
        EXPECT_EQ(*present.rbegin(), present.size());
    }
}

}  // namespace
}  // namespace sbx::store
