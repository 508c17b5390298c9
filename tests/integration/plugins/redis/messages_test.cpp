// Peek by id range, publish, live tail and the admin commands, checked with redis-cli.
#include <condition_variable>
#include <mutex>

#include "redis_plugin_fixture.h"

namespace sbx::test {
namespace {

using observe::PeekRequest;

class RedisMessagesTest : public RedisPluginTest {
protected:
    void SetUp() override {
        source_ = mustOpen(profile(redis_.port()));
        ASSERT_TRUE(source_);
        // Ids are times: 1000 ms, 2000 ms and 3000 ms after the epoch.
        redis_.run({"XADD", "ranged", "1000-1", "payload", "first", "kind", "a"});
        redis_.run({"XADD", "ranged", "2000-1", "data", "second"});
        redis_.run({"XADD", "ranged", "3000-1", "temperature", "21", "unit", "C"});
    }

    std::vector<std::string> peekIds(const std::string& offset, std::size_t count) {
        PeekRequest request{"stream:ranged", count, offset};
        auto messages = source_->peek(request);
        EXPECT_TRUE(messages.ok()) << (messages ? "" : messages.error().message);
        std::vector<std::string> ids;
        if (!messages) {
            return ids;
        }
        for (const auto& message : messages.value()) {
            ids.push_back(message.properties.at(0).value);
        }
        return ids;
    }

    RedisServer redis_;
    std::unique_ptr<observe::BrokerSource> source_;
};

using Ids = std::vector<std::string>;

TEST_F(RedisMessagesTest, PeekReadsByIdRangeAndTime) {
    EXPECT_EQ(peekIds("first", 10), (Ids{"1000-1", "2000-1", "3000-1"}));
    EXPECT_EQ(peekIds("", 2), (Ids{"1000-1", "2000-1"}));
    EXPECT_EQ(peekIds("2000-1", 10), (Ids{"2000-1", "3000-1"}));
    EXPECT_EQ(peekIds("2000", 10), (Ids{"2000-1", "3000-1"}));
    EXPECT_EQ(peekIds("1970-01-01T00:00:02.500Z", 10), (Ids{"3000-1"}));
    EXPECT_EQ(peekIds("last", 1), (Ids{"3000-1"}));
    EXPECT_EQ(peekIds("last", 2), (Ids{"2000-1", "3000-1"}));
    EXPECT_EQ(peekIds("next", 10), Ids{});

    auto bad = source_->peek(PeekRequest{"stream:ranged", 10, "yesterday"});
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().code, ErrorCode::InvalidArgument);
    auto missing = source_->peek(PeekRequest{"stream:nope", 10, ""});
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
    EXPECT_NE(missing.error().message.find("'nope'"), std::string::npos);
}

TEST_F(RedisMessagesTest, PayloadIsTheNamedFieldElseAllFieldsAsJson) {
    auto messages = source_->peek(PeekRequest{"stream:ranged", 10, "first"});
    ASSERT_TRUE(messages.ok()) << messages.error().message;
    ASSERT_EQ(messages->size(), 3U);
    const auto& first = messages.value()[0];
    EXPECT_EQ(first.payload, "first");
    EXPECT_EQ(first.headers, (std::vector<observe::Field>{{"kind", "a"}}));
    EXPECT_EQ(first.routingKey, "ranged");
    EXPECT_EQ(first.time, std::chrono::system_clock::time_point(std::chrono::milliseconds(1000)));
    EXPECT_EQ(messages.value()[1].payload, "second");
    EXPECT_EQ(messages.value()[2].payload, R"({"temperature":"21","unit":"C"})");
    EXPECT_EQ(messages.value()[2].headers.size(), 2U);
}

TEST_F(RedisMessagesTest, PublishIsSeenByXrange) {
    observe::PublishRequest request;
    request.routingKey = "published";
    request.payload = "hello redis";
    request.headers = {{"source", "signalbox"}};
    auto published = source_->publish(request);
    ASSERT_TRUE(published.ok()) << published.error().message;

    const auto lines = redis_.lines({"XRANGE", "published", "-", "+"});
    ASSERT_EQ(lines.size(), 5U);  // id, source, signalbox, payload, hello redis
    EXPECT_EQ(Ids(lines.begin() + 1, lines.end()),
              (Ids{"source", "signalbox", "payload", "hello redis"}));

    auto peeked = source_->peek(PeekRequest{"stream:published", 1, "last"});
    ASSERT_TRUE(peeked.ok());
    ASSERT_EQ(peeked->size(), 1U);
    EXPECT_EQ(peeked.value()[0].payload, "hello redis");
    EXPECT_EQ(peeked.value()[0].headers, request.headers);
}

TEST_F(RedisMessagesTest, GroupPeekShowsWhatTheGroupHasNotReadYet) {
    redis_.run({"XGROUP", "CREATE", "ranged", "readers", "0"});
    redis_.run({"XREADGROUP", "GROUP", "readers", "r1", "COUNT", "1", "STREAMS", "ranged", ">"});
    auto messages = source_->peek(PeekRequest{"group:ranged/readers", 10, ""});
    ASSERT_TRUE(messages.ok()) << messages.error().message;
    ASSERT_EQ(messages->size(), 2U);
    EXPECT_EQ(messages.value()[0].properties.at(0).value, "2000-1");
}

TEST_F(RedisMessagesTest, DeclarePurgeAndRemove) {
    observe::DeclareRequest group;
    group.kind = observe::DestinationKind::Queue;
    group.name = "fresh/workers";
    ASSERT_TRUE(source_->declare(group).ok());
    ASSERT_TRUE(source_->declare(group).ok());  // idempotent
    EXPECT_EQ(redis_.text({"TYPE", "fresh"}), "stream");
    EXPECT_EQ(valueAfter(redis_.lines({"XINFO", "GROUPS", "fresh"}), "name"), "workers");

    observe::DeclareRequest stream;
    stream.kind = observe::DestinationKind::Stream;
    stream.name = "empty";
    ASSERT_TRUE(source_->declare(stream).ok());
    EXPECT_EQ(redis_.text({"TYPE", "empty"}), "stream");
    EXPECT_EQ(redis_.text({"XLEN", "empty"}), "0");
    EXPECT_EQ(valueAfter(redis_.lines({"XINFO", "STREAM", "empty"}), "groups"), "0");

    auto purged = source_->purge("stream:ranged");
    ASSERT_TRUE(purged.ok()) << purged.error().message;
    EXPECT_EQ(purged.value(), 3U);
    EXPECT_EQ(redis_.text({"XLEN", "ranged"}), "0");

    ASSERT_TRUE(source_->remove("group:fresh/workers").ok());
    EXPECT_EQ(valueAfter(redis_.lines({"XINFO", "STREAM", "fresh"}), "groups"), "0");
    auto again = source_->remove("group:fresh/workers");
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, ErrorCode::NotFound);

    ASSERT_TRUE(source_->remove("stream:fresh").ok());
    EXPECT_EQ(redis_.text({"EXISTS", "fresh"}), "0");

    redis_.run({"SET", "plain", "x"});
    auto wrongType = source_->remove("stream:plain");
    ASSERT_FALSE(wrongType.ok());
    EXPECT_EQ(redis_.text({"EXISTS", "plain"}), "1");
}

TEST_F(RedisMessagesTest, LiveTailDeliversNewEntriesInBatches) {
    std::mutex mutex;
    std::condition_variable arrived;
    std::vector<std::string> payloads;
    auto id =
        source_->watchMessages({"stream:ranged", ""}, [&](const observe::MessageBatch& batch) {
            std::lock_guard lock(mutex);
            for (const auto& message : batch.messages) {
                payloads.push_back(message.payload);
            }
            arrived.notify_all();
        });
    ASSERT_TRUE(id.ok()) << id.error().message;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the tail is reading
    for (int i = 0; i < 3; ++i) {
        redis_.run({"XADD", "ranged", "*", "payload", "live " + std::to_string(i)});
    }
    {
        std::unique_lock lock(mutex);
        ASSERT_TRUE(
            arrived.wait_for(lock, std::chrono::seconds(5), [&] { return payloads.size() >= 3; }));
        EXPECT_EQ(payloads, (Ids{"live 0", "live 1", "live 2"}));  // nothing from before
    }
    source_->unwatchMessages(id.value());
    redis_.run({"XADD", "ranged", "*", "payload", "after"});
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    std::lock_guard lock(mutex);
    EXPECT_EQ(payloads.size(), 3U);
}

}  // namespace
}  // namespace sbx::test
