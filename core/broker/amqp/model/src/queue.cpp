#include "sbx/broker/amqp/queue.h"

#include "erlang_text.h"

namespace sbx::broker::amqp {

Queue::Queue(QueueSettings settings, QueueOwner* owner, std::shared_ptr<QueueStoreHooks> hooks)
    : settings_(std::move(settings)), owner_(owner), hooks_(std::move(hooks)) {}

Queue::~Queue() = default;

std::string Queue::resource() const {
    return erlang::resource("queue", settings_.name, settings_.vhost);
}

// A stream keeps every message it takes, persistent or not, as RabbitMQ's streams do.
bool Queue::kept(const AmqpMessage& message) const {
    return hooks_ && settings_.durable &&
           (message.properties.persistent() || settings_.parsed.type == QueueType::Stream);
}

void Queue::stored(const AmqpMessage& message) const {
    if (kept(message)) {
        hooks_->messageStored(settings_.name, message);
    }
}

void Queue::streamStored(const AmqpMessage& message, std::int64_t offset) const {
    if (kept(message)) {
        hooks_->streamMessageStored(settings_.name, message, offset);
    }
}

void Queue::removed(const AmqpMessage& message) const {
    if (kept(message)) {
        hooks_->messageRemoved(settings_.name, message);
    }
}

void Queue::delivered(const AmqpMessage& message) const {
    if (kept(message)) {
        hooks_->messageDelivered(settings_.name, message);
    }
}

}  // namespace sbx::broker::amqp
