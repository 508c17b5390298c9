#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "sbx/broker/amqp/amqp_message.h"
#include "sbx/broker/amqp/publish_result.h"
#include "sbx/observe/hop_event.h"

namespace sbx::broker {

class BrokerContext;

// Hop events of the AMQP side. Each call is one relaxed load while nobody watches
// (HopEventBus::active), so the protocol calls them unconditionally.

// Published (with the ids users know: message-id, correlation-id, traceparent), Routed
// with the number of queues reached, and Returned when a mandatory message found none.
void recordAmqpPublish(BrokerContext& context, const std::string& vhost,
                       const amqp::AmqpMessage& message, const amqp::PublishResult& result,
                       std::string_view clientId, bool mandatory,
                       std::chrono::system_clock::time_point publishedAt);

// Delivered, Acked, Nacked, Requeued, ... of message `messageId` at `queue`.
void recordAmqpHop(BrokerContext& context, observe::HopKind kind, const std::string& vhost,
                   std::uint64_t messageId, std::string_view clientId, std::string_view queue,
                   std::string_view routingKey = {}, std::string detail = {},
                   std::chrono::system_clock::time_point at = {});

}  // namespace sbx::broker
