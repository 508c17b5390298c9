#include <gtest/gtest.h>

#include "model_test_support.h"
#include "sbx/broker/amqp/channel_delivery_tags.h"

namespace sbx::broker::amqp {
namespace {

std::vector<DeliveryId> ids(const std::vector<PendingDelivery>& pending) {
    std::vector<DeliveryId> out;
    for (const auto& p : pending) {
        out.push_back(p.id);
    }
    return out;
}

TEST(ChannelDeliveryTags, TagsCountFromOne) {
    ChannelDeliveryTags tags;
    EXPECT_EQ(tags.record(nullptr, 10), 1U);
    EXPECT_EQ(tags.record(nullptr, 11), 2U);
}

TEST(ChannelDeliveryTags, SingleAndMultiple) {
    ChannelDeliveryTags tags;
    for (DeliveryId id = 100; id < 105; ++id) {
        tags.record(nullptr, id);  // tags 1..5
    }
    auto one = tags.take(3, false);
    ASSERT_TRUE(one.ok());
    EXPECT_EQ(ids(*one), std::vector<DeliveryId>{102});
    auto upTo = tags.take(4, true);
    ASSERT_TRUE(upTo.ok());
    EXPECT_EQ(ids(*upTo), (std::vector<DeliveryId>{100, 101, 103}));
    EXPECT_EQ(tags.outstanding(), 1U);
}

TEST(ChannelDeliveryTags, UnknownTagsAreA406LikeRabbitMq) {
    ChannelDeliveryTags tags;
    tags.record(nullptr, 1);
    tags.record(nullptr, 2);
    ASSERT_TRUE(tags.take(1, false).ok());
    auto again = tags.take(1, false);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, ReplyCode::PreconditionFailed);
    EXPECT_EQ(again.error().text, "PRECONDITION_FAILED - unknown delivery tag 1");
    auto multipleUnknown = tags.take(7, true);
    ASSERT_FALSE(multipleUnknown.ok());
    EXPECT_EQ(multipleUnknown.error().text, "PRECONDITION_FAILED - unknown delivery tag 7");
    EXPECT_EQ(tags.outstanding(), 1U) << "a refused ack takes nothing";
    EXPECT_EQ(tags.take(0, false).error().text, "PRECONDITION_FAILED - unknown delivery tag 0");
}

TEST(ChannelDeliveryTags, ZeroWithMultipleTakesEverything) {
    ChannelDeliveryTags tags;
    tags.record(nullptr, 5);
    tags.record(nullptr, 6);
    auto all = tags.take(0, true);
    ASSERT_TRUE(all.ok());
    EXPECT_EQ(ids(*all), (std::vector<DeliveryId>{5, 6}));
    EXPECT_EQ(tags.outstanding(), 0U);
    tags.record(nullptr, 7);
    EXPECT_EQ(ids(tags.takeAll()), std::vector<DeliveryId>{7});
}

TEST(ReplyCodes, NamesAndSeverity) {
    EXPECT_EQ(replyName(ReplyCode::NotFound), "NOT_FOUND");
    EXPECT_EQ(replyName(ReplyCode::ResourceLocked), "RESOURCE_LOCKED");
    EXPECT_EQ(static_cast<int>(ReplyCode::PreconditionFailed), 406);
    EXPECT_FALSE(closesConnection(ReplyCode::AccessRefused));
    EXPECT_TRUE(closesConnection(ReplyCode::NotAllowed));
    const auto error = AmqpError::make(ReplyCode::NotFound, "no queue 'q' in vhost '/'");
    EXPECT_EQ(error.text, "NOT_FOUND - no queue 'q' in vhost '/'");
    EXPECT_EQ(error.toError().code, ErrorCode::NotFound);
    EXPECT_EQ(error.toError().message, error.text);
}

}  // namespace
}  // namespace sbx::broker::amqp
