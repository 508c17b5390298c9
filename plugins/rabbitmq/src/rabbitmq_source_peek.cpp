// Peeking: RabbitMQ has no browse for classic and quorum queues, only get-and-requeue,
// which is done only with the user's consent; streams are read over AMQP from an offset
// and are not changed by reading.
#include <algorithm>

#include "amqp_fields.h"
#include "message_mapping.h"
#include "rabbitmq_source.h"

namespace sbx::rabbitmq {

namespace {

using std::chrono::milliseconds;

// How long a stream read waits for more once messages stop coming: the end of the stream.
constexpr milliseconds kStreamQuiet{300};

// x-stream-offset as basic.consume takes it: "first"/"last"/"next", an offset, or a time
// (ISO 8601 UTC) as an AMQP timestamp; an interval ("30s", "1h") goes as RabbitMQ's text.
amqp::FieldValue offsetArgument(const std::string& spec) {
    if (spec.empty()) {
        return amqp::FieldValue(std::string("first"));
    }
    if (spec.find_first_not_of("0123456789") == std::string::npos) {
        return amqp::FieldValue(static_cast<std::int64_t>(std::stoll(spec)));
    }
    if (spec == "first" || spec == "last" || spec == "next") {
        return amqp::FieldValue(spec);
    }
    if (auto seconds = parseTimeSeconds(spec)) {
        return amqp::FieldValue(amqp::Timestamp{*seconds});
    }
    return amqp::FieldValue(spec);
}

std::uint64_t streamOffsetOf(const AmqpDelivery& delivery, std::uint64_t fallback) {
    if (delivery.properties.headers) {
        if (const auto* offset = delivery.properties.headers->find("x-stream-offset")) {
            if (auto value = offset->asInteger(); value && *value >= 0) {
                return static_cast<std::uint64_t>(*value);
            }
        }
    }
    return fallback;
}

}  // namespace

Result<std::string> RabbitMqSource::queueType(const DestinationRef& queue) {
    auto info = api_.get(apiPath("queues", queue.vhost, queue.name) + "?columns=type",
                         "queue '" + queue.name + "' in vhost '" + queue.vhost + "'");
    if (!info) {
        return info.error();
    }
    return info->value("type", std::string("classic"));
}

Result<std::vector<observe::ObservedMessage>> RabbitMqSource::peek(
    const observe::PeekRequest& request) {
    auto queue = resolveQueue(request.destinationId, "peek");
    if (!queue) {
        return queue.error();
    }
    auto type = queueType(*queue);
    if (!type) {
        return type.error();
    }
    if (*type == "stream") {
        return peekStream(*queue, request);
    }
    if (!request.allowRequeue) {
        return Error{ErrorCode::Unsupported,
                     "RabbitMQ cannot peek without consuming: the only way to see the messages "
                     "of " +
                         *type + " queue '" + queue->name +
                         "' is get-and-requeue (take them and put them back), which changes "
                         "their order and marks them redelivered. Peek again allowing requeue to "
                         "accept that."};
    }
    return peekByRequeue(*queue, request);
}

Result<std::vector<observe::ObservedMessage>> RabbitMqSource::peekByRequeue(
    const DestinationRef& queue, const observe::PeekRequest& request) {
    const nlohmann::json body = {
        {"count", std::max<std::size_t>(1, std::min<std::size_t>(request.maxCount, 100000))},
        {"ackmode", "ack_requeue_true"},
        {"encoding", "auto"}};
    auto answer = api_.send("POST", apiPath("queues", queue.vhost, queue.name) + "/get", body,
                            "queue '" + queue.name + "' in vhost '" + queue.vhost + "'");
    if (!answer) {
        return answer.error();
    }
    std::vector<observe::ObservedMessage> out;
    if (!answer->is_array()) {
        return out;
    }
    const auto id = queueId(queue.vhost, queue.name);
    for (const auto& message : *answer) {
        out.push_back(messageFromManagement(message, id, out.size()));
    }
    return out;
}

Result<std::vector<observe::ObservedMessage>> RabbitMqSource::peekStream(
    const DestinationRef& queue, const observe::PeekRequest& request) {
    std::vector<observe::ObservedMessage> out;
    if (request.maxCount == 0) {
        return out;
    }
    const std::lock_guard lock(amqpMutex_);
    auto amqp = amqpFor(queue.vhost);
    if (!amqp) {
        return amqp.error();
    }
    AmqpClient& client = **amqp;
    const auto prefetch =
        static_cast<std::uint16_t>(std::clamp<std::size_t>(request.maxCount, 1, 1000));
    if (auto limited = client.qos(prefetch); !limited) {
        return limited.error();
    }
    amqp::FieldTable arguments;
    arguments.set("x-stream-offset", offsetArgument(request.streamOffset));
    if (auto consumer = client.consume(queue.name, std::move(arguments)); !consumer) {
        return Error{consumer.error().code,
                     "reading stream '" + queue.name + "': " + consumer.error().message};
    }
    const auto id = queueId(queue.vhost, queue.name);
    // The first message may take a moment (RabbitMQ reads the stream's segment files).
    auto wait = std::min(settings_.amqp.timeout, milliseconds(2000));
    std::uint64_t unacked = 0;
    while (out.size() < request.maxCount) {
        auto next = client.nextDelivery(wait);
        if (!next) {
            return next.error();
        }
        if (!*next) {
            break;
        }
        out.push_back(messageFromDelivery(**next, id, streamOffsetOf(**next, out.size())));
        // Stream consumers need acks to get more credit; the stream itself is not changed.
        if (++unacked >= prefetch / 2U + 1U) {
            if (auto acked = client.ack((*next)->deliveryTag, true); !acked) {
                return acked.error();
            }
            unacked = 0;
        }
        wait = kStreamQuiet;
    }
    (void)client.closeChannel();  // cancels the consumer and drops what is still in flight
    return out;
}

}  // namespace sbx::rabbitmq
