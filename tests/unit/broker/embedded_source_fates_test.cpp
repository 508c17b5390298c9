// What happens to AMQP messages the consumers never see: expiry, length limits and
// dead-lettering appear as hop events with the message's ids.
#include "embedded_source_fixture.h"

namespace sbx::broker {
namespace {

using observe::DestinationKind;
using observe::HopKind;
using test_support::HopRecorder;

class EmbeddedSourceFatesTest : public test_support::EmbeddedBrokerTest {
protected:
    // "dlx" (fanout) -> "dead", and `queue` dead-lettering into it with `arguments`.
    void declareWithDeadLetters(const std::string& queue, std::vector<observe::Field> arguments) {
        declare(DestinationKind::Exchange, "dlx", {}, "fanout");
        declare(DestinationKind::Queue, "dead");
        bind("dlx", "dead", "");
        arguments.push_back({"x-dead-letter-exchange", "dlx"});
        arguments.push_back({"x-dead-letter-routing-key", "dead-key"});
        declare(DestinationKind::Queue, queue, std::move(arguments));
    }
    std::uint64_t depth(const std::string& queue) {
        const auto* q = find(snapshot(), "queue://" + queue);
        return q == nullptr ? 0 : q->messagesReady;
    }
};

TEST_F(EmbeddedSourceFatesTest, ExpiredMessageIsDeadLetteredWithItsIdsAndLink) {
    HopRecorder hops(source());
    declareWithDeadLetters("orders", {{"x-message-ttl", "1"}});
    publish("", "orders", "late", {{"message-id", "order-7"}, {"correlation-id", "c-7"}});
    ASSERT_TRUE(waitFor([&] { return depth("dead") == 1; }));
    broker_->hopEvents().flush();

    const auto published = hops.ofKind(HopKind::Published);
    ASSERT_EQ(published.size(), 1U);
    const auto original = published[0].messageId;

    const auto expired = hops.ofKind(HopKind::Expired);
    ASSERT_EQ(expired.size(), 1U);
    EXPECT_EQ(expired[0].messageId, original);
    EXPECT_EQ(expired[0].destination, "orders");
    EXPECT_EQ(expired[0].vhost, "/");
    EXPECT_EQ(expired[0].ids.messageId, "order-7");
    EXPECT_NE(expired[0].detail.find("x-message-ttl"), std::string::npos) << expired[0].detail;

    const auto died = hops.ofKind(HopKind::DeadLettered);
    ASSERT_EQ(died.size(), 1U);
    EXPECT_EQ(died[0].messageId, original);
    EXPECT_EQ(died[0].destination, "orders");
    EXPECT_EQ(died[0].target, "dlx");
    EXPECT_EQ(died[0].routingKey, "dead-key");
    EXPECT_EQ(died[0].detail, "expired");
    EXPECT_EQ(died[0].count, 1U);
    EXPECT_EQ(died[0].ids.messageId, "order-7");
    EXPECT_EQ(died[0].ids.correlationId, "c-7");
    ASSERT_NE(died[0].linkedMessageId, 0U);

    // The dead letter's own trace starts with a Routed hop that points back.
    const auto events = hops.events();
    const auto routed = std::find_if(events.begin(), events.end(), [&](const auto& e) {
        return e.messageId == died[0].linkedMessageId && e.kind == HopKind::Routed;
    });
    ASSERT_NE(routed, events.end());
    EXPECT_EQ(routed->linkedMessageId, original);
    EXPECT_EQ(routed->destination, "dlx");
    EXPECT_EQ(routed->ids.messageId, "order-7");
}

TEST_F(EmbeddedSourceFatesTest, DeadLetterKeepsTheMessageIdProperty) {
    declareWithDeadLetters("orders", {{"x-message-ttl", "1"}});
    publish("", "orders", "late", {{"message-id", "order-8"}, {"correlation-id", "c-8"}});
    ASSERT_TRUE(waitFor([&] { return depth("dead") == 1; }));
    auto letters = source().peek({"queue://dead", 10, ""});
    ASSERT_TRUE(letters.ok()) << letters.error().describe();
    ASSERT_EQ(letters->size(), 1U);
    const auto& props = letters->front().properties;
    EXPECT_NE(std::find(props.begin(), props.end(), observe::Field{"message-id", "order-8"}),
              props.end());
    EXPECT_NE(std::find(props.begin(), props.end(), observe::Field{"correlation-id", "c-8"}),
              props.end());
}

TEST_F(EmbeddedSourceFatesTest, PerMessageExpirationIsNamedAsSuch) {
    HopRecorder hops(source());
    declare(DestinationKind::Queue, "slow");
    publish("", "slow", "soon gone", {{"expiration", "1"}, {"message-id", "m-exp"}});
    ASSERT_TRUE(waitFor([&] {
        broker_->hopEvents().flush();
        return !hops.ofKind(HopKind::Expired).empty();
    }));
    const auto expired = hops.ofKind(HopKind::Expired);
    EXPECT_EQ(expired[0].destination, "slow");
    EXPECT_EQ(expired[0].ids.messageId, "m-exp");
    EXPECT_NE(expired[0].detail.find("per-message expiration"), std::string::npos)
        << expired[0].detail;
    EXPECT_TRUE(hops.ofKind(HopKind::DeadLettered).empty());  // no dead-letter exchange
}

TEST_F(EmbeddedSourceFatesTest, LengthLimitsDropHeadOrRejectThePublish) {
    HopRecorder hops(source());
    declare(DestinationKind::Queue, "head", {{"x-max-length", "1"}});
    declare(DestinationKind::Queue, "strict",
            {{"x-max-length", "1"}, {"x-overflow", "reject-publish"}});
    publish("", "head", "first", {{"message-id", "h-1"}});
    publish("", "head", "second", {{"message-id", "h-2"}});
    publish("", "strict", "kept", {{"message-id", "s-1"}});
    publish("", "strict", "refused", {{"message-id", "s-2"}});
    broker_->hopEvents().flush();

    const auto dropped = hops.ofKind(HopKind::Dropped);
    ASSERT_EQ(dropped.size(), 2U);
    EXPECT_EQ(dropped[0].destination, "head");
    EXPECT_EQ(dropped[0].ids.messageId, "h-1");  // the head goes
    EXPECT_NE(dropped[0].detail.find("drop-head"), std::string::npos) << dropped[0].detail;
    EXPECT_EQ(dropped[1].destination, "strict");
    EXPECT_EQ(dropped[1].ids.messageId, "s-2");  // the newcomer is refused
    EXPECT_NE(dropped[1].detail.find("reject-publish"), std::string::npos) << dropped[1].detail;
    EXPECT_EQ(depth("head"), 1U);
    EXPECT_EQ(depth("strict"), 1U);
}

TEST_F(EmbeddedSourceFatesTest, RejectPublishDlxDeadLettersTheRefusedMessage) {
    HopRecorder hops(source());
    declareWithDeadLetters("strict", {{"x-max-length", "1"}, {"x-overflow", "reject-publish-dlx"}});
    publish("", "strict", "kept");
    publish("", "strict", "refused", {{"message-id", "r-2"}});
    ASSERT_TRUE(waitFor([&] { return depth("dead") == 1; }));
    broker_->hopEvents().flush();
    const auto died = hops.ofKind(HopKind::DeadLettered);
    ASSERT_EQ(died.size(), 1U);
    EXPECT_EQ(died[0].detail, "maxlen");
    EXPECT_EQ(died[0].ids.messageId, "r-2");
    EXPECT_EQ(died[0].target, "dlx");
}

}  // namespace
}  // namespace sbx::broker
