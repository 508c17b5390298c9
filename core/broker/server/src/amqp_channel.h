#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "amqp_channel_prefetch.h"
#include "sbx/amqp/content_header.h"
#include "sbx/amqp/methods.h"
#include "sbx/broker/amqp/channel_delivery_tags.h"
#include "sbx/broker/amqp/queue.h"

namespace sbx::broker {

class AmqpConfirmBook;
class AmqpConsumerSink;

// One consumer of a channel, as basic.cancel and channel close need it.
struct AmqpConsumer {
    std::shared_ptr<amqp::Queue> queue;
    amqp::ConsumerId id = 0;
    std::shared_ptr<AmqpConsumerSink> sink;
};

// A publish held back by tx.select until tx.commit.
struct AmqpTxPublish {
    amqp::AmqpMessage message;
    bool mandatory = false;
};

// An ack, nack or reject held back by tx.select until tx.commit.
struct AmqpTxSettle {
    std::uint64_t deliveryTag = 0;
    bool multiple = false;
    bool ack = true;
    bool requeue = false;
};

// The state of one open AMQP channel. Everything but the delivery tags is touched only on
// the connection's strand; the tags are shared with the consumer sinks, which run on
// publishers' threads under a queue's lock, so they have their own mutex (never held
// while calling into a queue).
struct AmqpChannel {
    AmqpChannel(std::uint16_t channelNumber, amqp::ChannelId channelId)
        : number(channelNumber), id(channelId) {}

    const std::uint16_t number;
    const amqp::ChannelId id;  // broker-wide: connection id and channel number
    // channel.close sent, waiting for close-ok: everything else is dropped (§2.3.5.2).
    bool closing = false;

    // Content assembly: basic.publish, then a content header, then body frames.
    std::optional<sbx::amqp::BasicPublish> publishing;
    std::optional<sbx::amqp::ContentHeader> header;
    std::string body;

    // queue.declare's name, for methods that name queue "" (a RabbitMQ convention).
    std::string lastQueue;

    std::uint16_t prefetch = 0;  // basic.qos global=false: each new consumer's limit
    std::map<std::string, AmqpConsumer> consumers;
    std::uint64_t nextConsumerTag = 1;

    bool confirming = false;  // confirm.select
    std::uint64_t publishSequence = 0;
    std::shared_ptr<AmqpConfirmBook> confirms;  // from confirm.select on

    bool transactional = false;  // tx.select
    std::vector<AmqpTxPublish> txPublishes;
    std::vector<AmqpTxSettle> txSettles;

    std::mutex tagsMutex;
    amqp::ChannelDeliveryTags tags;       // guarded by tagsMutex
    AmqpChannelPrefetch channelPrefetch;  // guarded by tagsMutex: basic.qos global=true
    bool closed = false;                  // guarded by tagsMutex: sinks stop delivering
};

}  // namespace sbx::broker
