#include <gtest/gtest.h>

#include "sbx/workspace/recent_list.h"

namespace sbx::workspace {
namespace {

using Paths = std::vector<std::string>;

TEST(RecentList, NewestFirstWithoutDuplicates) {
    RecentList recent(5);
    recent.add("/a");
    recent.add("/b");
    recent.add("/a");
    EXPECT_EQ(recent.entries(), (Paths{"/a", "/b"}));
}

TEST(RecentList, DropsTheOldestBeyondCapacity) {
    RecentList recent(3);
    for (const auto* path : {"/1", "/2", "/3", "/4"}) {
        recent.add(path);
    }
    EXPECT_EQ(recent.entries(), (Paths{"/4", "/3", "/2"}));
}

TEST(RecentList, LoadsStoredEntriesInOrderAndCleansThem) {
    RecentList recent(Paths{"/x", "", "/y", "/x", "/z"}, 2);
    EXPECT_EQ(recent.entries(), (Paths{"/x", "/y"}));
}

TEST(RecentList, PruneRemovesVanishedWorkspaces) {
    RecentList recent(Paths{"/keep", "/gone", "/also"}, 10);
    recent.prune([](const std::string& path) { return path != "/gone"; });
    EXPECT_EQ(recent.entries(), (Paths{"/keep", "/also"}));
    recent.remove("/keep");
    EXPECT_EQ(recent.entries(), (Paths{"/also"}));
    recent.clear();
    EXPECT_TRUE(recent.entries().empty());
}

}  // namespace
}  // namespace sbx::workspace
