// Live message tails of a remote `sbx broker` process: /api/v1/messages/live seen through
// RemoteBrokerSource and through raw Beast WebSocket clients, fed by pika and
// mosquitto_pub.
#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

#include "broker_process.h"
#include "process.h"
#include "sbx/management/json_mapping.h"
#include "sbx/management/remote_broker_source.h"

namespace sbx::management {
namespace {

using namespace std::chrono_literals;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = boost::asio::ip::tcp;

// What a watch's listener was given, for a test thread to wait on.
class Collected {
public:
    observe::BrokerSource::MessageListener listener() {
        return [this](const observe::MessageBatch& batch) {
            std::lock_guard lock(mutex_);
            messages_.insert(messages_.end(), batch.messages.begin(), batch.messages.end());
            lost_ += batch.lost;
            ++batches_;
            changed_.notify_all();
        };
    }

    bool waitFor(std::size_t count, std::chrono::milliseconds timeout = 20s) {
        std::unique_lock lock(mutex_);
        return changed_.wait_for(lock, timeout, [&] { return messages_.size() >= count; });
    }

    // Waits until `count` messages were either delivered or reported lost.
    bool waitForTotal(std::uint64_t count, std::chrono::milliseconds timeout = 30s) {
        std::unique_lock lock(mutex_);
        return changed_.wait_for(lock, timeout, [&] { return messages_.size() + lost_ >= count; });
    }

    std::vector<observe::ObservedMessage> messages() {
        std::lock_guard lock(mutex_);
        return messages_;
    }
    std::size_t batches() {
        std::lock_guard lock(mutex_);
        return batches_;
    }
    std::uint64_t lost() {
        std::lock_guard lock(mutex_);
        return lost_;
    }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<observe::ObservedMessage> messages_;
    std::uint64_t lost_ = 0;
    std::size_t batches_ = 0;
};

std::string propertyOf(const observe::ObservedMessage& message, const std::string& name) {
    for (const auto& field : message.properties) {
        if (field.name == name) {
            return field.value;
        }
    }
    return "(none)";
}

// pika, as the AMQP client of these tests: declares `queue` and publishes `count`
// messages "order <i>" (padded with `padding` bytes) with properties and a header.
void pikaPublish(std::uint16_t amqpPort, const std::string& queue, int count, int padding = 0) {
    const std::string script =
        "import pika, sys\n"
        "c = pika.BlockingConnection(pika.ConnectionParameters('127.0.0.1', int(sys.argv[1])))\n"
        "ch = c.channel()\n"
        "ch.queue_declare(sys.argv[2], durable=True)\n"
        "ch.confirm_delivery()\n"
        "pad = b'x' * int(sys.argv[4])\n"
        "for i in range(int(sys.argv[3])):\n"
        "    props = pika.BasicProperties(content_type='text/plain', correlation_id='c-%d' % i,\n"
        "                                 headers={'tenant': 'acme'})\n"
        "    ch.basic_publish('', sys.argv[2], b'order %d' % i + pad, props)\n"
        "c.close()\n";
    auto pika = sbx::test::runProcess({"/usr/bin/python3", "-c", script, std::to_string(amqpPort),
                                       queue, std::to_string(count), std::to_string(padding)});
    ASSERT_EQ(pika.exitCode, 0) << pika.err;
}

void mqttPublish(std::uint16_t mqttPort, const std::string& topic, const std::string& payload) {
    auto mqtt = sbx::test::runProcess({"mosquitto_pub",
                                       "-h",
                                       "127.0.0.1",
                                       "-p",
                                       std::to_string(mqttPort),
                                       "-V",
                                       "mqttv5",
                                       "-q",
                                       "1",
                                       "-t",
                                       topic,
                                       "-m",
                                       payload,
                                       "-D",
                                       "publish",
                                       "user-property",
                                       "site",
                                       "north",
                                       "-D",
                                       "publish",
                                       "content-type",
                                       "text/plain"});
    ASSERT_EQ(mqtt.exitCode, 0) << mqtt.err;
}

// A plain Beast client of /api/v1/messages/live, reading only when told to.
class RawLiveClient {
public:
    RawLiveClient(std::uint16_t port, const std::string& target, int receiveBuffer = 0) : ws_(io_) {
        auto& socket = beast::get_lowest_layer(ws_).socket();
        socket.open(tcp::v4());
        if (receiveBuffer > 0) {
            // A small window fills up at once: the server sees a client that never reads.
            socket.set_option(boost::asio::socket_base::receive_buffer_size(receiveBuffer));
        }
        socket.connect(tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port));
        ws_.read_message_max(256U * 1024U * 1024U);
        // The asynchronous handshake keeps the refusal's response (the synchronous one of
        // Boost 1.74 drops it).
        ws_.async_handshake(response_, "127.0.0.1", target,
                            [this](const beast::error_code& e) { error_ = e; });
        io_.run();
    }

    [[nodiscard]] const beast::error_code& handshakeError() const { return error_; }
    [[nodiscard]] const websocket::response_type& response() const { return response_; }

    // The next frame as JSON, or nullopt when none came within `timeout` or the stream ended.
    std::optional<Json> read(std::chrono::milliseconds timeout = 20s) {
        buffer_.consume(buffer_.size());
        std::optional<beast::error_code> result;
        ws_.async_read(buffer_, [&](const beast::error_code& e, std::size_t) { result = e; });
        io_.restart();
        io_.run_for(timeout);
        if (!result) {
            beast::get_lowest_layer(ws_).socket().close();  // the test fails; stop waiting
            io_.restart();
            io_.run_for(1s);
            return std::nullopt;
        }
        lastError_ = *result;
        if (*result) {
            return std::nullopt;
        }
        auto json = parseJson(beast::buffers_to_string(buffer_.data()));
        return json ? std::optional<Json>(*json) : std::nullopt;
    }

    // Reads frames until they carried `count` messages plus lost ones; each frame's JSON.
    std::vector<Json> readUntil(std::uint64_t count, std::chrono::milliseconds timeout = 30s) {
        std::vector<Json> frames;
        std::uint64_t seen = 0;
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (seen < count && std::chrono::steady_clock::now() < deadline) {
            auto frame = read(std::chrono::duration_cast<std::chrono::milliseconds>(
                deadline - std::chrono::steady_clock::now()));
            if (!frame) {
                break;
            }
            seen += (*frame)["messages"].size() + (*frame)["lost"].get<std::uint64_t>();
            frames.push_back(std::move(*frame));
        }
        return frames;
    }

    void close() { ws_.close(websocket::close_code::normal); }
    void drop() { beast::get_lowest_layer(ws_).socket().close(); }
    [[nodiscard]] const beast::error_code& lastError() const { return lastError_; }

private:
    boost::asio::io_context io_;
    websocket::stream<beast::tcp_stream> ws_;
    websocket::response_type response_;
    beast::flat_buffer buffer_;
    beast::error_code error_;
    beast::error_code lastError_;
};

class LiveTail : public test::BrokerProcess {
protected:
    void SetUp() override {
        BrokerProcess::SetUp();
        if (HasFatalFailure()) {
            return;
        }
        auto remote = RemoteBrokerSource::connect({.port = httpPort_});
        ASSERT_TRUE(remote.ok()) << remote.error().message;
        remote_ = std::move(remote).value();
    }

    void declareQueue(const std::string& name) {
        ASSERT_TRUE(remote_->declare({.name = name}).ok());
    }

    // The number after `name ` in /metrics.
    std::uint64_t metric(const std::string& name) {
        const auto text = curl("/metrics");
        const auto at = text.find("\n" + name + " ");
        if (at == std::string::npos) {
            ADD_FAILURE() << name << " is not in /metrics";
            return 0;
        }
        return std::stoull(text.substr(at + name.size() + 2));
    }

    bool waitForMetric(const std::string& name, std::uint64_t value) {
        const auto deadline = std::chrono::steady_clock::now() + 10s;
        while (std::chrono::steady_clock::now() < deadline) {
            if (metric(name) == value) {
                return true;
            }
            std::this_thread::sleep_for(50ms);
        }
        return false;
    }

    std::unique_ptr<RemoteBrokerSource> remote_;
};

TEST_F(LiveTail, TheRemoteBrokerOffersLiveMessages) {
    EXPECT_TRUE(remote_->capabilities().has(observe::Capability::LiveMessages));
    auto caps = parseJson(curl("/api/v1/capabilities"));
    ASSERT_TRUE(caps.ok());
    const auto& names = (*caps)["capabilities"];
    EXPECT_NE(std::find(names.begin(), names.end(), "liveMessages"), names.end()) << names;
}

TEST_F(LiveTail, AQueueTailCarriesPikaPublishesWithPropertiesInOrder) {
    declareQueue("live.orders");
    Collected collected;
    auto id =
        remote_->watchMessages({.destinationId = "queue://live.orders"}, collected.listener());
    ASSERT_TRUE(id.ok()) << id.error().message;
    EXPECT_TRUE(remote_->messageStreamConnected(*id));

    pikaPublish(amqpPort_, "live.orders", 20);
    ASSERT_TRUE(collected.waitFor(20)) << collected.messages().size() << " of 20";
    const auto messages = collected.messages();
    ASSERT_EQ(messages.size(), 20U);
    for (std::size_t i = 0; i < messages.size(); ++i) {
        const auto& m = messages[i];
        EXPECT_EQ(m.payload, "order " + std::to_string(i)) << "in publish order";
        EXPECT_EQ(m.destinationId, "queue://live.orders");
        EXPECT_EQ(m.routingKey, "live.orders");
        EXPECT_EQ(propertyOf(m, "content-type"), "text/plain");
        EXPECT_EQ(propertyOf(m, "correlation-id"), "c-" + std::to_string(i));
        EXPECT_EQ(m.headers, (std::vector<observe::Field>{{"tenant", "acme"}}));
        EXPECT_NE(m.time, std::chrono::system_clock::time_point{});
    }
    EXPECT_EQ(collected.lost(), 0U);
    EXPECT_EQ(metric("sbx_management_live_tails"), 1U);

    // Unwatched: nothing more reaches this listener, and the broker drops its watch. A
    // second watch proves the next messages did flow.
    remote_->unwatchMessages(*id);
    EXPECT_FALSE(remote_->messageStreamConnected(*id));
    EXPECT_TRUE(waitForMetric("sbx_management_live_tails", 0));
    Collected second;
    auto secondId =
        remote_->watchMessages({.destinationId = "queue://live.orders"}, second.listener());
    ASSERT_TRUE(secondId.ok()) << secondId.error().message;
    pikaPublish(amqpPort_, "live.orders", 3);
    ASSERT_TRUE(second.waitFor(3));
    EXPECT_EQ(second.messages()[0].payload, "order 0");
    EXPECT_EQ(collected.messages().size(), 20U) << "the unwatched listener was called again";
    remote_->unwatchMessages(*secondId);
}

TEST_F(LiveTail, AnMqttTopicFilterTailCarriesMosquittoPublishes) {
    Collected collected;
    auto id = remote_->watchMessages({.topicFilter = "plant/+/temp"}, collected.listener());
    ASSERT_TRUE(id.ok()) << id.error().message;
    Collected byTopic;
    auto topicId =
        remote_->watchMessages({.destinationId = "topic:plant/b/temp"}, byTopic.listener());
    ASSERT_TRUE(topicId.ok()) << topicId.error().message;

    mqttPublish(mqttPort_, "plant/a/temp", "21.5");
    mqttPublish(mqttPort_, "plant/a/humidity", "40");  // not watched
    mqttPublish(mqttPort_, "plant/b/temp", "19.0");
    ASSERT_TRUE(collected.waitFor(2));
    ASSERT_TRUE(byTopic.waitFor(1));
    const auto messages = collected.messages();
    ASSERT_EQ(messages.size(), 2U);
    EXPECT_EQ(messages[0].routingKey, "plant/a/temp");
    EXPECT_EQ(messages[0].payload, "21.5");
    EXPECT_EQ(messages[1].routingKey, "plant/b/temp");
    EXPECT_EQ(messages[1].payload, "19.0");
    EXPECT_EQ(propertyOf(messages[0], "qos"), "1");
    EXPECT_EQ(propertyOf(messages[0], "content-type"), "text/plain");
    EXPECT_EQ(messages[0].headers, (std::vector<observe::Field>{{"site", "north"}}));
    EXPECT_EQ(byTopic.messages()[0].payload, "19.0");
    remote_->unwatchMessages(*id);
    remote_->unwatchMessages(*topicId);
    EXPECT_TRUE(waitForMetric("sbx_management_live_tails", 0));
}

TEST_F(LiveTail, AnUnknownDestinationIsNotFoundWithTheBrokersReason) {
    Collected collected;
    auto id =
        remote_->watchMessages({.destinationId = "queue://no-such-queue"}, collected.listener());
    ASSERT_FALSE(id.ok());
    EXPECT_EQ(id.error().code, ErrorCode::NotFound);
    EXPECT_EQ(id.error().message, "no destination 'queue://no-such-queue'");

    auto badFilter = remote_->watchMessages({.topicFilter = "a/#/b"}, collected.listener());
    ASSERT_FALSE(badFilter.ok());
    EXPECT_EQ(badFilter.error().code, ErrorCode::InvalidArgument);
    EXPECT_NE(badFilter.error().message.find("a/#/b"), std::string::npos)
        << badFilter.error().message;
    EXPECT_EQ(metric("sbx_management_live_tails"), 0U);
}

TEST_F(LiveTail, RawClientsGetAnHttpErrorBeforeTheUpgrade) {
    RawLiveClient unknown(httpPort_, "/api/v1/messages/live?destination=queue%3A%2F%2Fnope");
    EXPECT_EQ(unknown.handshakeError(), websocket::error::upgrade_declined);
    EXPECT_EQ(unknown.response().result_int(), 404U);
    auto body = parseJson(unknown.response().body());
    ASSERT_TRUE(body.ok()) << unknown.response().body();
    EXPECT_EQ(*body, Json({{"error", "no destination 'queue://nope'"}, {"code", "not_found"}}));

    RawLiveClient neither(httpPort_, "/api/v1/messages/live");
    EXPECT_EQ(neither.response().result_int(), 400U);
    EXPECT_NE(neither.response().body().find("topic_filter"), std::string::npos);

    // Without the upgrade it is 426, like /api/v1/events.
    auto plain =
        sbx::test::runProcess({"curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}",
                               url("/api/v1/messages/live?destination=queue%3A%2F%2Fnope")});
    EXPECT_EQ(plain.out, "426");
}

TEST_F(LiveTail, ARawClientReadsFramesAndClosesCleanly) {
    declareQueue("live.raw");
    RawLiveClient client(httpPort_, "/api/v1/messages/live?destination=queue%3A%2F%2Flive.raw");
    ASSERT_FALSE(client.handshakeError()) << client.handshakeError().message();
    pikaPublish(amqpPort_, "live.raw", 5);
    const auto frames = client.readUntil(5);
    std::vector<std::string> payloads;
    for (const auto& frame : frames) {
        EXPECT_EQ(frame["type"], "messages");
        EXPECT_EQ(frame["lost"], 0);
        for (const auto& message : frame["messages"]) {
            payloads.push_back(message["payload"]);
            EXPECT_EQ(message["payloadEncoding"], "utf8");
            EXPECT_EQ(message["destinationId"], "queue://live.raw");
        }
    }
    EXPECT_EQ(payloads,
              (std::vector<std::string>{"order 0", "order 1", "order 2", "order 3", "order 4"}));
    EXPECT_EQ(metric("sbx_management_live_tails"), 1U);
    client.close();
    EXPECT_TRUE(waitForMetric("sbx_management_live_tails", 0)) << "the watch outlived its client";

    // A client that just vanishes (no close frame) leaves no watch behind either.
    RawLiveClient vanishing(httpPort_, "/api/v1/messages/live?topic_filter=%23");
    ASSERT_FALSE(vanishing.handshakeError());
    EXPECT_TRUE(waitForMetric("sbx_management_live_tails", 1));
    vanishing.drop();
    EXPECT_TRUE(waitForMetric("sbx_management_live_tails", 0)) << "the watch outlived its client";
}

// 400 messages of 64 KiB (25 MiB) against a client that does not read: the broker queues
// what fits its budget (8 MiB) and counts the rest as lost, while reading clients (raw and
// RemoteBrokerSource) and the REST API are served as usual. Readers slower than the burst
// may lose messages too, but every message is accounted for, and the next one reaches
// them while the stalled client still has not read a byte.
TEST_F(LiveTail, AClientThatNeverReadsLosesMessagesAndBlocksNobody) {
    constexpr int kCount = 400;
    constexpr int kPadding = 64 * 1024;
    declareQueue("live.bulk");
    const std::string target = "/api/v1/messages/live?destination=queue%3A%2F%2Flive.bulk";
    RawLiveClient stalled(httpPort_, target, 4096);
    ASSERT_FALSE(stalled.handshakeError()) << stalled.handshakeError().message();
    RawLiveClient reader(httpPort_, target);
    ASSERT_FALSE(reader.handshakeError());
    Collected remote;
    auto id = remote_->watchMessages({.destinationId = "queue://live.bulk"}, remote.listener());
    ASSERT_TRUE(id.ok()) << id.error().message;

    std::vector<Json> readerFrames;
    std::thread reading([&] { readerFrames = reader.readUntil(kCount, 60s); });
    pikaPublish(amqpPort_, "live.bulk", kCount, kPadding);
    reading.join();
    std::uint64_t readerTotal = 0;
    for (const auto& frame : readerFrames) {
        readerTotal += frame["messages"].size() + frame["lost"].get<std::uint64_t>();
    }
    EXPECT_EQ(readerTotal, static_cast<std::uint64_t>(kCount));
    ASSERT_TRUE(remote.waitForTotal(kCount)) << remote.messages().size() << " + " << remote.lost();
    EXPECT_GT(remote.messages().size(), 0U);

    // One more message: the readers get it at once, the stalled client still reads nothing.
    pikaPublish(amqpPort_, "live.bulk", 1);
    const auto next = reader.readUntil(1);
    ASSERT_FALSE(next.empty());
    ASSERT_FALSE(next.back()["messages"].empty());
    EXPECT_EQ(next.back()["messages"].back()["payload"], "order 0");
    ASSERT_TRUE(remote.waitForTotal(kCount + 1));
    EXPECT_EQ(remote.messages().back().payload, "order 0");
    EXPECT_FALSE(curl("/api/v1/overview").empty());
    EXPECT_GT(metric("sbx_management_live_messages_lost_total"), 0U);

    // Now it reads: what was kept arrives, what was not is counted, nothing is both.
    const auto frames = stalled.readUntil(kCount + 1, 60s);
    std::uint64_t received = 0;
    std::uint64_t lost = 0;
    int last = -1;
    for (const auto& frame : frames) {
        lost += frame["lost"].get<std::uint64_t>();
        for (const auto& message : frame["messages"]) {
            const auto payload = message["payload"].get<std::string>();
            ++received;
            if (payload == "order 0") {
                continue;  // the one after the burst
            }
            const int index = std::stoi(payload.substr(6, payload.find('x') - 6));
            EXPECT_GT(index, last) << "out of order";
            last = index;
        }
    }
    EXPECT_EQ(received + lost, static_cast<std::uint64_t>(kCount + 1));
    EXPECT_GT(lost, 0U) << "the stalled client lost nothing: the test did not stall it";
    EXPECT_GT(received, 0U);
    remote_->unwatchMessages(*id);
}

}  // namespace
}  // namespace sbx::management
