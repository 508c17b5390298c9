#include "broker_context.h"
#include "embedded_source.h"
#include "embedded_source_render.h"

namespace sbx::broker {

namespace {

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
    // A read at an offset, not a consumer: browsing counts no delivery and takes no credit.
    const auto argument = offsetArgument(request.streamOffset);
    auto from = amqp::parseOffsetSpec(&argument, amqp::Clock::now());
    if (!from) {
        return from.error().toError();
    }
    for (const auto& record : queue->readStream(*from, request.maxCount)) {
        auto message = render::amqpMessage(*record.message, id,
                                           static_cast<std::uint64_t>(record.offset), false);
        message.time = record.storedAt;
        out.push_back(std::move(message));
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
