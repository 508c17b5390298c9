#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "sbx/broker/amqp/amqp_message.h"
#include "sbx/broker/amqp/consumer_sink.h"
#include "sbx/broker/amqp/ids.h"

namespace sbx::broker::amqp {

// basic.consume as the model needs it.
struct ConsumeRequest {
    ConnectionId connection = 0;
    ChannelId channel = 0;
    std::string consumerTag;
    bool noAck = false;
    bool exclusive = false;
    // basic.qos prefetch-count as RabbitMQ applies it (global=false): per consumer,
    // 0 = unlimited. Ignored for no-ack consumers.
    std::uint16_t prefetch = 0;
    FieldTable arguments;  // x-stream-offset for streams
    std::shared_ptr<ConsumerSink> sink;
};

}  // namespace sbx::broker::amqp
