#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "sbx/common/result.h"

namespace sbx {
namespace {

Result<int> half(int value) {
    if (value % 2 != 0) {
        return Error{ErrorCode::InvalidArgument, "odd number"};
    }
    return value / 2;
}

TEST(Result, CarriesValue) {
    auto result = half(8);
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(*result, 4);
}

TEST(Result, CarriesError) {
    auto result = half(3);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(result.error().describe(), "invalid argument: odd number");
}

TEST(Result, MovesOutMoveOnlyValues) {
    Result<std::unique_ptr<std::string>> result(std::make_unique<std::string>("x"));
    auto owned = std::move(result).value();
    ASSERT_NE(owned, nullptr);
    EXPECT_EQ(*owned, "x");
}

TEST(Status, DefaultIsSuccess) {
    Status ok;
    EXPECT_TRUE(ok.ok());
    Status failed(Error{ErrorCode::IoError, "disk full"});
    EXPECT_FALSE(failed.ok());
    EXPECT_EQ(failed.error().describe(), "I/O error: disk full");
}

}  // namespace
}  // namespace sbx
