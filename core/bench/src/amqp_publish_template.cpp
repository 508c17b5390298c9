#include "sbx/bench/amqp_publish_template.h"

#include <span>

#include "sbx/amqp/codec.h"
#include "sbx/amqp/constants.h"
#include "sbx/amqp/content_header.h"
#include "sbx/amqp/frame.h"

namespace sbx::bench {

AmqpPublishTemplate::AmqpPublishTemplate(std::uint16_t channel, const std::string& exchange,
                                         const std::string& routingKey, std::size_t payloadSize,
                                         bool persistent, std::uint32_t frameMax) {
    amqp::BasicPublish publish;
    publish.exchange = exchange;
    publish.routingKey = routingKey;
    amqp::encodeMethodFrame(channel, publish, bytes_);

    amqp::BasicProperties properties;
    properties.deliveryMode = persistent ? 2 : 1;
    amqp::encodeContentHeaderFrame(channel, payloadSize, properties, bytes_);

    // Every frame-max is at least 4096 bytes, so the stamp lies in the first body frame.
    payloadOffset_ = bytes_.size() + amqp::kFrameHeaderSize;
    const std::vector<std::uint8_t> body(payloadSize, 0);
    amqp::encodeBodyFrames(channel, body, frameMax, bytes_);
}

void AmqpPublishTemplate::appendTo(std::vector<std::uint8_t>& out,
                                   const PayloadStamp& stamp) const {
    const auto start = out.size();
    out.insert(out.end(), bytes_.begin(), bytes_.end());
    writeStamp(stamp,
               std::span<std::uint8_t>(out.data() + start + payloadOffset_, kPayloadStampSize));
}

}  // namespace sbx::bench
