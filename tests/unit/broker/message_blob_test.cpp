#include "message_blob.h"

#include <gtest/gtest.h>

namespace sbx::broker {
namespace {

Message fullMessage() {
    Message m;
    m.topic = "shop/orders/created";
    m.payload = std::string("\0\1binary\xff", 9);
    m.qos = 2;
    m.retain = true;
    m.payloadFormat = 0;
    m.contentType = "application/json";
    m.responseTopic = "shop/replies";
    m.correlationData = std::string("\0corr", 5);
    m.userProperties = {{"a", "1"}, {"a", "2"}, {"trace", "00-abc-def-01"}};
    m.expiresAt = std::chrono::system_clock::time_point(std::chrono::milliseconds(1700000000123));
    m.id = 42;
    m.receivedAt = std::chrono::system_clock::time_point(std::chrono::milliseconds(1700000000000));
    m.publisherClientId = "orders-service";
    return m;
}

void expectSame(const Message& a, const Message& b) {
    EXPECT_EQ(a.topic, b.topic);
    EXPECT_EQ(a.payload, b.payload);
    EXPECT_EQ(a.qos, b.qos);
    EXPECT_EQ(a.retain, b.retain);
    EXPECT_EQ(a.payloadFormat, b.payloadFormat);
    EXPECT_EQ(a.contentType, b.contentType);
    EXPECT_EQ(a.responseTopic, b.responseTopic);
    EXPECT_EQ(a.correlationData, b.correlationData);
    EXPECT_EQ(a.userProperties, b.userProperties);
    EXPECT_EQ(a.expiresAt, b.expiresAt);
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.receivedAt, b.receivedAt);
    EXPECT_EQ(a.publisherClientId, b.publisherClientId);
}

TEST(MessageBlob, RoundTripsEveryField) {
    const auto message = fullMessage();
    auto decoded = decodeMessageBlob(encodeMessageBlob(message));
    ASSERT_TRUE(decoded.has_value());
    expectSame(*decoded, message);

    Message minimal;
    minimal.topic = "t";
    auto decodedMinimal = decodeMessageBlob(encodeMessageBlob(minimal));
    ASSERT_TRUE(decodedMinimal.has_value());
    expectSame(*decodedMinimal, minimal);
}

TEST(MessageBlob, QueuedEntryKeepsDeliveryDetails) {
    OutboundMessage entry{std::make_shared<const Message>(fullMessage()), 1, true, {7, 9}, 0};
    auto decoded = decodeQueuedBlob(encodeQueuedBlob(entry));
    ASSERT_TRUE(decoded.has_value());
    EXPECT_EQ(decoded->qos, 1);
    EXPECT_TRUE(decoded->retainFlag);
    EXPECT_EQ(decoded->subscriptionIds, (std::vector<std::uint32_t>{7, 9}));
    expectSame(*decoded->message, *entry.message);
}

TEST(MessageBlob, RejectsEveryTruncationAndTrailingBytes) {
    const auto blob = encodeMessageBlob(fullMessage());
    for (std::size_t size = 0; size < blob.size(); ++size) {
        EXPECT_FALSE(decodeMessageBlob(std::string_view(blob).substr(0, size)).has_value()) << size;
    }
    EXPECT_FALSE(decodeMessageBlob(blob + "x").has_value());
    auto wrongVersion = blob;
    wrongVersion[0] = 9;
    EXPECT_FALSE(decodeMessageBlob(wrongVersion).has_value());
}

}  // namespace
}  // namespace sbx::broker
