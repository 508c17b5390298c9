#include "sbx/inspect/string_pool.h"

#include <gtest/gtest.h>

namespace sbx::inspect {
namespace {

TEST(StringPool, SameTextSameIdUntilTheLastRelease) {
    StringPool pool;
    const auto a = pool.acquire("orders");
    const auto b = pool.acquire(std::string("ord") + "ers");
    EXPECT_EQ(a, b);
    EXPECT_NE(a, 0U);
    EXPECT_EQ(pool.text(a), "orders");
    EXPECT_EQ(pool.size(), 1U);
    pool.release(a);
    EXPECT_EQ(pool.text(b), "orders");  // still referenced once
    pool.release(b);
    EXPECT_EQ(pool.size(), 0U);
}

TEST(StringPool, EmptyTextIsIdZeroAndNeverStored) {
    StringPool pool;
    EXPECT_EQ(pool.acquire(""), 0U);
    EXPECT_EQ(pool.text(0), "");
    pool.release(0);
    EXPECT_EQ(pool.size(), 0U);
}

TEST(StringPool, FreedIdsAreReusedForNewTexts) {
    StringPool pool;
    const auto first = pool.acquire("a-text-longer-than-the-small-string-buffer");
    pool.release(first);
    const auto second = pool.acquire("b");
    EXPECT_EQ(second, first);
    EXPECT_EQ(pool.text(second), "b");
    // Many texts: ids stay valid while the table grows.
    std::vector<std::uint32_t> ids;
    for (int i = 0; i < 1000; ++i) {
        ids.push_back(pool.acquire("text-" + std::to_string(i)));
    }
    for (int i = 0; i < 1000; ++i) {
        EXPECT_EQ(pool.text(ids[static_cast<std::size_t>(i)]), "text-" + std::to_string(i));
    }
    pool.clear();
    EXPECT_EQ(pool.size(), 0U);
    EXPECT_EQ(pool.acquire("again"), 1U);
}

}  // namespace
}  // namespace sbx::inspect
