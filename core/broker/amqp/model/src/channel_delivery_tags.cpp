#include "sbx/broker/amqp/channel_delivery_tags.h"

#include <string>
#include <utility>

namespace sbx::broker::amqp {

std::uint64_t ChannelDeliveryTags::record(std::shared_ptr<Queue> queue, DeliveryId id,
                                          std::uint64_t messageId) {
    const std::uint64_t tag = nextTag_++;
    pending_.emplace(tag, PendingDelivery{std::move(queue), id, messageId});
    return tag;
}

AmqpResult<std::vector<PendingDelivery>> ChannelDeliveryTags::take(std::uint64_t tag,
                                                                   bool multiple) {
    std::vector<PendingDelivery> taken;
    if (multiple) {
        const auto end = tag == 0 ? pending_.end() : pending_.upper_bound(tag);
        // RabbitMQ refuses a multiple ack whose tag it never issued, even if older
        // tags are outstanding.
        if (tag != 0 && pending_.find(tag) == pending_.end()) {
            return AmqpError::make(ReplyCode::PreconditionFailed,
                                   "unknown delivery tag " + std::to_string(tag));
        }
        for (auto it = pending_.begin(); it != end; ++it) {
            taken.push_back(std::move(it->second));
        }
        pending_.erase(pending_.begin(), end);
        return taken;
    }
    auto it = pending_.find(tag);
    if (it == pending_.end()) {
        return AmqpError::make(ReplyCode::PreconditionFailed,
                               "unknown delivery tag " + std::to_string(tag));
    }
    taken.push_back(std::move(it->second));
    pending_.erase(it);
    return taken;
}

std::vector<PendingDelivery> ChannelDeliveryTags::takeAll() {
    std::vector<PendingDelivery> taken;
    taken.reserve(pending_.size());
    for (auto& [tag, delivery] : pending_) {
        taken.push_back(std::move(delivery));
    }
    pending_.clear();
    return taken;
}

}  // namespace sbx::broker::amqp
