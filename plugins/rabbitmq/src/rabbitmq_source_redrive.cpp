// Redrive from a dead-letter queue over AMQP: each message is taken with basic.get
// (unacknowledged), published to where its newest x-death entry says it came from (or to
// the target) with mandatory set and a publisher confirm, and acknowledged only after the
// confirm. A message RabbitMQ cannot route is put back and the redrive stops there.
#include "amqp_fields.h"
#include "rabbitmq_source.h"

namespace sbx::rabbitmq {

namespace {

struct Route {
    std::string exchange;
    std::string routingKey;
};

Result<Route> routeOf(const AmqpDelivery& message, const std::optional<DestinationRef>& target) {
    std::optional<observe::DeathRecord> newest;
    if (message.properties.headers) {
        auto records = deaths(*message.properties.headers);
        if (!records.empty()) {
            newest = std::move(records.front());
        }
    }
    const auto originalKey =
        newest && !newest->routingKeys.empty() ? newest->routingKeys.front() : message.routingKey;
    if (target) {
        if (target->exchange) {
            return Route{target->name, originalKey};
        }
        return Route{"", target->name};
    }
    if (!newest) {
        return Error{ErrorCode::InvalidArgument,
                     "a message has no x-death header, so where it came from is unknown; "
                     "choose a target to redrive it to"};
    }
    return Route{newest->exchange, originalKey};
}

}  // namespace

Result<observe::RedriveResult> RabbitMqSource::redrive(const observe::RedriveRequest& request) {
    auto source = resolveQueue(request.sourceId, "redrive from");
    if (!source) {
        return source.error();
    }
    std::optional<DestinationRef> target;
    if (request.targetId) {
        auto resolved = resolve(*request.targetId);
        if (!resolved) {
            return resolved.error();
        }
        if (resolved->vhost != source->vhost) {
            return Error{ErrorCode::InvalidArgument,
                         "redrive moves messages within one vhost ('" + source->vhost + "')"};
        }
        target = std::move(*resolved);
    }
    const std::lock_guard lock(amqpMutex_);
    auto amqp = amqpFor(source->vhost);
    if (!amqp) {
        return amqp.error();
    }
    auto result = redriveWith(**amqp, *source, target, request);
    (void)(*amqp)->closeChannel();  // anything taken and not acknowledged goes back
    return result;
}

Result<observe::RedriveResult> RabbitMqSource::redriveWith(
    AmqpClient& amqp, const DestinationRef& source, const std::optional<DestinationRef>& target,
    const observe::RedriveRequest& request) {
    observe::RedriveResult result;
    // Only what is there now: a message that comes back (a TTL loop) is not moved twice.
    std::uint64_t limit = request.maxCount;
    bool first = true;
    while (result.moved < limit) {
        auto taken = amqp.get(source.name);
        if (!taken) {
            return Error{taken.error().code, "redrive from queue '" + source.name + "' moved " +
                                                 std::to_string(result.moved) +
                                                 " messages, then: " + taken.error().message};
        }
        if (!*taken) {
            result.remaining = 0;
            return result;
        }
        const AmqpDelivery& message = **taken;
        if (first) {
            limit = std::min<std::uint64_t>(limit, std::uint64_t{message.messageCount} + 1);
            first = false;
        }
        result.remaining = message.messageCount + 1;
        auto route = routeOf(message, target);
        Status sent = route ? amqp.publishConfirmed(route->exchange, route->routingKey,
                                                    message.properties, message.body)
                            : Status(route.error());
        if (!sent) {
            (void)amqp.nack(message.deliveryTag, false, true);
            return Error{sent.error().code,
                         "redrive from queue '" + source.name + "' moved " +
                             std::to_string(result.moved) +
                             " messages and stopped (the next one stays in the queue): " +
                             sent.error().message};
        }
        if (auto acked = amqp.ack(message.deliveryTag); !acked) {
            return acked.error();
        }
        ++result.moved;
        result.remaining = message.messageCount;
    }
    return result;
}

}  // namespace sbx::rabbitmq
