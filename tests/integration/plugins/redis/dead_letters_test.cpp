// Entries pending longer than idle_ms are dead letters; redrive claims, re-adds, acks.
#include "redis_plugin_fixture.h"

namespace sbx::test {
namespace {

class RedisDeadLettersTest : public RedisPluginTest {
protected:
    void SetUp() override {
        for (int i = 0; i < 4; ++i) {
            redis_.run({"XADD", "jobs", "*", "payload", "job " + std::to_string(i), "try", "1"});
        }
        redis_.run({"XGROUP", "CREATE", "jobs", "workers", "0"});
        // A worker takes two jobs and dies without acknowledging them.
        redis_.run({"XREADGROUP", "GROUP", "workers", "w1", "COUNT", "2", "STREAMS", "jobs", ">"});
        source_ = mustOpen(profile(redis_.port(), {{"idle_ms", "200"}}));
        ASSERT_TRUE(source_);
    }

    std::string pendingCount() { return redis_.lines({"XPENDING", "jobs", "workers"}).at(0); }

    RedisServer redis_;
    std::unique_ptr<observe::BrokerSource> source_;
};

TEST_F(RedisDeadLettersTest, IdlePendingEntriesBecomeDeadLetters) {
    auto fresh = source_->snapshot();
    ASSERT_TRUE(fresh.ok()) << fresh.error().message;
    EXPECT_EQ(findDestination(fresh.value(), "deadletters:jobs/workers")->messagesReady, 0U);

    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    auto snapshot = source_->snapshot();
    ASSERT_TRUE(snapshot.ok()) << snapshot.error().message;
    const auto* dead = findDestination(snapshot.value(), "deadletters:jobs/workers");
    ASSERT_NE(dead, nullptr);
    EXPECT_TRUE(dead->deadLetters);
    EXPECT_EQ(dead->parentId, "stream:jobs");
    EXPECT_EQ(dead->messagesReady, 2U);
    // XPENDING with the same idle time agrees.
    EXPECT_EQ(redis_.lines({"XPENDING", "jobs", "workers", "IDLE", "200", "-", "+", "10"}).size(),
              8U);  // 4 lines per entry

    auto messages = source_->peek({"deadletters:jobs/workers", 10, ""});
    ASSERT_TRUE(messages.ok()) << messages.error().message;
    ASSERT_EQ(messages->size(), 2U);
    const auto& first = messages.value()[0];
    EXPECT_EQ(first.payload, "job 0");
    ASSERT_EQ(first.deaths.size(), 1U);
    EXPECT_EQ(first.deaths[0].reason, "idle_pending");
    EXPECT_EQ(first.deaths[0].queue, "workers");
    EXPECT_EQ(first.deaths[0].count, 1U);
    EXPECT_LE(first.deaths[0].time,
              std::chrono::system_clock::now() - std::chrono::milliseconds(200));
    EXPECT_EQ(messages.value()[1].payload, "job 1");
}

TEST_F(RedisDeadLettersTest, RedriveReaddsAtTheEndAndAcknowledges) {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    const std::string oldLast = redis_.text({"XREVRANGE", "jobs", "+", "-", "COUNT", "1"});
    ASSERT_EQ(pendingCount(), "2");

    auto result = source_->redrive({"deadletters:jobs/workers", std::nullopt, SIZE_MAX, 1});
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(result->moved, 2U);
    EXPECT_EQ(result->remaining, 0U);

    EXPECT_EQ(pendingCount(), "0");
    EXPECT_EQ(redis_.text({"XLEN", "jobs"}), "6");
    // The two re-added entries are at the end, with new ids and the same fields.
    const auto tail = redis_.lines({"XRANGE", "jobs", "(" + oldLast, "+"});
    ASSERT_EQ(tail.size(), 10U);
    EXPECT_EQ(std::vector<std::string>(tail.begin() + 1, tail.begin() + 5),
              (std::vector<std::string>{"payload", "job 0", "try", "1"}));
    EXPECT_EQ(tail[7], "job 1");
    // The group delivers them anew; the helper consumer is gone.
    const auto consumers = redis_.lines({"XINFO", "CONSUMERS", "jobs", "workers"});
    EXPECT_EQ(std::count(consumers.begin(), consumers.end(), "signalbox-redrive"), 0);
    const auto again = redis_.lines(
        {"XREADGROUP", "GROUP", "workers", "w2", "COUNT", "10", "STREAMS", "jobs", ">"});
    EXPECT_EQ(std::count(again.begin(), again.end(), "job 0"), 1);

    auto snapshot = source_->snapshot();
    ASSERT_TRUE(snapshot.ok());
    EXPECT_EQ(findDestination(snapshot.value(), "deadletters:jobs/workers")->messagesReady, 0U);
}

TEST_F(RedisDeadLettersTest, RedriveToAnotherStreamAndPurge) {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    auto result = source_->redrive({"deadletters:jobs/workers", "stream:retry", 1, 100});
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(result->moved, 1U);
    EXPECT_EQ(result->remaining, 1U);
    EXPECT_EQ(redis_.text({"XLEN", "retry"}), "1");
    EXPECT_EQ(pendingCount(), "1");

    auto purged = source_->purge("deadletters:jobs/workers");
    ASSERT_TRUE(purged.ok()) << purged.error().message;
    EXPECT_EQ(purged.value(), 1U);
    EXPECT_EQ(pendingCount(), "0");
    EXPECT_EQ(redis_.text({"XLEN", "jobs"}), "4");  // acknowledged, not deleted
}

}  // namespace
}  // namespace sbx::test
