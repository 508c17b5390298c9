// The management API end to end in one process: a real HttpServer over a
// FakeBrokerSource, driven by real Beast clients (and curl for one request).
#include "sbx/management/http_server.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "fake_broker_source.h"
#include "http_client.h"
#include "http_test_client.h"
#include "process.h"
#include "sbx/management/json_mapping.h"

namespace sbx::management {
namespace {

class HttpServerTest : public ::testing::Test {
protected:
    void SetUp() override { start(HttpServerOptions{}); }

    void start(HttpServerOptions options) {
        server_.reset();
        options.snapshotInterval = std::chrono::milliseconds(50);
        auto started = HttpServer::start(source_, std::move(options));
        ASSERT_TRUE(started.ok()) << started.error().message;
        server_ = std::move(started).value();
    }

    HttpReply call(std::string_view method, std::string_view path, std::string_view body = {}) {
        auto reply = httpRequest(HttpTarget{"127.0.0.1", server_->port(), std::chrono::seconds(10)},
                                 method, path, body);
        EXPECT_TRUE(reply.ok()) << reply.error().message;
        return reply.ok() ? *reply : HttpReply{};
    }

    Json callJson(std::string_view method, std::string_view path, unsigned status,
                  std::string_view body = {}) {
        auto reply = call(method, path, body);
        EXPECT_EQ(reply.status, status) << method << ' ' << path << ": " << reply.body;
        if (reply.body.empty()) {
            return nullptr;
        }
        auto json = parseJson(reply.body);
        EXPECT_TRUE(json.ok()) << reply.body;
        return json.ok() ? *json : Json();
    }

    void expectError(std::string_view method, std::string_view path, unsigned status,
                     std::string_view code, std::string_view body = {}) {
        const auto json = callJson(method, path, status, body);
        EXPECT_EQ(json.value("code", ""), code) << json.dump();
        EXPECT_FALSE(json.value("error", "").empty()) << json.dump();
    }

    test::FakeBrokerSource source_;
    std::unique_ptr<HttpServer> server_;
};

TEST_F(HttpServerTest, ListensOnLoopbackAtAFreePort) {
    EXPECT_EQ(server_->address(), "127.0.0.1");
    EXPECT_NE(server_->port(), 0);
}

TEST_F(HttpServerTest, ReadEndpoints) {
    EXPECT_EQ(callJson("GET", "/api/v1/overview", 200)["counters"]["published"], 42);
    EXPECT_EQ(callJson("GET", "/api/v1/snapshot", 200)["destinations"].size(), 5U);
    EXPECT_EQ(callJson("GET", "/api/v1/bindings", 200)[0]["source"], "amq.topic");
    EXPECT_EQ(callJson("GET", "/api/v1/clients", 200)[0]["name"], "sensor-1");
    const auto caps = callJson("GET", "/api/v1/capabilities", 200);
    EXPECT_EQ(caps["name"], "fake");
    EXPECT_EQ(caps["capabilities"], Json({"peek", "publish", "hopEvents", "liveMessages"}));
    EXPECT_EQ(callJson("GET", "/api/v1/destinations/queue%3A%2Forders", 200)["messagesReady"], 3);
    EXPECT_EQ(
        callJson("GET", "/api/v1/destinations/topic%3Asensors%2Ft1", 200)["lastValueEncoding"],
        "base64");
}

TEST_F(HttpServerTest, DestinationFilters) {
    const auto names = [&](const std::string& query) {
        std::vector<std::string> out;
        for (const auto& d : callJson("GET", "/api/v1/destinations" + query, 200)) {
            out.push_back(d["id"]);
        }
        return out;
    };
    EXPECT_EQ(names("").size(), 5U);
    EXPECT_EQ(names("?kind=exchange"), std::vector<std::string>{"exchange:/amq.topic"});
    EXPECT_EQ(names("?vhost=prod"), std::vector<std::string>{"queue:prod/we\"ird\\name\n"});
    EXPECT_EQ(names("?kind=queue&vhost=%2F&prefix=or"), std::vector<std::string>{"queue:/orders"});
    EXPECT_EQ(names("?prefix=sensors%2F"), std::vector<std::string>{"topic:sensors/t1"});
    expectError("GET", "/api/v1/destinations?kind=bucket", 400, "invalid_argument");
}

TEST_F(HttpServerTest, PeekPassesCountAndOffset) {
    auto messages =
        callJson("GET", "/api/v1/destinations/queue%3A%2Forders/messages?count=1&offset=last", 200);
    ASSERT_EQ(messages.size(), 1U);
    EXPECT_EQ(messages[0]["payload"], "{\"n\":1}");
    EXPECT_EQ(messages[0]["properties"][0]["value"], "application/json");
    EXPECT_EQ(source_.lastPeek.maxCount, 1U);
    EXPECT_EQ(source_.lastPeek.streamOffset, "last");
    EXPECT_EQ(callJson("GET", "/api/v1/destinations/queue%3A%2Forders/messages", 200).size(), 2U);
    EXPECT_EQ(source_.lastPeek.maxCount, 100U);
    expectError("GET", "/api/v1/destinations/queue%3A%2Forders/messages?count=-1", 400,
                "invalid_argument");
    expectError("GET", "/api/v1/destinations/queue%3A%2Fnope/messages", 404, "not_found");
}

TEST_F(HttpServerTest, Commands) {
    EXPECT_EQ(callJson("POST", "/api/v1/destinations", 201,
                       R"({"kind":"queue","vhost":"/","name":"jobs","durable":false,
                           "arguments":[{"name":"x-max-length","value":"10"}]})")["id"],
              "queue://jobs");
    ASSERT_EQ(source_.declared.size(), 1U);
    EXPECT_FALSE(source_.declared[0].durable);
    EXPECT_EQ(source_.declared[0].arguments[0].name, "x-max-length");

    EXPECT_EQ(callJson("POST", "/api/v1/destinations/queue%3A%2Forders/purge", 200)["purged"], 3);
    EXPECT_EQ(call("DELETE", "/api/v1/destinations/queue%3A%2Forders").status, 204U);
    EXPECT_EQ(source_.removed.back(), "queue:/orders");

    EXPECT_EQ(call("POST", "/api/v1/publish",
                   R"({"protocol":"mqtt","routingKey":"a/b","payload":"AQI=",
                       "payloadEncoding":"base64","qos":1,"retain":true})")
                  .status,
              204U);
    ASSERT_EQ(source_.published.size(), 1U);
    EXPECT_EQ(source_.published[0].payload, std::string("\x01\x02", 2));
    EXPECT_TRUE(source_.published[0].retain);

    const std::string binding =
        R"({"vhost":"/","source":"amq.direct","destinationId":"queue:/orders","routingKey":"k"})";
    EXPECT_EQ(callJson("POST", "/api/v1/bindings", 201, binding)["routingKey"], "k");
    EXPECT_EQ(call("DELETE", "/api/v1/bindings", binding).status, 204U);
    ASSERT_EQ(source_.unbound.size(), 1U);
    EXPECT_EQ(source_.unbound[0].source, "amq.direct");

    EXPECT_EQ(call("DELETE", "/api/v1/clients/c1").status, 204U);
    EXPECT_EQ(source_.disconnected, std::vector<std::string>{"c1"});

    const auto moved = callJson("POST", "/api/v1/destinations/queue%3A%2Forders/redrive", 200,
                                R"({"targetId":"queue:/retry","batchSize":10})");
    EXPECT_EQ(moved["moved"], 5);
    EXPECT_EQ(moved["remaining"], 1);
    EXPECT_EQ(source_.lastRedrive.sourceId, "queue:/orders");
    EXPECT_EQ(source_.lastRedrive.targetId, "queue:/retry");
    EXPECT_EQ(source_.lastRedrive.maxCount, SIZE_MAX);
}

TEST_F(HttpServerTest, ErrorsAreJsonWithStatusAndCode) {
    expectError("GET", "/api/v1/nothing", 404, "not_found");
    expectError("GET", "/api/v1/destinations/queue%3A%2Fnope", 404, "not_found");
    expectError("DELETE", "/api/v1/clients/ghost", 404, "not_found");
    expectError("POST", "/api/v1/destinations", 412, "precondition_failed",
                R"({"kind":"queue","name":"orders"})");
    expectError("POST", "/api/v1/destinations", 400, "invalid_argument", R"({"kind":"queue"})");
    expectError("POST", "/api/v1/destinations", 400, "parse_error", "{oops");
    expectError("POST", "/api/v1/destinations", 400, "invalid_argument", "[1]");
    expectError("POST", "/api/v1/publish", 400, "invalid_argument", R"({"qos":"x"})");
    expectError("POST", "/api/v1/publish", 404, "not_found", R"({"exchange":"missing"})");
    expectError("DELETE", "/api/v1/destinations/topic%3Asensors%2Ft1", 409, "unsupported");
    expectError("POST", "/api/v1/bindings", 400, "invalid_argument", R"({"source":"x"})");
    expectError("POST", "/api/v1/destinations/queue%3A%2Forders/redrive", 400, "invalid_argument",
                R"({"batchSize":0})");
    expectError("GET", "/api/v1/clients/%zz", 400, "invalid_argument");
    expectError("GET", "/api/v1/events", 426, "upgrade_required");
    auto wrongMethod = call("PUT", "/api/v1/overview");
    EXPECT_EQ(wrongMethod.status, 405U);
    EXPECT_NE(wrongMethod.body.find("method_not_allowed"), std::string::npos);
}

TEST_F(HttpServerTest, OversizedBodyGets413) {
    HttpServerOptions options;
    options.maxBodyBytes = 1024;
    start(options);
    expectError("POST", "/api/v1/publish", 413, "payload_too_large", std::string(4096, 'x'));
    // A body just under the limit is read and judged on its content.
    const std::string fits = R"({"routingKey":"k","payload":")" + std::string(900, 'a') + "\"}";
    EXPECT_EQ(call("POST", "/api/v1/publish", fits).status, 204U);
}

TEST_F(HttpServerTest, DefaultBodyLimitIs16MiB) {
    expectError("POST", "/api/v1/publish", 413, "payload_too_large",
                std::string(16U * 1024U * 1024U + 1U, ' '));
}

TEST_F(HttpServerTest, KeepAliveServesManyRequestsOnOneConnection) {
    test::TestConnection connection(server_->port());
    for (int i = 0; i < 5; ++i) {
        auto res = connection.request(test::http::verb::get, "/api/v1/capabilities");
        EXPECT_EQ(res.result_int(), 200);
        EXPECT_TRUE(res.keep_alive());
    }
    auto head = connection.request(test::http::verb::head, "/api/v1/overview");
    EXPECT_EQ(head.result_int(), 200);
    EXPECT_TRUE(head.body().empty());
    EXPECT_EQ(connection.request(test::http::verb::get, "/api/v1/overview").result_int(), 200);
}

TEST_F(HttpServerTest, ManyConcurrentClients) {
    std::atomic<int> ok{0};
    std::vector<std::thread> clients;
    for (int c = 0; c < 16; ++c) {
        clients.emplace_back([&] {
            for (int i = 0; i < 20; ++i) {
                auto reply =
                    httpRequest(HttpTarget{"127.0.0.1", server_->port(), std::chrono::seconds(20)},
                                "GET", "/api/v1/snapshot");
                if (reply && reply->status == 200) {
                    ++ok;
                }
            }
        });
    }
    for (auto& t : clients) {
        t.join();
    }
    EXPECT_EQ(ok.load(), 16 * 20);
}

TEST_F(HttpServerTest, ABlockedSourceCallStallsNoOtherClient) {
    std::thread slow([&] {
        auto reply = httpRequest(HttpTarget{"127.0.0.1", server_->port(), std::chrono::seconds(30)},
                                 "GET", "/api/v1/destinations/queue%3A%2Fslow/messages");
        EXPECT_TRUE(reply.ok());
        EXPECT_EQ(reply.ok() ? reply->status : 0U, 200U);
    });
    source_.waitForBlockedPeek();
    EXPECT_EQ(call("GET", "/api/v1/capabilities").status, 200U);
    EXPECT_EQ(call("GET", "/api/v1/overview").status, 200U);
    source_.openGate();
    slow.join();
}

TEST_F(HttpServerTest, MetricsInPrometheusText) {
    auto reply = call("GET", "/metrics");
    EXPECT_EQ(reply.status, 200U);
    EXPECT_NE(reply.body.find("# TYPE sbx_destination_messages_ready gauge"), std::string::npos);
    EXPECT_NE(reply.body.find(
                  "sbx_destination_messages_ready{vhost=\"/\",name=\"orders\",kind=\"queue\"} 3"),
              std::string::npos);
}

TEST_F(HttpServerTest, CurlSeesTheSameApi) {
    const auto url = "http://127.0.0.1:" + std::to_string(server_->port());
    auto result = sbx::test::runProcess({"curl", "-sS", "-w", "\n%{http_code} %{content_type}",
                                         url + "/api/v1/destinations?kind=exchange"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("\"id\":\"exchange:/amq.topic\""), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("\n200 application/json"), std::string::npos) << result.out;
    auto posted = sbx::test::runProcess(
        {"curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", "-X", "POST", "-H",
         "Content-Type: application/json", "-d",
         R"({"exchange":"amq.direct","routingKey":"k","payload":"hi"})", url + "/api/v1/publish"});
    EXPECT_EQ(posted.out, "204");
    ASSERT_EQ(source_.published.size(), 1U);
    EXPECT_EQ(source_.published[0].payload, "hi");
}

std::vector<Json> readUntil(test::TestWebSocket& ws, const std::string& type, int maxMessages) {
    std::vector<Json> seen;
    for (int i = 0; i < maxMessages; ++i) {
        auto json = parseJson(ws.read());
        EXPECT_TRUE(json.ok());
        if (!json.ok()) {
            break;
        }
        seen.push_back(*json);
        if ((*json)["type"] == type) {
            break;
        }
    }
    return seen;
}

void waitForListeners(test::FakeBrokerSource& source, std::size_t count) {
    // A readiness probe: the server watches hops once the WebSocket is registered.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (source.listenerCount() != count && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::yield();
    }
    ASSERT_EQ(source.listenerCount(), count);
}

TEST_F(HttpServerTest, EventsStreamHopBatchesAndSnapshots) {
    EXPECT_EQ(source_.listenerCount(), 0U) << "nobody watches: hops cost the broker nothing";
    test::TestWebSocket ws(server_->port(), "/api/v1/events");
    waitForListeners(source_, 1);
    observe::HopEvent event;
    event.kind = observe::HopKind::Routed;
    event.messageId = 7;
    event.destination = "amq.topic";
    event.count = 2;
    source_.emit({event, event});
    auto hops = readUntil(ws, "hops", 1000);
    ASSERT_EQ(hops.back()["type"], "hops");
    ASSERT_EQ(hops.back()["events"].size(), 2U);
    EXPECT_EQ(hops.back()["events"][0]["kind"], "routed");
    EXPECT_EQ(hops.back()["events"][0]["count"], 2);

    auto snapshot = readUntil(ws, "snapshot", 1000).back();
    ASSERT_EQ(snapshot["type"], "snapshot");
    EXPECT_EQ(snapshot["overview"]["name"], "fake");
    EXPECT_EQ(snapshot["destinations"][0]["id"], "queue:/orders");
    EXPECT_EQ(snapshot["destinations"][0]["messagesReady"], 3);
    EXPECT_EQ(server_->eventClients(), 1U);

    ws.ws().close(test::websocket::close_code::normal);
    waitForListeners(source_, 0);
}

TEST_F(HttpServerTest, SnapshotsOnlyStreamDoesNotWatchHops) {
    test::TestWebSocket ws(server_->port(), "/api/v1/events?hops=0");
    EXPECT_EQ(readUntil(ws, "snapshot", 100).back()["type"], "snapshot");
    EXPECT_EQ(source_.listenerCount(), 0U);
}

TEST_F(HttpServerTest, ASlowEventsClientLosesBatchesNotMemory) {
    HttpServerOptions options;
    options.maxQueuedEventBytes = 64U * 1024U;
    start(options);
    test::TestWebSocket ws(server_->port(), "/api/v1/events?snapshots=0");
    waitForListeners(source_, 1);
    observe::HopEvent big;
    big.detail = std::string(16U * 1024U, 'x');
    const std::vector<observe::HopEvent> batch(8, big);  // ~130 KiB of JSON
    // The client reads nothing: kernel buffers fill, then the session's budget.
    for (int i = 0; i < 2000 && server_->droppedEventBatches() == 0; ++i) {
        source_.emit(batch);
    }
    ASSERT_GT(server_->droppedEventBatches(), 0U);
    const auto seen = readUntil(ws, "dropped", 100000);
    ASSERT_EQ(seen.back()["type"], "dropped");
    EXPECT_GT(seen.back()["batches"].get<int>(), 0);
}

}  // namespace
}  // namespace sbx::management
