// Browsing a stream reads at an offset: no consumer, no delivery counted.
#include "embedded_source_fixture.h"

namespace sbx::broker {
namespace {

using observe::DestinationKind;

class EmbeddedSourceStreamPeekTest : public test_support::EmbeddedBrokerTest {
protected:
    void SetUp() override {
        EmbeddedBrokerTest::SetUp();
        declare(DestinationKind::Stream, "events");
        for (int i = 0; i < 5; ++i) {
            publish("", "events", "event " + std::to_string(i));
        }
    }
    std::vector<std::string> payloads(const std::string& offset, std::size_t maxCount = 100) {
        auto peeked = source().peek({"queue://events", maxCount, offset});
        EXPECT_TRUE(peeked.ok()) << peeked.error().describe();
        std::vector<std::string> out;
        for (const auto& m : peeked.ok() ? *peeked : std::vector<observe::ObservedMessage>{}) {
            out.push_back(m.payload);
        }
        return out;
    }
};

TEST_F(EmbeddedSourceStreamPeekTest, OffsetsSelectWhereReadingStarts) {
    EXPECT_EQ(payloads("first").size(), 5U);
    EXPECT_EQ(payloads("").size(), 5U);
    EXPECT_EQ(payloads("first", 2), (std::vector<std::string>{"event 0", "event 1"}));
    EXPECT_EQ(payloads("3"), (std::vector<std::string>{"event 3", "event 4"}));
    EXPECT_EQ(payloads("last"), (std::vector<std::string>{"event 4"}));
    EXPECT_TRUE(payloads("next").empty());
    EXPECT_TRUE(payloads("99").empty());
    // A time (ISO 8601 UTC) before the first message reads everything.
    EXPECT_EQ(payloads("2000-01-01T00:00:00Z").size(), 5U);

    auto peeked = source().peek({"queue://events", 1, "4"});
    ASSERT_TRUE(peeked.ok());
    ASSERT_EQ(peeked->size(), 1U);
    EXPECT_EQ(peeked->front().position, 4U);
    EXPECT_NE(peeked->front().time, std::chrono::system_clock::time_point{});
}

TEST_F(EmbeddedSourceStreamPeekTest, PeekingHasNoSideEffects) {
    for (int round = 0; round < 3; ++round) {
        ASSERT_EQ(payloads("first").size(), 5U);
    }
    const auto s = snapshot();
    const auto* stream = find(s, "queue://events");
    ASSERT_NE(stream, nullptr);
    EXPECT_EQ(stream->counters.delivered, 0U);
    EXPECT_EQ(stream->consumers, 0U);
    EXPECT_EQ(stream->messagesUnacked, 0U);
    EXPECT_EQ(stream->messagesReady, 5U);
}

TEST_F(EmbeddedSourceStreamPeekTest, ABadOffsetIsRefused) {
    auto peeked = source().peek({"queue://events", 10, "not-an-offset"});
    EXPECT_FALSE(peeked.ok());
}

}  // namespace
}  // namespace sbx::broker
