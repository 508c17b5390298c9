#include <gtest/gtest.h>

#include "model_test_support.h"
#include "sbx/broker/amqp/stream_offset.h"

namespace sbx::broker::amqp {
namespace {

using namespace test;
using Offsets = std::vector<std::int64_t>;

class StreamTest : public ::testing::Test {
protected:
    StreamTest() : vhost(streamOptions()) {}

    static VirtualHostOptions streamOptions() {
        auto o = options();
        o.streamSegmentMessages = 3;
        return o;
    }

    void declareStream(FieldTable extra = {}) {
        QueueDeclare d;
        d.name = "s";
        d.durable = true;
        d.arguments = std::move(extra);
        d.arguments.set("x-queue-type", FieldValue(std::string("stream")));
        auto ok = vhost.declareQueue(d, kT0);
        ASSERT_TRUE(ok.ok()) << ok.error().text;
    }

    // Publishes messages m0..m(n-1), message i at second i.
    void publishSeconds(int from, int to) {
        for (int i = from; i < to; ++i) {
            publish(vhost, message("", "s", "m" + std::to_string(i)), at(i * 1000));
        }
    }

    Consumer consumeFrom(const FieldValue& offset, std::uint16_t prefetch = 100,
                         TimePoint now = kT0) {
        return consume(vhost, "s", prefetch, 1, "c", now, table({{"x-stream-offset", offset}}));
    }

    static Offsets offsets(const RecordingSink& sink) {
        Offsets out;
        for (const auto& d : sink.deliveries) {
            out.push_back(*d.streamOffset);
        }
        return out;
    }

    VirtualHost vhost;
};

TEST_F(StreamTest, EveryConsumerReadsTheWholeLogFromItsOffset) {
    declareStream();
    publishSeconds(0, 5);
    auto first = consumeFrom(FieldValue(std::string("first")));
    EXPECT_EQ(offsets(*first.sink), (Offsets{0, 1, 2, 3, 4}));
    EXPECT_EQ(first.sink->deliveries[2].message->body, "m2");
    // The logged message itself, not a copy per delivery (the connection's sink adds the
    // x-stream-offset header when it writes the delivery out).
    auto again = consumeFrom(FieldValue(std::string("first")));
    EXPECT_EQ(first.sink->deliveries[2].message, again.sink->deliveries[2].message);

    auto last = consumeFrom(FieldValue(std::string("last")));
    EXPECT_EQ(offsets(*last.sink), Offsets{4});
    auto next = consumeFrom(FieldValue(std::string("next")));
    EXPECT_TRUE(next.sink->deliveries.empty());
    auto numeric = consumeFrom(FieldValue(std::int64_t{3}));
    EXPECT_EQ(offsets(*numeric.sink), (Offsets{3, 4}));
    auto narrow = consumeFrom(FieldValue(std::uint8_t{4}));
    EXPECT_EQ(offsets(*narrow.sink), Offsets{4});
    auto beyond = consumeFrom(FieldValue(std::int64_t{99}));
    EXPECT_TRUE(beyond.sink->deliveries.empty());
    auto stamp = consumeFrom(FieldValue(sbx::amqp::Timestamp{kT0Seconds + 2}));
    EXPECT_EQ(offsets(*stamp.sink), (Offsets{2, 3, 4}));
    // "2s" means two seconds before now (now = second 4): from second 2 on.
    auto interval = consumeFrom(FieldValue(std::string("2s")), 100, at(4000));
    EXPECT_EQ(offsets(*interval.sink), (Offsets{2, 3, 4}));

    publishSeconds(5, 6);
    for (auto* c : {&first, &last, &next, &numeric, &narrow, &beyond, &stamp, &interval}) {
        EXPECT_EQ(c->sink->deliveries.back().streamOffset, 5) << "everyone gets new messages";
    }
    EXPECT_EQ(next.sink->deliveries.size(), 1U);

    auto stats = vhost.findQueue("s")->stats();
    EXPECT_EQ(stats.ready, 6U) << "nothing is removed by consuming";
    ASSERT_TRUE(stats.stream);
    EXPECT_EQ(stats.stream->firstOffset, 0);
    EXPECT_EQ(stats.stream->nextOffset, 6);
    EXPECT_EQ(stats.stream->segments, 2U);
}

TEST_F(StreamTest, DefaultOffsetIsNext) {
    declareStream();
    publishSeconds(0, 2);
    auto c = consume(vhost, "s", 10);
    EXPECT_TRUE(c.sink->deliveries.empty());
    publishSeconds(2, 3);
    EXPECT_EQ(offsets(*c.sink), Offsets{2});
}

TEST_F(StreamTest, PrefetchIsCreditAndAcksReturnItWithoutRemovingMessages) {
    declareStream();
    publishSeconds(0, 5);
    auto c = consumeFrom(FieldValue(std::string("first")), 2);
    EXPECT_EQ(offsets(*c.sink), (Offsets{0, 1}));
    ASSERT_TRUE(c.queue->ack(c.sink->deliveries[0].id, kT0));
    EXPECT_EQ(offsets(*c.sink), (Offsets{0, 1, 2}));
    ASSERT_TRUE(c.queue->reject(c.sink->deliveries[1].id, true, kT0));  // no requeue in streams
    EXPECT_EQ(offsets(*c.sink), (Offsets{0, 1, 2, 3}));
    EXPECT_EQ(vhost.findQueue("s")->stats().ready, 5U);
    // Re-reading: a second consumer on the same channel starts over.
    auto again = consumeFrom(FieldValue(std::string("first")), 10);
    EXPECT_EQ(offsets(*again.sink), (Offsets{0, 1, 2, 3, 4}));
}

TEST_F(StreamTest, StreamConsumersNeedPrefetchAndManualAck) {
    declareStream();
    ConsumeRequest r;
    r.connection = 1;
    r.channel = 1;
    r.sink = std::make_shared<RecordingSink>();
    auto noPrefetch = vhost.consume("s", r, kT0);
    ASSERT_FALSE(noPrefetch.ok());
    EXPECT_EQ(noPrefetch.error().code, ReplyCode::PreconditionFailed);
    EXPECT_EQ(noPrefetch.error().text,
              "PRECONDITION_FAILED - consumer prefetch count is not set for stream queue 's' in "
              "vhost '/'");
    r.prefetch = 10;
    r.noAck = true;
    auto noAck = vhost.consume("s", r, kT0);
    ASSERT_FALSE(noAck.ok());
    EXPECT_EQ(noAck.error().code, ReplyCode::NotImplemented);
    EXPECT_EQ(noAck.error().text,
              "NOT_IMPLEMENTED - automatic acknowledgement not supported by stream queues queue "
              "'s' in vhost '/'");
    auto get = vhost.get("s", 1, 1, false, kT0);
    ASSERT_FALSE(get.ok());
    EXPECT_EQ(get.error().text,
              "NOT_IMPLEMENTED - basic.get not supported by stream queues queue 's' in vhost '/'");
    r.noAck = false;
    r.arguments = table({{"x-stream-offset", FieldValue(std::string("middle"))}});
    auto badOffset = vhost.consume("s", r, kT0);
    ASSERT_FALSE(badOffset.ok());
    EXPECT_EQ(badOffset.error().code, ReplyCode::PreconditionFailed);
}

TEST_F(StreamTest, SizeRetentionDropsWholeOldSegments) {
    declareStream(table({{"x-max-length-bytes", FieldValue(std::int32_t{10})}}));
    // Bodies "m0".."m9" are 2 bytes each; segments hold 3 messages.
    publishSeconds(0, 5);  // 10 bytes, segments [0-2][3-4]
    auto stats = vhost.findQueue("s")->stats();
    EXPECT_EQ(stats.stream->firstOffset, 0);
    publishSeconds(5, 6);  // 12 bytes: the oldest whole segment goes
    stats = vhost.findQueue("s")->stats();
    EXPECT_EQ(stats.stream->firstOffset, 3);
    EXPECT_EQ(stats.ready, 3U);
    EXPECT_EQ(stats.readyBytes, 6U);
    publishSeconds(6, 12);  // never drops the segment being written
    stats = vhost.findQueue("s")->stats();
    EXPECT_EQ(stats.stream->firstOffset, 9);
    EXPECT_EQ(stats.stream->nextOffset, 12);

    auto first = consumeFrom(FieldValue(std::string("first")));
    EXPECT_EQ(offsets(*first.sink), (Offsets{9, 10, 11}));
    auto old = consumeFrom(FieldValue(std::int64_t{1}));
    EXPECT_EQ(offsets(*old.sink), (Offsets{9, 10, 11})) << "clamped to what is retained";
    auto stamp = consumeFrom(FieldValue(sbx::amqp::Timestamp{kT0Seconds}));
    EXPECT_EQ(offsets(*stamp.sink), (Offsets{9, 10, 11}));
}

TEST_F(StreamTest, AgeRetentionDropsSegmentsWhoseNewestMessageIsTooOld) {
    declareStream(table({{"x-max-age", FieldValue(std::string("10s"))}}));
    publishSeconds(0, 7);  // segments [0-2] newest at 2s, [3-5] newest 5s, [6] active
    vhost.tick(at(12'000));
    EXPECT_EQ(vhost.findQueue("s")->stats().stream->firstOffset, 0) << "2s is exactly 10s old";
    vhost.tick(at(12'001));
    EXPECT_EQ(vhost.findQueue("s")->stats().stream->firstOffset, 3);
    vhost.tick(at(100'000));
    auto stats = vhost.findQueue("s")->stats();
    EXPECT_EQ(stats.stream->firstOffset, 6) << "the active segment stays";
    EXPECT_EQ(stats.stream->segments, 1U);
}

TEST_F(StreamTest, ConsumerBehindRetentionSkipsAhead) {
    declareStream(table({{"x-max-length-bytes", FieldValue(std::int32_t{6})}}));
    publishSeconds(0, 3);
    auto c = consumeFrom(FieldValue(std::string("first")), 1);
    EXPECT_EQ(offsets(*c.sink), Offsets{0});
    publishSeconds(3, 7);  // offsets 0-2 and 3-5 are gone
    ASSERT_TRUE(c.queue->ack(c.sink->deliveries[0].id, kT0));
    EXPECT_EQ(offsets(*c.sink), (Offsets{0, 6}));
}

TEST_F(StreamTest, PurgeDoesNothingAndDeleteCountsTheLog) {
    declareStream();
    publishSeconds(0, 4);
    auto purged = vhost.purgeQueue("s", 1);
    ASSERT_TRUE(purged.ok());
    EXPECT_EQ(*purged, 0U);
    auto deleted = vhost.deleteQueue("s", false, false, 1);
    ASSERT_TRUE(deleted.ok());
    EXPECT_EQ(*deleted, 4U);
}

// Segments sized in bytes (x-stream-max-segment-size-bytes), as RabbitMQ cuts them, with
// the message cap out of the way.
class StreamSegmentBytesTest : public ::testing::Test {
protected:
    void declareStream(std::int32_t segmentBytes, FieldTable extra = {}) {
        QueueDeclare d;
        d.name = "s";
        d.durable = true;
        d.arguments = std::move(extra);
        d.arguments.set("x-queue-type", FieldValue(std::string("stream")));
        d.arguments.set("x-stream-max-segment-size-bytes", FieldValue(segmentBytes));
        auto ok = vhost.declareQueue(d, kT0);
        ASSERT_TRUE(ok.ok()) << ok.error().text;
    }

    // One message per body, message i at second i of the run.
    void publishBodies(const std::vector<std::string>& bodies) {
        for (const auto& body : bodies) {
            publish(vhost, message("", "s", body), at(published_ * 1000));
            ++published_;
        }
    }

    QueueStats::Stream streamStats() { return *vhost.findQueue("s")->stats().stream; }

    std::vector<std::string> bodiesFrom(const FieldValue& offset) {
        auto c = consume(vhost, "s", 100, 1, "c", at(published_ * 1000),
                         table({{"x-stream-offset", offset}}));
        std::vector<std::string> bodies;
        for (const auto& d : c.sink->deliveries) {
            EXPECT_EQ(*d.streamOffset,
                      static_cast<std::int64_t>(streamStats().firstOffset + std::ssize(bodies)));
            bodies.push_back(d.message->body);
        }
        return bodies;
    }

    VirtualHost vhost{options()};
    int published_ = 0;
};

TEST_F(StreamSegmentBytesTest, SegmentClosesOnceItReachesItsSizeInBytes) {
    declareStream(10);
    publishBodies({"aaaa", "bbbb"});  // 8 bytes: still one segment
    EXPECT_EQ(streamStats().segments, 1U);
    publishBodies({"cccc"});  // 12 bytes: this write reaches the limit, the segment closes
    EXPECT_EQ(streamStats().segments, 1U);
    publishBodies({"d"});
    EXPECT_EQ(streamStats().segments, 2U);
    publishBodies({std::string(25, 'e')});  // a message larger than a segment shares it
    EXPECT_EQ(streamStats().segments, 2U);
    publishBodies({"f"});  // ...and closes it
    EXPECT_EQ(streamStats().segments, 3U);
}

TEST_F(StreamSegmentBytesTest, TheDefaultSegmentIsFiveHundredMegabytes) {
    QueueDeclare d;
    d.name = "s";
    d.durable = true;
    d.arguments.set("x-queue-type", FieldValue(std::string("stream")));
    ASSERT_TRUE(vhost.declareQueue(d, kT0).ok());
    // 500 x 100 KB = 50 MB, below both the byte limit and the message cap.
    publishBodies(std::vector<std::string>(500, std::string(100'000, 'x')));
    EXPECT_EQ(streamStats().segments, 1U);
}

TEST_F(StreamSegmentBytesTest, SizeRetentionDropsWholeSegmentsOfUnevenLength) {
    declareStream(10, table({{"x-max-length-bytes", FieldValue(std::int32_t{30})}}));
    // Segments: [0: 10 B] [1-5: 2 B each] [6-7: 5 B each] [8...
    publishBodies({std::string(10, 'a'), "b1", "b2", "b3", "b4", "b5", "ccccc", "ddddd"});
    auto stats = streamStats();
    EXPECT_EQ(stats.segments, 3U);
    EXPECT_EQ(stats.firstOffset, 0) << "30 bytes stored, but dropping happens by segment";
    publishBodies({std::string(11, 'e')});  // 41 bytes in 4 segments: two must go
    stats = streamStats();
    EXPECT_EQ(stats.firstOffset, 6);
    EXPECT_EQ(stats.nextOffset, 9);
    EXPECT_EQ(stats.segments, 2U);
    EXPECT_EQ(bodiesFrom(FieldValue(std::string("first"))),
              (std::vector<std::string>{"ccccc", "ddddd", std::string(11, 'e')}));
}

TEST_F(StreamSegmentBytesTest, OffsetsAreFoundInSegmentsOfUnevenLength) {
    declareStream(6);
    // Segments: [0-2] [3] [4-9] [10-11]: found by offset, not by division.
    publishBodies({"m0", "m1", "m2", "m3----", "4", "5", "6", "7", "8", "9", "m10", "m11"});
    EXPECT_EQ(streamStats().segments, 4U);
    for (std::int64_t offset = 0; offset < 12; ++offset) {
        auto c = consume(vhost, "s", 1, 1, "c" + std::to_string(offset), kT0,
                         table({{"x-stream-offset", FieldValue(offset)}}));
        ASSERT_EQ(c.sink->deliveries.size(), 1U) << offset;
        EXPECT_EQ(*c.sink->deliveries[0].streamOffset, offset);
        const std::string expected = offset == 3                  ? "m3----"
                                     : offset >= 4 && offset <= 9 ? std::to_string(offset)
                                                                  : "m" + std::to_string(offset);
        EXPECT_EQ(c.sink->deliveries[0].message->body, expected) << offset;
    }
}

TEST_F(StreamSegmentBytesTest, TimestampsAreFoundInSegmentsOfUnevenLength) {
    declareStream(6);
    publishBodies({"m0", "m1", "m2", "m3----", "4", "5", "6", "7", "8", "9", "m10", "m11"});
    for (int second = 0; second < 12; ++second) {
        auto c = consume(
            vhost, "s", 100, 1, "t" + std::to_string(second), kT0,
            table({{"x-stream-offset", FieldValue(sbx::amqp::Timestamp{
                                           kT0Seconds + static_cast<std::uint64_t>(second)})}}));
        ASSERT_FALSE(c.sink->deliveries.empty()) << second;
        EXPECT_EQ(*c.sink->deliveries.front().streamOffset, second);
        EXPECT_EQ(c.sink->deliveries.size(), static_cast<std::size_t>(12 - second));
    }
    auto future =
        consume(vhost, "s", 100, 1, "future", kT0,
                table({{"x-stream-offset", FieldValue(sbx::amqp::Timestamp{kT0Seconds + 60})}}));
    EXPECT_TRUE(future.sink->deliveries.empty());
}

TEST(StreamOffset, ParsesEveryForm) {
    EXPECT_EQ(parseOffsetSpec(nullptr, kT0)->kind, OffsetSpec::Kind::Next);
    for (auto [word, kind] :
         {std::pair{"first", OffsetSpec::Kind::First}, std::pair{"last", OffsetSpec::Kind::Last},
          std::pair{"next", OffsetSpec::Kind::Next}}) {
        const FieldValue value{std::string(word)};
        EXPECT_EQ(parseOffsetSpec(&value, kT0)->kind, kind) << word;
    }
    const FieldValue number{std::int16_t{42}};
    auto parsed = parseOffsetSpec(&number, kT0);
    EXPECT_EQ(parsed->kind, OffsetSpec::Kind::Offset);
    EXPECT_EQ(parsed->offset, 42);
    const FieldValue stamp{sbx::amqp::Timestamp{kT0Seconds}};
    parsed = parseOffsetSpec(&stamp, at(5000));
    EXPECT_EQ(parsed->kind, OffsetSpec::Kind::Timestamp);
    EXPECT_EQ(parsed->timestamp, kT0);
    const FieldValue interval{std::string("1h")};
    parsed = parseOffsetSpec(&interval, at(3'600'000));
    EXPECT_EQ(parsed->timestamp, kT0);
    const FieldValue bad{true};
    EXPECT_FALSE(parseOffsetSpec(&bad, kT0).ok());
}

TEST_F(StreamTest, RestoredMessagesKeepTheirOffsets) {
    declareStream();
    for (int i = 7; i < 11; ++i) {
        auto restored = message("", "s", "m" + std::to_string(i));
        restored.id = static_cast<std::uint64_t>(i);
        ASSERT_TRUE(vhost.restoreMessage("s", std::move(restored), false, i).ok());
    }
    auto reader = consumeFrom(FieldValue(std::int64_t{9}));
    EXPECT_EQ(offsets(*reader.sink), (Offsets{9, 10}));
    EXPECT_EQ(reader.sink->deliveries[0].message->body, "m9");
    publish(vhost, message("", "s", "m11"), at(1000));
    EXPECT_EQ(offsets(*reader.sink), (Offsets{9, 10, 11}));
    auto first = consumeFrom(FieldValue(std::string("first")));
    EXPECT_EQ(offsets(*first.sink), (Offsets{7, 8, 9, 10, 11}));
}

}  // namespace
}  // namespace sbx::broker::amqp
