#include "sbx/inspect/message_export.h"

#include <gtest/gtest.h>

namespace sbx::inspect {
namespace {

using observe::ObservedMessage;

std::vector<ObservedMessage> sample() {
    ObservedMessage json;
    json.destinationId = "queue://orders";
    json.exchange = "shop";
    json.routingKey = "orders.created";
    json.payload = "{\"id\": 7, \"note\": \"a \\\"quoted\\\", comma\"}";
    json.properties = {{"content-type", "application/json"}, {"correlation-id", "c-1"}};
    json.headers = {{"tenant", "ACME"}};
    json.time = std::chrono::system_clock::time_point(std::chrono::milliseconds(1714557600123));
    ObservedMessage binary;
    binary.destinationId = "topic:sensors/cam";
    binary.routingKey = "sensors/cam";
    binary.payload = std::string("\x89PNG\r\n\x1a\n\0\xff", 10);
    binary.properties = {{"qos", "1"}};
    binary.time = std::chrono::system_clock::time_point(std::chrono::milliseconds(1714557601000));
    ObservedMessage multiline;
    multiline.destinationId = "queue:dev/a/b";
    multiline.routingKey = "a.b";
    multiline.payload = "line 1\r\nline 2,\"x\"\n";
    multiline.time = binary.time;
    return {json, binary, multiline};
}

void expectSame(const std::vector<ObservedMessage>& a, const std::vector<ObservedMessage>& b) {
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].destinationId, b[i].destinationId) << i;
        EXPECT_EQ(a[i].exchange, b[i].exchange) << i;
        EXPECT_EQ(a[i].routingKey, b[i].routingKey) << i;
        EXPECT_EQ(a[i].payload, b[i].payload) << i;
        EXPECT_EQ(a[i].time, b[i].time) << i;
        auto sorted = [](std::vector<observe::Field> f) {
            std::sort(f.begin(), f.end(), [](auto& x, auto& y) { return x.name < y.name; });
            return f;
        };
        EXPECT_EQ(sorted(a[i].properties), sorted(b[i].properties)) << i;
        EXPECT_EQ(sorted(a[i].headers), sorted(b[i].headers)) << i;
    }
}

TEST(MessageExport, JsonLinesRoundTripKeepsEveryByte) {
    const auto text = toJsonLines(sample());
    EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 3);
    EXPECT_NE(text.find("\"payload_base64\""), std::string::npos);
    EXPECT_NE(text.find("\"time\":\"2024-05-01T10:00:00.123Z\""), std::string::npos);
    const auto back = fromJsonLines(text);
    ASSERT_TRUE(back.ok()) << back.error().message;
    expectSame(sample(), back.value());
}

TEST(MessageExport, CsvRoundTripKeepsEveryByte) {
    const auto text = toCsv(sample());
    EXPECT_TRUE(text.starts_with(
        "time,destination,exchange,routing_key,properties,headers,payload_encoding,payload\r\n"));
    const auto back = fromCsv(text);
    ASSERT_TRUE(back.ok()) << back.error().message;
    expectSame(sample(), back.value());
}

TEST(MessageExport, JsonLinesErrorsNameTheLine) {
    const auto result = fromJsonLines("{\"payload\":\"a\"}\n\nnot json\n");
    ASSERT_FALSE(result.ok());
    EXPECT_NE(result.error().message.find("line 3"), std::string::npos);
    EXPECT_FALSE(fromJsonLines("{\"payload_base64\":\"!!\"}").ok());
    EXPECT_FALSE(fromJsonLines("{\"time\":\"yesterday\"}").ok());
}

TEST(MessageExport, CsvNeedsItsHeaderAndColumns) {
    EXPECT_FALSE(fromCsv("a,b\r\n1,2\r\n").ok());
    EXPECT_FALSE(fromCsv(toCsv({}) + "\"x\",\"y\"\r\n").ok());
    EXPECT_FALSE(fromCsv(toCsv({}) + "\"unclosed").ok());
    const auto empty = fromCsv(toCsv({}));
    ASSERT_TRUE(empty.ok());
    EXPECT_TRUE(empty->empty());
}

TEST(MessageExport, Base64MatchesRfc4648Vectors) {
    EXPECT_EQ(base64Encode(""), "");
    EXPECT_EQ(base64Encode("f"), "Zg==");
    EXPECT_EQ(base64Encode("fo"), "Zm8=");
    EXPECT_EQ(base64Encode("foobar"), "Zm9vYmFy");
    EXPECT_EQ(base64Decode("Zm9vYg==").value(), "foob");
}

TEST(MessageExport, RepublishKeepsRoutingAndProtocol) {
    const auto messages = sample();
    const auto amqp = republishRequest(messages[0]);
    EXPECT_EQ(amqp.protocol, "amqp");
    EXPECT_EQ(amqp.vhost, "/");
    EXPECT_EQ(amqp.exchange, "shop");
    EXPECT_EQ(amqp.routingKey, "orders.created");
    EXPECT_EQ(amqp.properties, messages[0].properties);
    EXPECT_EQ(amqp.headers, messages[0].headers);
    const auto mqtt = republishRequest(messages[1]);
    EXPECT_EQ(mqtt.protocol, "mqtt");
    EXPECT_EQ(mqtt.routingKey, "sensors/cam");
    EXPECT_EQ(mqtt.qos, 1);
    EXPECT_TRUE(mqtt.properties.empty());
    EXPECT_EQ(republishRequest(messages[2]).vhost, "dev");
}

TEST(MessageExport, TimesAreUtcWithMilliseconds) {
    const auto t = parseTime("2024-05-01T10:00:00.5Z");
    ASSERT_TRUE(t.ok());
    EXPECT_EQ(formatTime(t.value()), "2024-05-01T10:00:00.500Z");
    EXPECT_FALSE(parseTime("2024-05-01T10:00:00+02:00").ok());
}

}  // namespace
}  // namespace sbx::inspect
