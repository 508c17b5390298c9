#include "hop_recording.h"

#include "broker_context.h"
#include "embedded_source_render.h"

namespace sbx::broker {

void recordAmqpPublish(BrokerContext& context, const std::string& vhost,
                       const amqp::AmqpMessage& message, const amqp::PublishResult& result,
                       std::string_view clientId, bool mandatory,
                       std::chrono::system_clock::time_point publishedAt) {
    if (!context.hops.active()) {
        return;
    }
    // Stamped when the publish began: the deliveries it caused were recorded during it, and
    // a trace must read published -> routed -> delivered.
    const auto now = publishedAt;
    const auto hop = [&](observe::HopKind kind) {
        observe::HopEvent event;
        event.time = now;
        event.kind = kind;
        event.messageId = result.messageId;
        event.protocol = "amqp";
        event.clientId = std::string(clientId);
        event.destination = message.exchange;
        event.vhost = vhost;
        event.routingKey = message.routingKey;
        return event;
    };
    auto published = hop(observe::HopKind::Published);
    published.ids = render::amqpIds(message.properties);
    context.hops.record(std::move(published));
    auto routed = hop(observe::HopKind::Routed);
    routed.count = static_cast<std::uint32_t>(result.queues);
    context.hops.record(std::move(routed));
    if (result.unroutable && mandatory) {
        auto returned = hop(observe::HopKind::Returned);
        returned.detail = "NO_ROUTE";
        context.hops.record(std::move(returned));
    }
    // A queue's reject-publish is recorded by AmqpHopObserver, with the queue.
}

void recordAmqpHop(BrokerContext& context, observe::HopKind kind, const std::string& vhost,
                   std::uint64_t messageId, std::string_view clientId, std::string_view queue,
                   std::string_view routingKey, std::string detail,
                   std::chrono::system_clock::time_point at) {
    if (!context.hops.active()) {
        return;
    }
    observe::HopEvent event;
    event.time =
        at == std::chrono::system_clock::time_point{} ? std::chrono::system_clock::now() : at;
    event.kind = kind;
    event.messageId = messageId;
    event.protocol = "amqp";
    event.clientId = std::string(clientId);
    event.destination = std::string(queue);
    event.vhost = vhost;
    event.routingKey = std::string(routingKey);
    event.detail = std::move(detail);
    context.hops.record(std::move(event));
}

}  // namespace sbx::broker
