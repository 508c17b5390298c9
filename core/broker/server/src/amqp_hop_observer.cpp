#include "amqp_hop_observer.h"

#include "broker_context.h"
#include "embedded_source_render.h"
#include "sbx/broker/amqp/expiration.h"
#include "sbx/broker/amqp/queue.h"

namespace sbx::broker {
namespace {

// Which of the two TTLs ran out: the shorter one set the entry's expiry.
std::string expiryDetail(const amqp::Queue& queue, const amqp::AmqpMessage& message) {
    const auto perMessage = amqp::parseExpiration(message.properties);
    const auto& queueTtl = queue.settings().parsed.messageTtlMs;
    if (perMessage && perMessage->has_value() && (!queueTtl || **perMessage < *queueTtl)) {
        return "per-message expiration (" + std::to_string(**perMessage) + " ms)";
    }
    return queueTtl ? "x-message-ttl (" + std::to_string(*queueTtl) + " ms)" : "expired";
}

observe::HopEvent queueHop(observe::HopKind kind, const amqp::Queue& queue,
                           const amqp::AmqpMessage& message, std::string_view vhost) {
    observe::HopEvent event;
    event.time = std::chrono::system_clock::now();
    event.kind = kind;
    event.messageId = message.id;
    event.protocol = "amqp";
    event.destination = queue.name();
    event.vhost = std::string(vhost);
    event.routingKey = message.routingKey;
    event.ids = render::amqpIds(message.properties);
    return event;
}

}  // namespace

void AmqpHopObserver::messageDiscarded(const amqp::Queue& queue, const amqp::AmqpMessage& message,
                                       amqp::DiscardKind kind) {
    if (!context_.hops.active()) {
        return;
    }
    const auto& vhost = queue.settings().vhost;
    switch (kind) {
        case amqp::DiscardKind::Expired: {
            auto event = queueHop(observe::HopKind::Expired, queue, message, vhost);
            event.detail = expiryDetail(queue, message);
            context_.hops.record(std::move(event));
            return;
        }
        case amqp::DiscardKind::MaxLenDropHead: {
            auto event = queueHop(observe::HopKind::Dropped, queue, message, vhost);
            event.detail = "max-length (x-overflow drop-head)";
            context_.hops.record(std::move(event));
            return;
        }
        case amqp::DiscardKind::RejectPublish: {
            auto event = queueHop(observe::HopKind::Dropped, queue, message, vhost);
            event.detail = "max-length (x-overflow " +
                           std::string(amqp::toString(queue.settings().parsed.overflow)) + ")";
            context_.hops.record(std::move(event));
            return;
        }
        case amqp::DiscardKind::Rejected:
            return;  // the connection layer records Nacked with the consumer
    }
}

void AmqpHopObserver::messageDeadLettered(const amqp::Queue& from,
                                          const amqp::AmqpMessage& original,
                                          const amqp::AmqpMessage& deadLetter,
                                          amqp::DeadLetterReason reason, std::size_t queues) {
    if (!context_.hops.active()) {
        return;
    }
    const auto& vhost = from.settings().vhost;
    auto died = queueHop(observe::HopKind::DeadLettered, from, original, vhost);
    died.routingKey = deadLetter.routingKey;
    died.target = deadLetter.exchange;
    died.count = static_cast<std::uint32_t>(queues);
    died.detail = std::string(amqp::toString(reason));
    died.linkedMessageId = deadLetter.id;

    // The dead letter's own trace starts where the original's ended.
    observe::HopEvent routed;
    routed.time = died.time;
    routed.kind = observe::HopKind::Routed;
    routed.messageId = deadLetter.id;
    routed.protocol = "amqp";
    routed.destination = deadLetter.exchange;
    routed.vhost = vhost;
    routed.routingKey = deadLetter.routingKey;
    routed.count = died.count;
    routed.detail = "dead letter from " + from.name();
    routed.ids = died.ids;
    routed.linkedMessageId = original.id;

    context_.hops.record(std::move(died));
    context_.hops.record(std::move(routed));
}

void AmqpHopObserver::messageRouted(const amqp::AmqpMessagePtr& message,
                                    const std::vector<std::shared_ptr<amqp::Queue>>& queues) {
    context_.messageTap.amqpRouted(vhost_, message, queues);
}

}  // namespace sbx::broker
