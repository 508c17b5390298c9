#include <atomic>
#include <mutex>

#include "broker_context.h"
#include "embedded_source.h"
#include "embedded_source_render.h"

namespace sbx::broker {

namespace {

// Reads a stream the way a consumer would, into memory: reading a stream consumes
// nothing, so browsing is a short-lived consumer with credit for exactly `maxCount`.
class CollectingSink final : public amqp::ConsumerSink {
public:
    bool deliver(const amqp::Delivery& delivery) override {
        std::lock_guard lock(mutex_);
        deliveries_.push_back(delivery);
        return true;
    }
    void cancelledByBroker(const std::string& /*consumerTag*/) override {}
    std::vector<amqp::Delivery> take() {
        std::lock_guard lock(mutex_);
        return std::move(deliveries_);
    }

private:
    std::mutex mutex_;
    std::vector<amqp::Delivery> deliveries_;
};

// Channel ids of browsing consumers: connection 0 is never a client's, and the top bit
// keeps them apart from anything a connection could form.
amqp::ChannelId browseChannel() {
    static std::atomic<std::uint64_t> next{1};
    return (std::uint64_t{1} << 63) | next.fetch_add(1, std::memory_order_relaxed);
}

// The offset spec of a peek request in the form basic.consume takes it.
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
    if (auto seconds = render::parseTimeSeconds(spec)) {
        return amqp::FieldValue(sbx::amqp::Timestamp{*seconds});
    }
    return amqp::FieldValue(spec);  // an interval ("30s"), or refused by the queue
}

}  // namespace

Result<std::vector<observe::ObservedMessage>> EmbeddedSource::peek(
    const observe::PeekRequest& request) {
    auto ref = parseId(request.destinationId);
    if (!ref) {
        return ref.error();
    }
    if (ref->kind == observe::DestinationKind::Topic) {
        return peekTopic(*ref);
    }
    if (ref->kind != observe::DestinationKind::Queue) {
        return Error{ErrorCode::InvalidArgument, "only queues, streams and topics hold messages"};
    }
    return peekQueue(*ref, request);
}

Result<std::vector<observe::ObservedMessage>> EmbeddedSource::peekQueue(
    const DestinationRef& ref, const observe::PeekRequest& request) {
    auto host = hostOf(ref.vhost);
    if (!host) {
        return host.error();
    }
    auto queue = (*host)->findQueue(ref.name);
    if (!queue) {
        return Error{ErrorCode::NotFound,
                     "no queue '" + ref.name + "' in vhost '" + ref.vhost + "'"};
    }
    const std::string id = "queue:" + ref.vhost + "/" + ref.name;
    std::vector<observe::ObservedMessage> out;
    if (queue->type() == amqp::QueueType::Classic) {
        auto peeked = queue->peek(request.maxCount);
        out.reserve(peeked.size());
        for (std::size_t i = 0; i < peeked.size(); ++i) {
            out.push_back(render::amqpMessage(*peeked[i].message, id, i, peeked[i].redelivered));
        }
        return out;
    }
    if (request.maxCount == 0) {
        return out;
    }
    auto sink = std::make_shared<CollectingSink>();
    const amqp::ChannelId channel = browseChannel();
    amqp::ConsumeRequest consume;
    consume.channel = channel;
    consume.consumerTag = "sbx.browse";
    consume.prefetch = static_cast<std::uint16_t>(std::min<std::size_t>(request.maxCount, 65535));
    consume.arguments.set("x-stream-offset", offsetArgument(request.streamOffset));
    consume.sink = sink;
    const auto now = amqp::Clock::now();
    auto consumer = queue->consume(std::move(consume), now);
    if (!consumer) {
        return consumer.error().toError();
    }
    queue->cancel(*consumer, now);
    queue->channelClosed(channel, now);  // returns the credit it took
    for (const auto& delivery : sink->take()) {
        out.push_back(render::amqpMessage(
            *delivery.message, id, static_cast<std::uint64_t>(delivery.streamOffset.value_or(0)),
            false));
    }
    return out;
}

Result<std::vector<observe::ObservedMessage>> EmbeddedSource::peekTopic(
    const DestinationRef& ref) const {
    std::vector<observe::ObservedMessage> out;
    if (auto retained = context_.router.retained(ref.name)) {
        out.push_back(render::mqttMessage(*retained, "topic:" + ref.name));
    }
    return out;
}

}  // namespace sbx::broker
