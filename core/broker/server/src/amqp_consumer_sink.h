#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "sbx/broker/amqp/consumer_sink.h"
#include "sbx/broker/amqp/queue.h"

namespace sbx::broker {

class BrokerContext;
class ClientEntry;
class ConnectionIo;
struct AmqpChannel;
struct BrokerCounters;

// Where a queue pushes one consumer's messages: assigns the channel's delivery tag and
// writes basic.deliver, the content header and the body frames in one output append, so
// frames of different messages never interleave. Runs on the publisher's thread under
// the queue's lock (see ConsumerSink).
//
// It refuses deliveries until activate(): the queue offers ready messages inside
// consume(), before basic.consume-ok is written, and a client must see consume-ok first.
class AmqpConsumerSink final : public amqp::ConsumerSink {
public:
    AmqpConsumerSink(std::shared_ptr<AmqpChannel> channel, std::weak_ptr<ConnectionIo> io,
                     std::uint32_t frameMax, bool noAck, BrokerCounters& counters,
                     std::size_t maxOutboundBytes);

    // consume-ok is out: deliveries may follow (the caller then resumes the consumer).
    void activate(std::weak_ptr<amqp::Queue> queue);
    // Hop events and per-client counters for the observe model; set before activate().
    void observeAs(BrokerContext& context, std::shared_ptr<ClientEntry> client, std::string vhost);

    bool deliver(const amqp::Delivery& delivery) override;
    // True once after deliver() refused a message because the connection's output was
    // full: the caller resumes the consumer when output has drained.
    [[nodiscard]] bool takeThrottled() { return throttled_.exchange(false); }
    // True once after deliver() refused a message because the channel's basic.qos
    // global limit was reached: the caller resumes the consumer after acknowledgements.
    [[nodiscard]] bool takeChannelLimited() { return channelLimited_.exchange(false); }
    void cancelledByBroker(const std::string& consumerTag) override;

private:
    std::shared_ptr<AmqpChannel> channel_;
    std::weak_ptr<ConnectionIo> io_;
    std::uint32_t frameMax_;
    bool noAck_;
    BrokerCounters& counters_;
    std::weak_ptr<amqp::Queue> queue_;  // set by activate(), before active_
    std::size_t maxOutboundBytes_;
    std::atomic<bool> active_{false};
    std::atomic<bool> throttled_{false};
    std::atomic<bool> channelLimited_{false};
    BrokerContext* context_ = nullptr;
    std::shared_ptr<ClientEntry> client_;
    std::string vhost_;
};

}  // namespace sbx::broker
