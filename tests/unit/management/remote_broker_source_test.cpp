// RemoteBrokerSource against a real HttpServer over a FakeBrokerSource: every call of
// the interface crosses HTTP and comes back as the local source would answer it.
#include "sbx/management/remote_broker_source.h"

#include <gtest/gtest.h>

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <condition_variable>
#include <future>
#include <thread>

#include "fake_broker_source.h"
#include "sbx/management/http_server.h"
#include "sbx/management/json_mapping.h"

namespace sbx::management {
namespace {

class RemoteBrokerSourceTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto started = HttpServer::start(fake_, HttpServerOptions{});
        ASSERT_TRUE(started.ok());
        server_ = std::move(started).value();
        auto remote = RemoteBrokerSource::connect({.port = server_->port()});
        ASSERT_TRUE(remote.ok()) << remote.error().message;
        remote_ = std::move(remote).value();
    }

    test::FakeBrokerSource fake_;
    std::unique_ptr<HttpServer> server_;
    std::unique_ptr<RemoteBrokerSource> remote_;
};

TEST_F(RemoteBrokerSourceTest, NameAndCapabilitiesComeFromTheServer) {
    EXPECT_EQ(remote_->name(), "fake");
    EXPECT_EQ(remote_->capabilities().bits, fake_.capabilities().bits);
    auto named = RemoteBrokerSource::connect({.port = server_->port(), .name = "staging"});
    EXPECT_EQ((*named)->name(), "staging");
}

TEST_F(RemoteBrokerSourceTest, SnapshotEqualsTheLocalOne) {
    auto local = fake_.snapshot();
    auto remote = remote_->snapshot();
    ASSERT_TRUE(remote.ok()) << remote.error().message;
    EXPECT_EQ(Json(*remote), Json(*local));
}

TEST_F(RemoteBrokerSourceTest, CommandsReachTheSource) {
    auto messages =
        remote_->peek({.destinationId = "queue:/orders", .maxCount = 1, .streamOffset = "first"});
    ASSERT_TRUE(messages.ok()) << messages.error().message;
    EXPECT_EQ(messages->size(), 1U);
    EXPECT_EQ(fake_.lastPeek.streamOffset, "first");

    observe::PublishRequest publish;
    publish.exchange = "amq.direct";
    publish.payload = std::string("\0\1", 2);
    publish.headers = {{"traceparent", "00-1-2-01"}};
    EXPECT_TRUE(remote_->publish(publish).ok());
    ASSERT_EQ(fake_.published.size(), 1U);
    EXPECT_EQ(fake_.published[0].payload, publish.payload);
    EXPECT_EQ(fake_.published[0].headers, publish.headers);

    EXPECT_EQ(*remote_->purge("queue:/orders"), 3U);
    EXPECT_TRUE(remote_->remove("queue:/orders").ok());
    EXPECT_TRUE(
        remote_
            ->declare({.kind = observe::DestinationKind::Exchange, .name = "x", .type = "fanout"})
            .ok());
    EXPECT_EQ(fake_.declared.back().type, "fanout");
    EXPECT_TRUE(remote_->bind({.source = "x", .destinationId = "queue:/orders"}).ok());
    EXPECT_TRUE(remote_->unbind({.source = "x", .destinationId = "queue:/orders"}).ok());
    EXPECT_EQ(fake_.unbound.size(), 1U);
    EXPECT_TRUE(remote_->disconnectClient("c1").ok());
    auto redrive = remote_->redrive({.sourceId = "queue:/orders", .maxCount = 9});
    ASSERT_TRUE(redrive.ok());
    EXPECT_EQ(redrive->moved, 5U);
    EXPECT_EQ(fake_.lastRedrive.maxCount, 9U);
}

TEST_F(RemoteBrokerSourceTest, RemoteErrorsKeepTheirCodeAndMessage) {
    auto missing = remote_->purge("queue:/nope");
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
    EXPECT_EQ(missing.error().message, "no destination 'queue:/nope'");
    auto precondition = remote_->declare({.name = "orders"});
    ASSERT_FALSE(precondition.ok());
    EXPECT_EQ(precondition.error().code, ErrorCode::InvalidArgument);
    EXPECT_NE(precondition.error().message.find("PRECONDITION_FAILED"), std::string::npos);
    auto unsupported = remote_->remove("topic:a");
    EXPECT_EQ(unsupported.error().code, ErrorCode::Unsupported);
}

TEST_F(RemoteBrokerSourceTest, HopEventsArriveOverTheWebSocket) {
    std::mutex mutex;
    std::condition_variable arrived;
    std::vector<observe::HopEvent> received;
    const auto id = remote_->watchHops([&](const std::vector<observe::HopEvent>& events) {
        std::lock_guard lock(mutex);
        received.insert(received.end(), events.begin(), events.end());
        arrived.notify_all();
    });
    // Readiness: the server watches the fake once the remote's WebSocket is registered.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while ((fake_.listenerCount() == 0 || !remote_->hopStreamConnected()) &&
           std::chrono::steady_clock::now() < deadline) {
        std::this_thread::yield();
    }
    ASSERT_EQ(fake_.listenerCount(), 1U);
    EXPECT_TRUE(remote_->hopStreamConnected());
    observe::HopEvent event;
    event.kind = observe::HopKind::Delivered;
    event.messageId = 77;
    event.ids.messageId = "order-1";
    fake_.emit({event});
    {
        std::unique_lock lock(mutex);
        ASSERT_TRUE(
            arrived.wait_for(lock, std::chrono::seconds(10), [&] { return !received.empty(); }));
        EXPECT_EQ(received[0].messageId, 77U);
        EXPECT_EQ(received[0].kind, observe::HopKind::Delivered);
        EXPECT_EQ(received[0].ids.messageId, "order-1");
    }
    remote_->unwatchHops(id);
    EXPECT_FALSE(remote_->hopStreamConnected());
}

// Waits up to 10 s for `condition`.
template <typename Condition>
bool eventually(Condition condition) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!condition()) {
        if (std::chrono::steady_clock::now() > deadline) {
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return true;
}

class Batches {
public:
    observe::BrokerSource::MessageListener listener() {
        return [this](const observe::MessageBatch& batch) {
            std::lock_guard lock(mutex_);
            batches_.push_back(batch);
            arrived_.notify_all();
        };
    }
    bool waitFor(std::size_t count) {
        std::unique_lock lock(mutex_);
        return arrived_.wait_for(lock, std::chrono::seconds(10),
                                 [&] { return batches_.size() >= count; });
    }
    std::vector<observe::MessageBatch> all() {
        std::lock_guard lock(mutex_);
        return batches_;
    }

private:
    std::mutex mutex_;
    std::condition_variable arrived_;
    std::vector<observe::MessageBatch> batches_;
};

observe::MessageBatch batchOf(std::string payload, std::uint64_t lost = 0) {
    observe::MessageBatch batch;
    observe::ObservedMessage message;
    message.destinationId = "queue:/orders";
    message.payload = std::move(payload);
    message.properties = {{"content-type", "text/plain"}};
    batch.messages.push_back(message);
    batch.lost = lost;
    return batch;
}

TEST_F(RemoteBrokerSourceTest, LiveMessagesArriveAndStopAtUnwatch) {
    EXPECT_TRUE(remote_->capabilities().has(observe::Capability::LiveMessages));
    Batches batches;
    auto id = remote_->watchMessages({.destinationId = "queue:/orders"}, batches.listener());
    ASSERT_TRUE(id.ok()) << id.error().message;
    // Watched before the upgrade was accepted: no waiting needed.
    EXPECT_EQ(fake_.messageWatchCount(), 1U);
    EXPECT_EQ(fake_.lastMessageWatch.destinationId, "queue:/orders");
    fake_.emitMessages(batchOf("one", 2));
    ASSERT_TRUE(batches.waitFor(1));
    const auto first = batches.all()[0];
    ASSERT_EQ(first.messages.size(), 1U);
    EXPECT_EQ(first.messages[0].payload, "one");
    EXPECT_EQ(first.messages[0].properties, batchOf("").messages[0].properties);
    EXPECT_EQ(first.lost, 2U);

    // A batch of nothing but lost messages is told on its own, and what follows flows.
    observe::MessageBatch lostOnly;
    lostOnly.lost = 5;
    fake_.emitMessages(lostOnly);
    ASSERT_TRUE(batches.waitFor(2));
    EXPECT_TRUE(batches.all()[1].messages.empty());
    EXPECT_EQ(batches.all()[1].lost, 5U);
    fake_.emitMessages(batchOf("after the loss"));
    ASSERT_TRUE(batches.waitFor(3));
    const auto all = batches.all();
    ASSERT_EQ(all[2].messages.size(), 1U);
    EXPECT_EQ(all[2].messages[0].payload, "after the loss");
    EXPECT_EQ(all[2].lost, 0U);

    remote_->unwatchMessages(*id);
    EXPECT_TRUE(eventually([&] { return fake_.messageWatchCount() == 0; }))
        << "the server kept the watch of a client that left";
    fake_.emitMessages(batchOf("two"));
    EXPECT_EQ(batches.all().size(), 3U);

    auto filter = remote_->watchMessages({.topicFilter = "sensors/#"}, batches.listener());
    ASSERT_TRUE(filter.ok());
    EXPECT_EQ(fake_.lastMessageWatch.topicFilter, "sensors/#");
    EXPECT_TRUE(fake_.lastMessageWatch.destinationId.empty());
    remote_->unwatchMessages(*filter);
}

TEST_F(RemoteBrokerSourceTest, UnknownDestinationFailsTheWatch) {
    Batches batches;
    auto id = remote_->watchMessages({.destinationId = "queue:/nope"}, batches.listener());
    ASSERT_FALSE(id.ok());
    EXPECT_EQ(id.error().code, ErrorCode::NotFound);
    EXPECT_EQ(id.error().message, "no destination 'queue:/nope'");
    EXPECT_EQ(fake_.messageWatchCount(), 0U);
    auto both = remote_->watchMessages({.destinationId = "queue:/orders", .topicFilter = "a"},
                                       batches.listener());
    EXPECT_EQ(both.error().code, ErrorCode::InvalidArgument);
}

TEST_F(RemoteBrokerSourceTest, ALiveWatchReconnectsWhenTheServerComesBack) {
    Batches batches;
    auto id = remote_->watchMessages({.destinationId = "queue:/orders"}, batches.listener());
    ASSERT_TRUE(id.ok()) << id.error().message;
    const auto port = server_->port();
    server_->stop();
    EXPECT_EQ(fake_.messageWatchCount(), 0U) << "stop() ends every watch";
    EXPECT_TRUE(eventually([&] { return !remote_->messageStreamConnected(*id); }));

    auto again = HttpServer::start(fake_, HttpServerOptions{.port = port});
    ASSERT_TRUE(again.ok()) << again.error().message;
    server_ = std::move(again).value();
    ASSERT_TRUE(eventually(
        [&] { return remote_->messageStreamConnected(*id) && fake_.messageWatchCount() == 1; }));
    fake_.emitMessages(batchOf("after the restart"));
    ASSERT_TRUE(batches.waitFor(1));
    EXPECT_EQ(batches.all()[0].messages[0].payload, "after the restart");
    remote_->unwatchMessages(*id);
}

TEST_F(RemoteBrokerSourceTest, AListenerMayUnwatchItself) {
    std::atomic<int> calls{0};
    std::promise<observe::BrokerSource::ListenerId> idOf;
    auto idFuture = idOf.get_future().share();
    auto id = remote_->watchMessages({.destinationId = "queue:/orders"},
                                     [&, idFuture](const observe::MessageBatch&) {
                                         ++calls;
                                         remote_->unwatchMessages(idFuture.get());
                                     });
    ASSERT_TRUE(id.ok());
    idOf.set_value(*id);
    fake_.emitMessages(batchOf("one"));
    ASSERT_TRUE(eventually([&] { return calls.load() == 1; }));
    fake_.emitMessages(batchOf("two"));
    EXPECT_TRUE(eventually([&] { return fake_.messageWatchCount() == 0; }));
    EXPECT_EQ(calls.load(), 1);
}

TEST(RemoteBrokerSource, UnreachableBrokerIsAClearError) {
    // A port that was free a moment ago and has nobody listening now.
    boost::asio::io_context io;
    boost::asio::ip::tcp::acceptor probe(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
    const auto port = probe.local_endpoint().port();
    probe.close();
    auto remote = RemoteBrokerSource::connect({.port = port});
    ASSERT_FALSE(remote.ok());
    EXPECT_EQ(remote.error().code, ErrorCode::Unavailable);
    EXPECT_EQ(remote.error().message,
              "cannot reach 127.0.0.1:" + std::to_string(port) + ": connection refused");
}

TEST(RemoteBrokerSource, SilentServerTimesOut) {
    // Accepts the connection but never answers.
    boost::asio::io_context io;
    boost::asio::ip::tcp::acceptor silent(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
    auto remote = RemoteBrokerSource::connect(
        {.port = silent.local_endpoint().port(), .timeout = std::chrono::milliseconds(300)});
    ASSERT_FALSE(remote.ok());
    EXPECT_EQ(remote.error().code, ErrorCode::Timeout);
    EXPECT_NE(remote.error().message.find(
                  "no answer from 127.0.0.1:" + std::to_string(silent.local_endpoint().port()) +
                  " within 300 ms"),
              std::string::npos)
        << remote.error().message;
}

}  // namespace
}  // namespace sbx::management
