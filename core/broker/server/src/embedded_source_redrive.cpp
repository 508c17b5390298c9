#include <atomic>

#include "broker_context.h"
#include "embedded_source.h"
#include "embedded_source_render.h"

namespace sbx::broker {

namespace {

constexpr std::string_view kRedriveClient = "management.redrive";

amqp::ChannelId redriveChannel() {
    // Like browsing consumers: connection 0, top bit set, never a client's channel.
    static std::atomic<std::uint64_t> next{1};
    return (std::uint64_t{3} << 62) | next.fetch_add(1, std::memory_order_relaxed);
}

// Where a dead letter goes back to: the exchange and first routing key of its newest
// x-death entry, or the target the request names.
struct Destination {
    amqp::VirtualHost* host = nullptr;
    std::string exchange;
    std::string routingKey;
};

std::optional<Destination> originOf(amqp::VirtualHost& host, const amqp::AmqpMessage& message) {
    if (!message.properties.headers) {
        return std::nullopt;
    }
    auto deaths = render::deaths(*message.properties.headers);
    if (deaths.empty()) {
        return std::nullopt;
    }
    const auto& newest = deaths.front();
    return Destination{
        &host, newest.exchange,
        newest.routingKeys.empty() ? message.routingKey : newest.routingKeys.front()};
}

}  // namespace

// Takes a batch as an unacknowledged consumer would (basic.get on a private channel),
// publishes each message, and only then acknowledges it. Until the ack the message sits
// in the source's unacked set, and closing the private channel on any failure puts the
// rest back at the head: nothing is lost and nothing is published twice.
Result<observe::RedriveResult> EmbeddedSource::redrive(const observe::RedriveRequest& request) {
    auto ref = parseId(request.sourceId);
    if (!ref) {
        return ref.error();
    }
    if (ref->kind != observe::DestinationKind::Queue) {
        return Error{ErrorCode::InvalidArgument, "redrive reads from a queue"};
    }
    auto host = hostOf(ref->vhost);
    if (!host) {
        return host.error();
    }
    auto source = (*host)->findQueue(ref->name);
    if (!source || source->type() != amqp::QueueType::Classic) {
        return Error{ErrorCode::NotFound,
                     "no classic queue '" + ref->name + "' in vhost '" + ref->vhost + "'"};
    }
    std::optional<Destination> target;
    if (request.targetId) {
        auto targetRef = parseId(*request.targetId);
        if (!targetRef) {
            return targetRef.error();
        }
        auto targetHost = hostOf(targetRef->vhost);
        if (!targetHost || targetRef->kind == observe::DestinationKind::Topic) {
            return Error{ErrorCode::InvalidArgument,
                         "redrive targets an AMQP queue or exchange: " + *request.targetId};
        }
        // A queue is reached through the default exchange, by its name.
        target = targetRef->kind == observe::DestinationKind::Queue
                     ? Destination{*targetHost, "", targetRef->name}
                     : Destination{*targetHost, targetRef->name, ""};
    }

    // Only what is there now: messages that route back into the source are not moved again.
    const std::size_t limit = std::min<std::size_t>(request.maxCount, source->stats().ready);
    const std::size_t batchSize = std::max<std::size_t>(1, request.batchSize);
    observe::RedriveResult result;
    std::optional<Error> failure;
    while (result.moved < limit && !failure) {
        const amqp::ChannelId channel = redriveChannel();
        const auto batch = std::min<std::size_t>(batchSize, limit - result.moved);
        for (std::size_t i = 0; i < batch && !failure; ++i) {
            const auto now = amqp::Clock::now();
            auto got = source->get(channel, false, now);
            if (!got || !got->has_value()) {
                break;
            }
            const auto& delivery = **got;
            auto destination = originOf(**host, *delivery.message);
            if (target) {
                destination =
                    Destination{target->host, target->exchange,
                                target->routingKey.empty() && destination ? destination->routingKey
                                                                          : target->routingKey};
                if (destination->routingKey.empty() && !target->exchange.empty()) {
                    destination->routingKey = delivery.message->routingKey;
                }
            }
            if (!destination) {
                failure = Error{ErrorCode::InvalidArgument,
                                "a message in " + request.sourceId +
                                    " has no x-death header: name a target to move it"};
                break;
            }
            amqp::AmqpMessage copy = *delivery.message;
            copy.exchange = destination->exchange;
            copy.routingKey = destination->routingKey;
            auto published = publishAmqpMessage(*destination->host, std::move(copy),
                                                std::string(kRedriveClient));
            if (!published || published->unroutable || published->rejected) {
                failure = Error{
                    ErrorCode::InvalidArgument,
                    "cannot redrive to exchange '" + destination->exchange +
                        "' with routing key '" + destination->routingKey + "': " +
                        (published ? std::string(published->unroutable ? "unroutable" : "rejected")
                                   : published.error().text)};
                break;
            }
            static_cast<void>(source->ack(delivery.id, amqp::Clock::now()));
            ++result.moved;
        }
        // Puts back what was taken and not published (after a failure).
        source->channelClosed(channel, amqp::Clock::now());
        if (source->stats().ready == 0) {
            break;
        }
    }
    result.remaining = source->stats().ready;
    if (failure && result.moved == 0) {
        return *failure;
    }
    return result;
}

}  // namespace sbx::broker
