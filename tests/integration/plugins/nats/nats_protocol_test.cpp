// The plugin's protocol parsing and time handling, on bytes nats-server really sends.
#include "nats_protocol.h"

#include <gtest/gtest.h>

#include "base64.h"
#include "nats_time.h"

namespace sbx::nats {
namespace {

TEST(NatsProtocol, FramesSplitAcrossReadsAndServerSpacing) {
    // nats-server writes two spaces where a message has no reply subject.
    std::string buffer = "MSG _INBOX.x.2 1  23\r\n{\"stream\":\"S\", \"seq\":1}\r\nPI";
    auto first = takeFrame(buffer, "peer");
    ASSERT_TRUE(first && *first);
    EXPECT_EQ((*first)->kind, NatsFrame::Kind::Message);
    EXPECT_EQ((*first)->subject, "_INBOX.x.2");
    EXPECT_EQ((*first)->sid, "1");
    EXPECT_EQ((*first)->replyTo, "");
    EXPECT_EQ((*first)->payload, "{\"stream\":\"S\", \"seq\":1}");
    auto partial = takeFrame(buffer, "peer");
    ASSERT_TRUE(partial);
    EXPECT_FALSE(*partial);  // "PI" needs more bytes
    buffer += "NG\r\n-ERR 'Authorization Violation'\r\n";
    EXPECT_EQ((*takeFrame(buffer, "peer"))->kind, NatsFrame::Kind::Ping);
    auto error = takeFrame(buffer, "peer");
    EXPECT_EQ((*error)->kind, NatsFrame::Kind::Err);
    EXPECT_EQ((*error)->payload, "Authorization Violation");
    buffer = "HELLO\r\n";
    EXPECT_EQ(takeFrame(buffer, "peer").error().code, ErrorCode::ParseError);
}

TEST(NatsProtocol, HeadersAndStatusRoundTrip) {
    const std::string command = publishCommand("a.b", "", {{"Nats-Msg-Id", "42"}}, "body");
    EXPECT_EQ(command, "HPUB a.b 29 33\r\nNATS/1.0\r\nNats-Msg-Id: 42\r\n\r\nbody\r\n");
    EXPECT_EQ(publishCommand("a.b", "r", {}, "xy"), "PUB a.b r 2\r\nxy\r\n");

    std::string buffer =
        "HMSG s.a 7 $JS.ACK.S.w.1.5.1.99.0 29 33\r\nNATS/1.0\r\nNats-Msg-Id: "
        "42\r\n\r\nbody\r\nHMSG _INBOX.a.1 1 16 16\r\nNATS/1.0 503\r\n\r\n\r\n";
    auto message = takeFrame(buffer, "peer");
    ASSERT_TRUE(message && *message);
    EXPECT_EQ((*message)->replyTo, "$JS.ACK.S.w.1.5.1.99.0");
    EXPECT_EQ((*message)->header("nats-msg-id"), "42");
    EXPECT_EQ((*message)->payload, "body");
    auto noResponders = takeFrame(buffer, "peer");
    ASSERT_TRUE(noResponders && *noResponders);
    EXPECT_EQ((*noResponders)->status, "503");
    EXPECT_TRUE((*noResponders)->payload.empty());
    EXPECT_TRUE(buffer.empty());
}

TEST(NatsProtocol, SubjectsTimesAndBase64) {
    EXPECT_TRUE(isValidSubject("orders.new"));
    EXPECT_FALSE(isValidSubject("orders.>"));
    EXPECT_FALSE(isValidSubject("two words"));
    const auto time = parseRfc3339("2024-05-01T12:34:56.123456789Z");
    ASSERT_TRUE(time);
    EXPECT_EQ(formatRfc3339(*time), "2024-05-01T12:34:56.123456789Z");
    EXPECT_EQ(parseRfc3339("2024-05-01T14:34:56+02:00"), parseRfc3339("2024-05-01T12:34:56Z"));
    EXPECT_FALSE(parseRfc3339("yesterday"));
    EXPECT_EQ(parseUptime("1d2h3m4s"), 93784U);
    EXPECT_EQ(decodeBase64("aGVsbG8="), "hello");
    EXPECT_FALSE(decodeBase64("***"));
}

}  // namespace
}  // namespace sbx::nats
