#include "sbx/alerts/alert_rule.h"

#include <gtest/gtest.h>

#include <fstream>

#include "temp_dir.h"

namespace sbx::alerts {
namespace {

TEST(Glob, MatchesStarsAndQuestionMarks) {
    EXPECT_TRUE(globMatch("*", ""));
    EXPECT_TRUE(globMatch("orders.*", "orders.eu"));
    EXPECT_FALSE(globMatch("orders.*", "order"));
    EXPECT_TRUE(globMatch("*.dlq", "payments.dlq"));
    EXPECT_TRUE(globMatch("q?", "q1"));
    EXPECT_FALSE(globMatch("q?", "q12"));
    EXPECT_TRUE(globMatch("a*b*c", "axxbyyc"));
    EXPECT_FALSE(globMatch("a*b*c", "axxbyy"));
}

TEST(AlertRules, RoundTripThroughJsonAndTheWorkspace) {
    AlertRule depth;
    depth.id = "orders-depth";
    depth.name = "Orders backlog";
    depth.broker = "prod-*";
    depth.destination = "orders.*";
    depth.threshold = 1000;
    depth.forDuration = std::chrono::seconds(60);
    AlertRule down;
    down.id = "down";
    down.condition = Condition::Unreachable;
    down.enabled = false;
    test::TempDir dir;
    ASSERT_TRUE(saveRules(dir.path(), {depth, down}));
    auto loaded = loadRules(dir.path());
    ASSERT_TRUE(loaded) << loaded.error().describe();
    ASSERT_EQ(loaded->size(), 2U);
    EXPECT_EQ((*loaded)[0], depth);
    EXPECT_EQ((*loaded)[1], down);
}

TEST(AlertRules, AMissingFileIsNoRules) {
    test::TempDir dir;
    auto loaded = loadRules(dir.path());
    ASSERT_TRUE(loaded);
    EXPECT_TRUE(loaded->empty());
}

TEST(AlertRules, BadFilesSayWhatIsWrong) {
    EXPECT_EQ(parseRules("[").error().code, ErrorCode::ParseError);
    EXPECT_NE(parseRules(R"([{"id":"a","condition":"depth_over"}])")
                  .error()
                  .message.find("unknown condition 'depth_over'"),
              std::string::npos);
    EXPECT_NE(parseRules(R"([{"condition":"no_consumers"}])").error().message.find("no id"),
              std::string::npos);
    EXPECT_NE(parseRules(R"([{"id":"a","condition":"no_consumers","colour":1}])")
                  .error()
                  .message.find("unknown key 'colour'"),
              std::string::npos);
    EXPECT_NE(parseRules(R"([{"id":"a","condition":"lag_above","threshold":-1}])")
                  .error()
                  .message.find("negative"),
              std::string::npos);
    EXPECT_NE(
        parseRules(
            R"([{"id":"a","condition":"dead_letters"},{"id":"a","condition":"dead_letters"}])")
            .error()
            .message.find("two rules"),
        std::string::npos);
    test::TempDir dir;
    std::ofstream(dir / "alerts.json") << "{}";
    auto loaded = loadRules(dir.path());
    ASSERT_FALSE(loaded);
    EXPECT_NE(loaded.error().message.find("alerts.json"), std::string::npos);
}

}  // namespace
}  // namespace sbx::alerts
