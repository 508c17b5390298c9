#include "sbx/connect/reconnecting_source.h"

#include <gtest/gtest.h>

#include "fake_source.h"

namespace sbx::connect {
namespace {

using namespace std::chrono_literals;

// Opens FakeSources, failing while `down` is set, and remembers the last one opened.
struct FlakyBroker {
    bool down = false;
    int opens = 0;
    test::FakeSource* last = nullptr;

    ReconnectingSource::Opener opener() {
        return [this]() -> Result<std::unique_ptr<observe::BrokerSource>> {
            ++opens;
            if (down) {
                return Error{ErrorCode::Unavailable, "connection refused by 127.0.0.1:1"};
            }
            auto source = std::make_unique<test::FakeSource>();
            last = source.get();
            return std::unique_ptr<observe::BrokerSource>(std::move(source));
        };
    }
};

TEST(ReconnectingSource, PassesCallsThroughWhileConnected) {
    FlakyBroker broker;
    ReconnectingSource source("b", {}, broker.opener());
    ASSERT_TRUE(source.connectNow());
    EXPECT_TRUE(source.snapshot());
    EXPECT_TRUE(source.snapshot());
    EXPECT_EQ(broker.opens, 1);
    EXPECT_EQ(source.health().state, ReconnectingSource::State::Connected);
    EXPECT_TRUE(source.capabilities().has(observe::Capability::Peek));
}

TEST(ReconnectingSource, WaitsLongerAfterEachFailedAttempt) {
    FlakyBroker broker;
    broker.down = true;
    ReconnectingSource source("b", {}, broker.opener(), {50ms, 200ms});
    auto first = source.snapshot();
    ASSERT_FALSE(first);
    EXPECT_NE(first.error().message.find("connection refused"), std::string::npos);
    auto second = source.snapshot();  // within the backoff: no new attempt
    ASSERT_FALSE(second);
    EXPECT_NE(second.error().message.find("reconnecting in"), std::string::npos);
    EXPECT_EQ(broker.opens, 1);
    const auto health = source.health();
    EXPECT_EQ(health.state, ReconnectingSource::State::Waiting);
    EXPECT_EQ(health.failedAttempts, 1);
    std::this_thread::sleep_for(60ms);
    EXPECT_FALSE(source.snapshot());
    EXPECT_EQ(broker.opens, 2);
    EXPECT_EQ(source.health().failedAttempts, 2);
    broker.down = false;
    std::this_thread::sleep_for(120ms);  // second backoff is 100 ms
    EXPECT_TRUE(source.snapshot());
    EXPECT_EQ(source.health().state, ReconnectingSource::State::Connected);
}

TEST(ReconnectingSource, ALostBrokerIsReopenedOnTheNextCall) {
    FlakyBroker broker;
    ReconnectingSource source("b", {}, broker.opener(), {10ms, 100ms});
    ASSERT_TRUE(source.connectNow());
    broker.last->failWith = Error{ErrorCode::Unavailable, "127.0.0.1:1 closed the connection"};
    auto lost = source.snapshot();
    ASSERT_FALSE(lost);
    EXPECT_EQ(source.health().state, ReconnectingSource::State::Waiting);
    EXPECT_EQ(source.health().lastError, "127.0.0.1:1 closed the connection");
    EXPECT_TRUE(source.snapshot());
    EXPECT_EQ(broker.opens, 2);
}

TEST(ReconnectingSource, OtherErrorsKeepTheSession) {
    FlakyBroker broker;
    ReconnectingSource source("b", {}, broker.opener());
    ASSERT_TRUE(source.connectNow());
    EXPECT_FALSE(source.purge("queue:/x"));  // Unsupported in the fake
    EXPECT_EQ(source.health().state, ReconnectingSource::State::Connected);
    EXPECT_EQ(broker.opens, 1);
}

}  // namespace
}  // namespace sbx::connect
