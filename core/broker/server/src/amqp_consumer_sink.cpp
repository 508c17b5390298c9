#include "amqp_consumer_sink.h"

#include <optional>

#include "amqp_channel.h"
#include "client_directory.h"
#include "connection_io.h"
#include "hop_recording.h"
#include "sbx/amqp/codec.h"
#include "sbx/amqp/content_header.h"
#include "sbx/amqp/frame.h"
#include "sbx/broker/broker_stats.h"

namespace sbx::broker {

namespace wire = sbx::amqp;

AmqpConsumerSink::AmqpConsumerSink(std::shared_ptr<AmqpChannel> channel,
                                   std::weak_ptr<ConnectionIo> io, std::uint32_t frameMax,
                                   bool noAck, BrokerCounters& counters,
                                   std::size_t maxOutboundBytes)
    : channel_(std::move(channel)),
      io_(std::move(io)),
      frameMax_(frameMax),
      noAck_(noAck),
      counters_(counters),
      maxOutboundBytes_(maxOutboundBytes) {}

void AmqpConsumerSink::observeAs(BrokerContext& context, std::shared_ptr<ClientEntry> client,
                                 std::string vhost) {
    context_ = &context;
    client_ = std::move(client);
    vhost_ = std::move(vhost);
}

void AmqpConsumerSink::activate(std::weak_ptr<amqp::Queue> queue) {
    queue_ = std::move(queue);
    active_.store(true, std::memory_order_release);
}

bool AmqpConsumerSink::deliver(const amqp::Delivery& delivery) {
    if (!active_.load(std::memory_order_acquire)) {
        return false;
    }
    auto io = io_.lock();
    if (!io) {
        return false;
    }
    // A consumer whose socket cannot keep up waits in its queue, not in our memory (no-ack
    // and prefetch 0 consumers have no other limit).
    if (io->pendingBytes() > maxOutboundBytes_) {
        throttled_.store(true);
        return false;
    }
    // Held while writing, so delivery tags reach the wire in the order they were issued.
    std::lock_guard lock(channel_->tagsMutex);
    if (channel_->closed) {
        return false;
    }
    const bool acknowledged = !noAck_ && delivery.id != 0;
    if (acknowledged && channel_->channelPrefetch.full()) {
        channelLimited_.store(true);
        return false;
    }
    std::uint64_t tag = 0;
    if (noAck_ || delivery.id == 0) {
        // No-ack deliveries still take the channel's next tag, as the spec numbers them.
        tag = channel_->tags.record(nullptr, 0);
        static_cast<void>(channel_->tags.take(tag, false));
    } else {
        tag = channel_->tags.record(queue_.lock(), delivery.id, delivery.message->id);
        channel_->channelPrefetch.consumerDelivered();
    }
    const auto& message = *delivery.message;
    // Streams share the logged message: only its properties are copied, to add the offset
    // header RabbitMQ sends with each stream delivery.
    std::optional<wire::BasicProperties> withOffset;
    if (delivery.streamOffset) {
        withOffset = message.properties;
        if (!withOffset->headers) {
            withOffset->headers.emplace();
        }
        withOffset->headers->set("x-stream-offset", wire::FieldValue(*delivery.streamOffset));
    }
    const wire::BasicProperties& properties = withOffset ? *withOffset : message.properties;
    const auto number = channel_->number;
    const auto frameMax = frameMax_;
    const wire::BasicDeliver deliver{delivery.consumerTag, tag, delivery.redelivered,
                                     message.exchange, message.routingKey};
    std::size_t bytes = 0;
    const bool written = io->write([&](std::vector<std::uint8_t>& out) {
        const auto before = out.size();
        wire::encodeMethodFrame(number, deliver, out);
        wire::encodeContentHeaderFrame(number, message.body.size(), properties, out);
        wire::encodeBodyFrames(number,
                               std::span(reinterpret_cast<const std::uint8_t*>(message.body.data()),
                                         message.body.size()),
                               frameMax, out);
        bytes = out.size() - before;
    });
    if (written) {
        BrokerCounters::add(counters_.messagesSent);
        BrokerCounters::add(counters_.bytesSent, bytes);
        if (client_) {
            ClientEntry::add(client_->messagesOut);
            ClientEntry::add(client_->bytesOut, bytes);
        }
        if (context_ != nullptr) {
            recordAmqpHop(*context_, observe::HopKind::Delivered, vhost_, message.id,
                          client_ ? client_->identity().name : std::string(), delivery.queue,
                          message.routingKey);
        }
    }
    return written;
}

void AmqpConsumerSink::cancelledByBroker(const std::string& consumerTag) {
    active_.store(false, std::memory_order_release);
    auto io = io_.lock();
    if (!io) {
        return;
    }
    std::lock_guard lock(channel_->tagsMutex);
    if (channel_->closed) {
        return;
    }
    const auto number = channel_->number;
    io->write([&](std::vector<std::uint8_t>& out) {
        wire::encodeMethodFrame(number, wire::BasicCancel{consumerTag, true}, out);
    });
}

}  // namespace sbx::broker
