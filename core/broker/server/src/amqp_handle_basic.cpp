// basic.* (AMQP 0-9-1 §1.8.2 with RabbitMQ's basic.nack): qos, consume, cancel, publish,
// get, ack/nack/reject, recover.
#include "amqp_consumer_sink.h"
#include "amqp_protocol.h"
#include "amqp_store_hooks.h"
#include "broker_context.h"
#include "client_directory.h"
#include "connection_io.h"
#include "hop_recording.h"
#include "protocol_bridge.h"
#include "sbx/amqp/codec.h"
#include "sbx/amqp/content_header.h"
#include "sbx/amqp/frame.h"

namespace sbx::broker {

namespace wire = sbx::amqp;

namespace {

// RabbitMQ's default max_message_size.
constexpr std::uint64_t kMaxMessageSize = std::uint64_t{128} * 1024 * 1024;

}  // namespace

AmqpProtocol::Status AmqpProtocol::handleQos(AmqpChannel& channel, const wire::BasicQos& m) {
    if (m.prefetchSize != 0) {
        return amqp::AmqpError::make(amqp::ReplyCode::NotImplemented,
                                     "prefetch_size!=0 (" + std::to_string(m.prefetchSize) + ")");
    }
    if (m.global) {
        // Shared by the channel's consumers, those already running included.
        {
            std::lock_guard lock(channel.tagsMutex);
            channel.channelPrefetch.setLimit(m.prefetchCount);
        }
        resumeChannelLimited(channel);
    } else {
        // RabbitMQ's per_consumer_qos: the limit applies to each consumer started after it.
        channel.prefetch = m.prefetchCount;
    }
    send(channel.number, wire::BasicQosOk{});
    return {};
}

void AmqpProtocol::resumeChannelLimited(AmqpChannel& channel) {
    {
        std::lock_guard lock(channel.tagsMutex);
        if (channel.channelPrefetch.full()) {
            return;
        }
    }
    const auto at = now();
    for (auto& [tag, consumer] : channel.consumers) {
        if (consumer.sink->takeChannelLimited()) {
            consumer.queue->resume(consumer.id, at);
        }
    }
}

AmqpProtocol::Status AmqpProtocol::handleConsume(AmqpChannel& channel,
                                                 const wire::BasicConsume& m) {
    auto queue = queueName(channel, m.queue);
    if (!queue) {
        return queue.error();
    }
    if (auto access = checkAccess(AmqpPermission::Read, "queue", *queue); !access) {
        return access;
    }
    std::string tag = m.consumerTag;
    if (tag.empty()) {
        tag = "amq.ctag-" + std::to_string(connectionId_) + "-" + std::to_string(channel.number) +
              "-" + std::to_string(channel.nextConsumerTag++);
    }
    if (channel.consumers.contains(tag)) {
        return amqp::AmqpError::make(amqp::ReplyCode::NotAllowed,
                                     "attempt to reuse consumer tag '" + tag + "'");
    }
    auto sink = std::make_shared<AmqpConsumerSink>(channels_.at(channel.number), io_, frameMax_,
                                                   m.noAck, context_.counters,
                                                   context_.config.limits.maxOutboundBytes);
    amqp::ConsumeRequest request;
    request.connection = connectionId_;
    request.channel = channel.id;
    request.consumerTag = tag;
    request.noAck = m.noAck;
    request.exclusive = m.exclusive;
    request.prefetch = channel.prefetch;
    request.arguments = m.arguments;
    request.sink = sink;
    const auto at = now();
    auto consumed = vhost_->consume(*queue, std::move(request), at);
    if (!consumed) {
        return consumed.error();
    }
    channel.consumers[tag] = AmqpConsumer{consumed->queue, consumed->consumer, sink};
    sink->observeAs(context_, clientEntry_, vhost_->name());
    if (clientEntry_) {
        clientEntry_->consumerAdded(
            channel.number, observe::ClientSubscription{"queue:" + vhost_->name() + "/" + *queue,
                                                        tag, 0, channel.prefetch, m.noAck});
    }
    if (!m.noWait) {
        send(channel.number, wire::BasicConsumeOk{tag});
    }
    // Only now may deliveries follow consume-ok.
    sink->activate(consumed->queue);
    consumed->queue->resume(consumed->consumer, at);
    return {};
}

AmqpProtocol::Status AmqpProtocol::handleCancel(AmqpChannel& channel, const wire::BasicCancel& m) {
    auto found = channel.consumers.find(m.consumerTag);
    if (found != channel.consumers.end()) {
        found->second.queue->cancel(found->second.id, now());
        channel.consumers.erase(found);
        if (clientEntry_) {
            clientEntry_->consumerRemoved(channel.number, m.consumerTag);
        }
    }
    // An unknown tag is not an error (the broker may have cancelled it already).
    if (!m.noWait) {
        send(channel.number, wire::BasicCancelOk{m.consumerTag});
    }
    return {};
}

AmqpProtocol::Status AmqpProtocol::handleGet(AmqpChannel& channel, const wire::BasicGet& m) {
    auto queue = queueName(channel, m.queue);
    if (!queue) {
        return queue.error();
    }
    if (auto access = checkAccess(AmqpPermission::Read, "queue", *queue); !access) {
        return access;
    }
    auto got = vhost_->get(*queue, connectionId_, channel.id, m.noAck, now());
    if (!got) {
        return got.error();
    }
    if (!got->has_value()) {
        send(channel.number, wire::BasicGetEmpty{});
        return {};
    }
    const auto& delivery = **got;
    // Looked up before taking the tags' lock: deleting a queue holds the vhost's lock
    // while the queue's sinks take that channel's tags lock.
    auto source = delivery.id == 0 ? nullptr : vhost_->findQueue(*queue);
    std::lock_guard lock(channel.tagsMutex);
    std::uint64_t tag = 0;
    if (m.noAck || delivery.id == 0) {
        tag = channel.tags.record(nullptr, 0);
        static_cast<void>(channel.tags.take(tag, false));
    } else {
        tag = channel.tags.record(std::move(source), delivery.id, delivery.message->id);
        channel.channelPrefetch.getDelivered(tag);
    }
    const auto& message = *delivery.message;
    recordAmqpHop(context_, observe::HopKind::Delivered, vhost_->name(), message.id, clientName(),
                  *queue, message.routingKey, "basic.get");
    sendContent(channel.number,
                wire::BasicGetOk{tag, delivery.redelivered, message.exchange, message.routingKey,
                                 delivery.messageCount},
                message);
    BrokerCounters::add(context_.counters.messagesSent);
    return {};
}

AmqpProtocol::Status AmqpProtocol::handleSettle(AmqpChannel& channel, const AmqpTxSettle& s) {
    if (channel.transactional) {
        channel.txSettles.push_back(s);
        return {};
    }
    return settle(channel, s);
}

AmqpProtocol::Status AmqpProtocol::settle(AmqpChannel& channel, const AmqpTxSettle& s) {
    amqp::AmqpResult<std::vector<amqp::PendingDelivery>> taken{
        std::vector<amqp::PendingDelivery>{}};
    {
        // Not held while calling into queues: sinks take it under a queue's lock.
        std::lock_guard lock(channel.tagsMutex);
        taken = channel.tags.take(s.deliveryTag, s.multiple);
        if (taken) {
            channel.channelPrefetch.settled(s.deliveryTag, s.multiple, taken->size());
        }
    }
    if (!taken) {
        return taken.error();
    }
    const auto at = now();
    // The settlement's hop carries the time it began: a reject dead-letters (and may
    // deliver the dead letter) before it returns, and the trace must read nacked first.
    const auto settledAt = context_.hops.active() ? std::chrono::system_clock::now()
                                                  : std::chrono::system_clock::time_point{};
    for (const auto& pending : *taken) {
        if (!pending.queue) {
            continue;
        }
        bool settled = false;
        if (s.ack) {
            settled = pending.queue->ack(pending.id, at);
        } else {
            settled = pending.queue->reject(pending.id, s.requeue, at);
        }
        if (settled) {
            const auto kind = s.ack       ? observe::HopKind::Acked
                              : s.requeue ? observe::HopKind::Requeued
                                          : observe::HopKind::Nacked;
            recordAmqpHop(context_, kind, vhost_->name(), pending.messageId, clientName(),
                          pending.queue->name(), {}, {}, settledAt);
        }
    }
    resumeChannelLimited(channel);
    return {};
}

AmqpProtocol::Status AmqpProtocol::handleRecover(AmqpChannel& channel, bool /*requeue*/) {
    // RabbitMQ requeues either way: the messages go back to the queue, marked
    // redelivered, and reach whichever consumer is next.
    std::vector<amqp::PendingDelivery> pending;
    {
        std::lock_guard lock(channel.tagsMutex);
        pending = channel.tags.takeAll();
        channel.channelPrefetch.clear();
    }
    const auto at = now();
    for (const auto& delivery : pending) {
        if (delivery.queue) {
            static_cast<void>(delivery.queue->reject(delivery.id, true, at));
        }
    }
    resumeChannelLimited(channel);
    return {};
}

AmqpProtocol::Status AmqpProtocol::handlePublishStart(AmqpChannel& channel,
                                                      const wire::BasicPublish& m) {
    channel.publishing = m;
    channel.header.reset();
    channel.body.clear();
    return {};
}

AmqpProtocol::Status AmqpProtocol::finishPublish(AmqpChannel& channel) {
    amqp::AmqpMessage message;
    message.exchange = channel.publishing->exchange;
    message.routingKey = channel.publishing->routingKey;
    message.properties = std::move(channel.header->properties);
    message.body = std::move(channel.body);
    const bool mandatory = channel.publishing->mandatory;
    const auto bodySize = channel.header->bodySize;
    channel.publishing.reset();
    channel.header.reset();
    channel.body = {};
    BrokerCounters::add(context_.counters.messagesReceived);
    if (bodySize > kMaxMessageSize) {
        return amqp::AmqpError::make(amqp::ReplyCode::PreconditionFailed,
                                     "message size " + std::to_string(bodySize) +
                                         " is larger than configured max size " +
                                         std::to_string(kMaxMessageSize));
    }
    // RabbitMQ's name for the default exchange in permissions.
    const auto exchange = message.exchange.empty() ? std::string("amq.default") : message.exchange;
    if (auto access = checkAccess(AmqpPermission::Write, "exchange", exchange); !access) {
        return access;
    }
    if (message.properties.userId && *message.properties.userId != user_) {
        return amqp::AmqpError::make(amqp::ReplyCode::PreconditionFailed,
                                     "user_id property set to '" + *message.properties.userId +
                                         "' but authenticated user was '" + user_ + "'");
    }
    if (channel.transactional) {
        channel.txPublishes.push_back(AmqpTxPublish{std::move(message), mandatory});
        return {};
    }
    return publish(channel, std::move(message), mandatory);
}

AmqpProtocol::Status AmqpProtocol::publish(AmqpChannel& channel, amqp::AmqpMessage message,
                                           bool mandatory) {
    std::optional<PendingReply> pending;
    if (channel.confirming) {
        ++channel.publishSequence;
        pending = pendingConfirm(channel);
    }
    std::optional<amqp::AmqpMessage> kept;
    const bool bridged = message.exchange == "amq.topic";
    if (mandatory || bridged || context_.hops.active()) {
        kept = message;
    }
    amqp::AmqpResult<amqp::PublishResult> published = amqp::PublishResult{};
    const auto publishedAt = std::chrono::system_clock::now();
    {
        std::optional<AmqpStoreWait> wait;
        if (pending) {
            wait.emplace(pending->barrier);
        }
        published = vhost_->publish(std::move(message), now());
    }
    if (!published) {
        if (pending) {
            pending->finish(PendingReply::kNone);  // the channel closes instead
        }
        return published.error();
    }
    const std::size_t mqttSubscribers =
        bridged ? bridgeAmqpToMqtt(context_, vhost_->name(), *kept) : 0;
    if (clientEntry_) {
        ClientEntry::add(clientEntry_->messagesIn);
    }
    if (kept) {
        recordAmqpPublish(context_, vhost_->name(), *kept, *published, clientName(), mandatory,
                          publishedAt);
    }
    // MQTT subscribers reached over the bridge count as a route: RabbitMQ's MQTT plugin
    // binds a queue per subscriber, so such a publish is routed there too.
    const auto& returnable = mandatory ? kept : std::optional<amqp::AmqpMessage>{};
    if (published->unroutable && mqttSubscribers == 0 && returnable) {
        sendContent(channel.number,
                    wire::BasicReturn{amqp::PublishResult::kNoRouteCode,
                                      std::string(amqp::PublishResult::kNoRouteText),
                                      returnable->exchange, returnable->routingKey},
                    *returnable);
    }
    if (pending) {
        pending->finish(published->rejected ? PendingReply::kNack : PendingReply::kAck);
    }
    return {};
}

void AmqpProtocol::sendContent(std::uint16_t channelNumber, const Method& method,
                               const amqp::AmqpMessage& message) {
    auto io = io_.lock();
    if (!io) {
        return;
    }
    const auto frameMax = frameMax_;
    io->write([&](std::vector<std::uint8_t>& out) {
        const auto before = out.size();
        wire::encodeMethodFrame(channelNumber, method, out);
        wire::encodeContentHeaderFrame(channelNumber, message.body.size(), message.properties, out);
        wire::encodeBodyFrames(channelNumber,
                               std::span(reinterpret_cast<const std::uint8_t*>(message.body.data()),
                                         message.body.size()),
                               frameMax, out);
        BrokerCounters::add(context_.counters.bytesSent, out.size() - before);
    });
}

}  // namespace sbx::broker
