// RemoteBrokerSource against a real HttpServer over a FakeBrokerSource: every call of
// the interface crosses HTTP and comes back as the local source would answer it.
#include "sbx/management/remote_broker_source.h"

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <condition_variable>

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
