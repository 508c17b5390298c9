#include "sbx/bench/amqp_publish_template.h"

#include <gtest/gtest.h>

#include <span>
#include <variant>

#include "sbx/amqp/codec.h"
#include "sbx/amqp/constants.h"
#include "sbx/amqp/content_header.h"
#include "sbx/amqp/frame.h"

namespace sbx::bench {
namespace {

struct Decoded {
    amqp::BasicPublish publish;
    amqp::ContentHeader header;
    std::vector<std::uint8_t> body;
    std::size_t bodyFrames = 0;
    std::size_t frames = 0;
};

// Reads the bytes back with the codec the broker uses.
Decoded decode(std::span<const std::uint8_t> bytes) {
    Decoded out;
    while (!bytes.empty()) {
        const auto peek = amqp::peekFrame(bytes, 0);
        EXPECT_EQ(peek.status, amqp::FrameStatus::Complete);
        if (peek.status != amqp::FrameStatus::Complete) {
            break;
        }
        EXPECT_EQ(peek.frame.channel, 1);
        ++out.frames;
        if (peek.frame.type == amqp::FrameType::Method) {
            auto method = amqp::decodeMethodFrame(peek.frame.payload);
            out.publish = std::get<amqp::BasicPublish>(std::get<amqp::Method>(method));
        } else if (peek.frame.type == amqp::FrameType::Header) {
            out.header =
                std::get<amqp::ContentHeader>(amqp::decodeContentHeader(peek.frame.payload));
        } else if (peek.frame.type == amqp::FrameType::Body) {
            ++out.bodyFrames;
            out.body.insert(out.body.end(), peek.frame.payload.begin(), peek.frame.payload.end());
        }
        bytes = bytes.subspan(peek.frameSize);
    }
    return out;
}

TEST(AmqpPublishTemplate, IsAPublishWithHeaderAndStampedBody) {
    const AmqpPublishTemplate publish(1, "amq.direct", "sbx-bench-1", 100, false,
                                      amqp::kDefaultFrameMax);
    std::vector<std::uint8_t> out;
    const PayloadStamp stamp{123456789, 3, 42};
    publish.appendTo(out, stamp);
    EXPECT_EQ(out.size(), publish.size());

    const auto decoded = decode(out);
    EXPECT_EQ(decoded.frames, 3U);
    EXPECT_EQ(decoded.publish.exchange, "amq.direct");
    EXPECT_EQ(decoded.publish.routingKey, "sbx-bench-1");
    EXPECT_EQ(decoded.header.bodySize, 100U);
    EXPECT_EQ(decoded.header.properties.deliveryMode, 1);
    ASSERT_EQ(decoded.body.size(), 100U);
    EXPECT_EQ(readStamp(decoded.body), stamp);
}

TEST(AmqpPublishTemplate, PersistentLargeBodiesSplitAtFrameMaxAndKeepTheStamp) {
    const AmqpPublishTemplate publish(1, "amq.fanout", "", 10'000, true, amqp::kFrameMinSize);
    std::vector<std::uint8_t> out;
    publish.appendTo(out, PayloadStamp{1, 0, 0});
    publish.appendTo(out, PayloadStamp{2, 0, 1});  // appended, not replacing

    const auto first = decode(std::span(out).first(publish.size()));
    EXPECT_EQ(first.header.properties.deliveryMode, 2);
    EXPECT_EQ(first.bodyFrames, 3U) << "4088 + 4088 + 1824 bytes";
    ASSERT_EQ(first.body.size(), 10'000U);
    EXPECT_EQ(readStamp(first.body)->sequence, 0U);

    const auto second = decode(std::span(out).subspan(publish.size()));
    EXPECT_EQ(readStamp(second.body), (PayloadStamp{2, 0, 1}));
}

}  // namespace
}  // namespace sbx::bench
