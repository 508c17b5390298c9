#include "sbx/connect/network_stream.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include "loopback_server.h"

namespace sbx::connect {
namespace {

using namespace std::chrono_literals;
using test::LoopbackServer;

TEST(NetworkStream, ARefusedConnectionSaysNothingListens) {
    const auto port = LoopbackServer::closedPort();
    auto stream = NetworkStream::connect("127.0.0.1", port, {}, 2000ms);
    ASSERT_FALSE(stream);
    EXPECT_EQ(stream.error().code, ErrorCode::Unavailable);
    EXPECT_NE(
        stream.error().message.find("connection refused by 127.0.0.1:" + std::to_string(port)),
        std::string::npos)
        << stream.error().message;
}

TEST(NetworkStream, AnUnknownHostSaysTheNameDoesNotResolve) {
    auto stream = NetworkStream::connect("no-such-host.invalid", 80, {}, 5000ms);
    ASSERT_FALSE(stream);
    EXPECT_EQ(stream.error().code, ErrorCode::Unavailable);
    EXPECT_NE(stream.error().message.find("cannot resolve the host name 'no-such-host.invalid'"),
              std::string::npos)
        << stream.error().message;
}

TEST(NetworkStream, ReadsLinesAndExactCountsAcrossPackets) {
    LoopbackServer server([](int fd) {
        LoopbackServer::writeAll(fd, "INFO {}\r\nPI");
        usleep(20000);
        LoopbackServer::writeAll(fd, "NG\r\nabcdef");
        LoopbackServer::readUntil(fd, "bye");
    });
    auto stream = NetworkStream::connect("127.0.0.1", server.port(), {}, 2000ms);
    ASSERT_TRUE(stream) << stream.error().describe();
    auto& s = **stream;
    EXPECT_EQ(s.readLine(2000ms).value(), "INFO {}");
    EXPECT_EQ(s.readLine(2000ms).value(), "PING");
    EXPECT_EQ(s.readExactly(4, 2000ms).value(), "abcd");
    EXPECT_EQ(s.takeBuffered(), "ef");
    ASSERT_TRUE(s.write("bye", 2000ms));
}

TEST(NetworkStream, SilenceIsATimeoutThatNamesThePeer) {
    LoopbackServer server([](int fd) { LoopbackServer::readUntil(fd, "never"); });
    auto stream = NetworkStream::connect("127.0.0.1", server.port(), {}, 2000ms);
    ASSERT_TRUE(stream);
    auto line = (*stream)->readLine(200ms);
    ASSERT_FALSE(line);
    EXPECT_EQ(line.error().code, ErrorCode::Timeout);
    EXPECT_NE(line.error().message.find("within 200 ms"), std::string::npos)
        << line.error().message;
    (*stream)->close();
}

TEST(NetworkStream, TheServerClosingIsUnavailable) {
    LoopbackServer server([](int fd) { LoopbackServer::writeAll(fd, "bye\n"); });
    auto stream = NetworkStream::connect("127.0.0.1", server.port(), {}, 2000ms);
    ASSERT_TRUE(stream);
    EXPECT_EQ((*stream)->readLine(2000ms).value(), "bye");
    auto next = (*stream)->readLine(2000ms);
    ASSERT_FALSE(next);
    EXPECT_EQ(next.error().code, ErrorCode::Unavailable);
    EXPECT_NE(next.error().message.find("closed the connection"), std::string::npos);
}

TEST(NetworkStream, TlsToAPlainServerSaysItDoesNotSpeakTls) {
    LoopbackServer server([](int fd) {
        LoopbackServer::writeAll(fd, "INFO {\"server_id\":\"x\"}\r\n");
        usleep(200000);
    });
    TlsSettings tls;
    tls.enabled = true;
    auto stream = NetworkStream::connect("127.0.0.1", server.port(), tls, 2000ms);
    ASSERT_FALSE(stream);
    EXPECT_EQ(stream.error().code, ErrorCode::TlsError);
    EXPECT_NE(stream.error().message.find("does not speak TLS"), std::string::npos)
        << stream.error().message;
}

TEST(NetworkStream, AMissingCaFileIsNamed) {
    LoopbackServer server([](int) {});
    TlsSettings tls;
    tls.enabled = true;
    tls.caFile = "/nonexistent/ca.pem";
    auto stream = NetworkStream::connect("127.0.0.1", server.port(), tls, 2000ms);
    ASSERT_FALSE(stream);
    EXPECT_EQ(stream.error().code, ErrorCode::TlsError);
    EXPECT_NE(stream.error().message.find("/nonexistent/ca.pem"), std::string::npos);
}

TEST(NetworkStream, CloseFromAnotherThreadEndsABlockedRead) {
    LoopbackServer server([](int fd) { LoopbackServer::readUntil(fd, "never"); });
    auto stream = NetworkStream::connect("127.0.0.1", server.port(), {}, 2000ms);
    ASSERT_TRUE(stream);
    std::thread closer([&] {
        usleep(100000);
        (*stream)->close();
    });
    const auto started = std::chrono::steady_clock::now();
    auto line = (*stream)->readLine(10000ms);
    closer.join();
    ASSERT_FALSE(line);
    EXPECT_EQ(line.error().code, ErrorCode::Unavailable);
    EXPECT_LT(std::chrono::steady_clock::now() - started, 5s);
}

TEST(NetworkStream, ReadAvailableWaitsWithoutClosingAndWakes) {
    LoopbackServer server([](int fd) {
        LoopbackServer::readUntil(fd, "ping");
        LoopbackServer::writeAll(fd, "pong");
        LoopbackServer::readUntil(fd, "never");
    });
    auto stream = NetworkStream::connect("127.0.0.1", server.port(), {}, 2000ms);
    ASSERT_TRUE(stream);
    std::string into;
    auto nothing = (*stream)->readAvailable(into, 50ms);
    ASSERT_TRUE(nothing) << nothing.error().message;
    EXPECT_EQ(*nothing, 0U);
    EXPECT_TRUE((*stream)->isOpen());
    ASSERT_TRUE((*stream)->write("ping", 1000ms));
    while (into.size() < 4) {
        auto read = (*stream)->readAvailable(into, 1000ms);
        ASSERT_TRUE(read) << read.error().message;
    }
    EXPECT_EQ(into, "pong");
    std::thread waker([&] {
        usleep(100000);
        (*stream)->wake();
    });
    const auto started = std::chrono::steady_clock::now();
    auto woken = (*stream)->readAvailable(into, 10000ms);
    waker.join();
    ASSERT_TRUE(woken);
    EXPECT_EQ(*woken, 0U);
    EXPECT_LT(std::chrono::steady_clock::now() - started, 5s);
    EXPECT_TRUE((*stream)->isOpen());
}

}  // namespace
}  // namespace sbx::connect
