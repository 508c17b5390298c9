#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <vector>

#include "sbx/broker/amqp/amqp_result.h"
#include "sbx/broker/amqp/ids.h"

namespace sbx::broker::amqp {

class Queue;

// One unacknowledged delivery of a channel: which queue and which model-level delivery.
struct PendingDelivery {
    std::shared_ptr<Queue> queue;
    DeliveryId id = 0;
    std::uint64_t messageId = 0;  // AmqpMessage::id, for traces
};

// A channel's delivery tags (1, 2, 3, ... per channel, as AMQP numbers them) mapped onto
// the queues' DeliveryIds, with the "multiple" rule of basic.ack/nack/reject.
// Not thread-safe: a channel is used by one thread at a time.
class ChannelDeliveryTags {
public:
    // The tag for a delivery that expects an acknowledgement.
    std::uint64_t record(std::shared_ptr<Queue> queue, DeliveryId id, std::uint64_t messageId = 0);

    // Removes and returns the deliveries `tag` names: just that one, or with `multiple`
    // every outstanding tag up to it (tag 0 with multiple: all), oldest first. Unknown
    // tags: 406 "PRECONDITION_FAILED - unknown delivery tag N", as RabbitMQ.
    [[nodiscard]] AmqpResult<std::vector<PendingDelivery>> take(std::uint64_t tag, bool multiple);

    // Everything outstanding (channel close, basic.recover), oldest first.
    [[nodiscard]] std::vector<PendingDelivery> takeAll();

    [[nodiscard]] std::size_t outstanding() const { return pending_.size(); }

private:
    std::uint64_t nextTag_ = 1;
    std::map<std::uint64_t, PendingDelivery> pending_;
};

}  // namespace sbx::broker::amqp
