#include "amqp_store_hooks.h"

#include "amqp_store_codec.h"

namespace sbx::broker {

namespace {

thread_local AckBarrierPtr currentBarrier;

// What a write must call when it commits for the open AmqpStoreWait to count it.
store::Completion holdCurrentBarrier() {
    const AckBarrierPtr& barrier = AmqpStoreWait::current();
    if (!barrier) {
        return {};
    }
    barrier->hold();
    return [barrier](const Status& status) { barrier->release(status.ok()); };
}

}  // namespace

AmqpStoreWait::AmqpStoreWait(AckBarrierPtr barrier) {
    currentBarrier = std::move(barrier);
}

AmqpStoreWait::~AmqpStoreWait() {
    currentBarrier.reset();
}

const AckBarrierPtr& AmqpStoreWait::current() {
    return currentBarrier;
}

AmqpStoreHooks::AmqpStoreHooks(store::DurableStore& store, std::string vhost)
    : store_(store), vhost_(std::move(vhost)) {}

void AmqpStoreHooks::noteDelivered(std::string_view queue, std::uint64_t id) {
    std::lock_guard lock(mutex_);
    markersOf(queue).insert(id);
}

std::unordered_set<std::uint64_t>& AmqpStoreHooks::markersOf(std::string_view queue) {
    auto found = deliveredMarkers_.find(queue);
    if (found == deliveredMarkers_.end()) {
        found = deliveredMarkers_.try_emplace(std::string(queue)).first;
    }
    return found->second;
}

void AmqpStoreHooks::messageStored(std::string_view queue, const amqp::AmqpMessage& message) {
    if (restoring()) {
        return;
    }
    store_.appendMessage(amqpMessageQueue(vhost_, queue), message.id, encodeAmqpMessage(message),
                         holdCurrentBarrier());
}

void AmqpStoreHooks::streamMessageStored(std::string_view queue, const amqp::AmqpMessage& message,
                                         std::int64_t offset) {
    if (restoring()) {
        return;
    }
    store_.appendMessage(amqpMessageQueue(vhost_, queue), message.id,
                         encodeAmqpMessage(message, offset), holdCurrentBarrier());
}

void AmqpStoreHooks::messageRemoved(std::string_view queue, const amqp::AmqpMessage& message) {
    bool marked = false;
    {
        std::lock_guard lock(mutex_);
        const auto found = deliveredMarkers_.find(queue);
        marked = found != deliveredMarkers_.end() && found->second.erase(message.id) > 0;
    }
    if (marked) {
        store_.removeMessage(amqpDeliveredQueue(vhost_, queue), message.id);
    }
    store_.removeMessage(amqpMessageQueue(vhost_, queue), message.id, holdCurrentBarrier());
}

void AmqpStoreHooks::messageDelivered(std::string_view queue, const amqp::AmqpMessage& message) {
    {
        std::lock_guard lock(mutex_);
        if (!markersOf(queue).insert(message.id).second) {
            return;
        }
    }
    // Not waited for: at worst a restart after a crash shows redelivered=false for a
    // message that had just gone out.
    store_.appendMessage(amqpDeliveredQueue(vhost_, queue), message.id, {});
}

void AmqpStoreHooks::exchangeStored(const amqp::Exchange& exchange) {
    if (restoring()) {
        return;
    }
    store_.putRecord(std::string(kAmqpExchangeNamespace), amqpRecordKey(vhost_, exchange.name),
                     encodeAmqpExchange(vhost_, exchange), holdCurrentBarrier());
}

void AmqpStoreHooks::exchangeRemoved(std::string_view exchange) {
    store_.eraseRecord(std::string(kAmqpExchangeNamespace), amqpRecordKey(vhost_, exchange));
}

void AmqpStoreHooks::queueStored(const amqp::QueueSettings& queue) {
    if (restoring()) {
        return;
    }
    store_.putRecord(std::string(kAmqpQueueNamespace), amqpRecordKey(vhost_, queue.name),
                     encodeAmqpQueue(queue), holdCurrentBarrier());
}

void AmqpStoreHooks::queueRemoved(std::string_view queue) {
    {
        std::lock_guard lock(mutex_);
        const auto found = deliveredMarkers_.find(queue);
        if (found != deliveredMarkers_.end()) {
            deliveredMarkers_.erase(found);
        }
    }
    store_.eraseRecord(std::string(kAmqpQueueNamespace), amqpRecordKey(vhost_, queue));
    store_.dropQueue(amqpMessageQueue(vhost_, queue));
    store_.dropQueue(amqpDeliveredQueue(vhost_, queue));
}

void AmqpStoreHooks::bindingStored(const amqp::Binding& binding) {
    auto key = amqpBindingKey(vhost_, binding);
    {
        std::lock_guard lock(mutex_);
        if (!storedBindings_.insert(key).second || restoring()) {
            return;
        }
    }
    store_.putRecord(std::string(kAmqpBindingNamespace), std::move(key),
                     encodeAmqpBinding(vhost_, binding), holdCurrentBarrier());
}

void AmqpStoreHooks::bindingRemoved(const amqp::Binding& binding) {
    auto key = amqpBindingKey(vhost_, binding);
    {
        std::lock_guard lock(mutex_);
        if (storedBindings_.erase(key) == 0) {
            return;
        }
    }
    store_.eraseRecord(std::string(kAmqpBindingNamespace), std::move(key));
}

}  // namespace sbx::broker
