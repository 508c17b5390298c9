#include "sbx/connect/http_client.h"

#include <gtest/gtest.h>

#include "loopback_server.h"

namespace sbx::connect {
namespace {

using test::LoopbackServer;

// Answers every request with `response` and remembers the last request it read.
struct CannedHttpServer {
    explicit CannedHttpServer(std::string response)
        : server([this, response](int fd) {
              lastRequest = LoopbackServer::readUntil(fd, "\r\n\r\n");
              LoopbackServer::writeAll(fd, response);
          }) {}

    HttpClient client(std::string user = {}, std::string password = {}) {
        HttpClient::Options options;
        options.host = "127.0.0.1";
        options.port = server.port();
        options.username = std::move(user);
        options.password = std::move(password);
        return HttpClient(options);
    }

    std::string lastRequest;
    LoopbackServer server;
};

TEST(HttpClient, ReadsABodyWithContentLengthAndSendsBasicAuth) {
    CannedHttpServer http(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 13\r\n\r\n"
        "{\"ok\": true}\n");
    auto response = http.client("guest", "guest").get("/api/overview");
    ASSERT_TRUE(response) << response.error().describe();
    EXPECT_EQ(response->status, 200U);
    EXPECT_EQ(response->body, "{\"ok\": true}\n");
    EXPECT_EQ(response->headers["content-type"], "application/json");
    EXPECT_NE(http.lastRequest.find("GET /api/overview HTTP/1.1"), std::string::npos);
    EXPECT_NE(http.lastRequest.find("Authorization: Basic Z3Vlc3Q6Z3Vlc3Q="), std::string::npos)
        << http.lastRequest;
}

TEST(HttpClient, ReadsAChunkedBody) {
    CannedHttpServer http(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n "
        "world\r\n0\r\n\r\n");
    auto response = http.client().get("/connz");
    ASSERT_TRUE(response) << response.error().describe();
    EXPECT_EQ(response->body, "hello world");
}

TEST(HttpClient, ReadsABodyThatEndsWithTheConnection) {
    CannedHttpServer http("HTTP/1.0 200 OK\r\n\r\nuntil the end");
    auto response = http.client().get("/varz");
    ASSERT_TRUE(response) << response.error().describe();
    EXPECT_EQ(response->body, "until the end");
}

TEST(HttpClient, Status401IsAWrongPassword) {
    CannedHttpServer http(
        "HTTP/1.1 401 Unauthorized\r\nContent-Length: 43\r\n\r\n"
        "{\"error\":\"not_authorised\",\"reason\":\"Login\"}");
    auto response = http.client("guest", "wrong").get("/api/overview");
    ASSERT_FALSE(response);
    EXPECT_EQ(response.error().code, ErrorCode::Unauthenticated);
    EXPECT_NE(response.error().message.find("refused the user name or password"),
              std::string::npos);
}

TEST(HttpClient, Status403IsAPermissionError) {
    CannedHttpServer http("HTTP/1.1 403 Forbidden\r\nContent-Length: 2\r\n\r\nno");
    auto response = http.client("monitor", "x").get("/api/queues");
    ASSERT_FALSE(response);
    EXPECT_EQ(response.error().code, ErrorCode::PermissionDenied);
    EXPECT_NE(response.error().message.find("user 'monitor'"), std::string::npos);
}

TEST(HttpClient, GarbageIsAParseError) {
    CannedHttpServer http("SSH-2.0-OpenSSH_9.2\r\n\r\n");
    auto response = http.client().get("/");
    ASSERT_FALSE(response);
    EXPECT_EQ(response.error().code, ErrorCode::ParseError);
}

TEST(HttpClient, ARefusedPortIsUnavailable) {
    HttpClient::Options options;
    options.host = "127.0.0.1";
    options.port = LoopbackServer::closedPort();
    auto response = HttpClient(options).get("/");
    ASSERT_FALSE(response);
    EXPECT_EQ(response.error().code, ErrorCode::Unavailable);
}

TEST(HttpClient, EncodesAVhostNameAsOnePathSegment) {
    EXPECT_EQ(encodePathSegment("/"), "%2F");
    EXPECT_EQ(encodePathSegment("a b/c"), "a%20b%2Fc");
    EXPECT_EQ(encodePathSegment("orders.v1-x_y~"), "orders.v1-x_y~");
}

}  // namespace
}  // namespace sbx::connect
