#include <gtest/gtest.h>

#include "sbx/common/log_level.h"

namespace sbx {
namespace {

TEST(LogLevel, RoundTripsEveryName) {
    for (auto level : {LogLevel::Trace, LogLevel::Debug, LogLevel::Info, LogLevel::Warning,
                       LogLevel::Error}) {
        EXPECT_EQ(parseLogLevel(toString(level)), level);
    }
}

TEST(LogLevel, RejectsUnknownNames) {
    EXPECT_EQ(parseLogLevel("loud"), std::nullopt);
    EXPECT_EQ(parseLogLevel("warn"), LogLevel::Warning);
}

}  // namespace
}  // namespace sbx
