#pragma once

#include <string>

#include "sbx/broker/amqp/message_observer.h"

namespace sbx::broker {

class BrokerContext;

// The AMQP model's fates turned into hop events: Expired (x-message-ttl or per-message
// expiration), Dropped (max-length drop-head, reject-publish) and DeadLettered (with the
// dead-letter exchange and routing key). One relaxed load per call while nobody watches.
// Also feeds routed messages to the live message tap (BrokerSource::watchMessages).
class AmqpHopObserver final : public amqp::MessageObserver {
public:
    AmqpHopObserver(BrokerContext& context, std::string vhost)
        : context_(context), vhost_(std::move(vhost)) {}

    void messageDiscarded(const amqp::Queue& queue, const amqp::AmqpMessage& message,
                          amqp::DiscardKind kind) override;
    void messageDeadLettered(const amqp::Queue& from, const amqp::AmqpMessage& original,
                             const amqp::AmqpMessage& deadLetter, amqp::DeadLetterReason reason,
                             std::size_t queues) override;
    // To the live message tap, while it watches AMQP destinations.
    void messageRouted(const amqp::AmqpMessagePtr& message,
                       const std::vector<std::shared_ptr<amqp::Queue>>& queues) override;

private:
    BrokerContext& context_;
    std::string vhost_;
};

}  // namespace sbx::broker
