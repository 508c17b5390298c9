#include "session_record.h"

#include <gtest/gtest.h>

namespace sbx::broker {
namespace {

TEST(SessionRecord, RoundTripsSubscriptionsAndExpiry) {
    SessionRecord record;
    record.expiryInterval = 3600;
    SessionSubscription plain{"a/+/c", "", {1, true, true, 2, 17}};
    SessionSubscription shared{"jobs/#", "workers", {2, false, false, 0, std::nullopt}};
    record.subscriptions = {plain, shared};
    auto decoded = decodeSessionRecord(encodeSessionRecord(record));
    ASSERT_TRUE(decoded.has_value());
    EXPECT_EQ(decoded->expiryInterval, 3600U);
    ASSERT_EQ(decoded->subscriptions.size(), 2U);
    const auto& a = decoded->subscriptions[0];
    EXPECT_EQ(a.filter, "a/+/c");
    EXPECT_EQ(a.options.maxQos, 1);
    EXPECT_TRUE(a.options.noLocal);
    EXPECT_TRUE(a.options.retainAsPublished);
    EXPECT_EQ(a.options.retainHandling, 2);
    EXPECT_EQ(a.options.subscriptionId, std::optional<std::uint32_t>(17));
    EXPECT_EQ(decoded->subscriptions[1].shareGroup, "workers");
    EXPECT_FALSE(decoded->subscriptions[1].options.subscriptionId.has_value());
}

TEST(SessionRecord, RejectsGarbage) {
    EXPECT_FALSE(decodeSessionRecord("not json").has_value());
    EXPECT_FALSE(decodeSessionRecord(R"({"subscriptions": []})").has_value());
    EXPECT_FALSE(
        decodeSessionRecord(R"({"expiry": 1, "subscriptions": [{"qos": 1}]})").has_value());
}

}  // namespace
}  // namespace sbx::broker
