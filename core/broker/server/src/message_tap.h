#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <variant>
#include <vector>

#include "sbx/broker/amqp/amqp_message.h"
#include "sbx/broker/message.h"
#include "sbx/observe/broker_source.h"

namespace sbx::broker::amqp {
class Queue;
}

namespace sbx::broker {

// The embedded broker's live message tap (BrokerSource::watchMessages): the publish paths
// offer messages, watches that match keep them (shared, not copied) in a bounded buffer,
// and a flusher thread renders and hands them out in batches every `interval`. While
// nothing is watched, active() is one relaxed load and nothing else happens.
class MessageTap {
public:
    using WatchId = std::uint64_t;
    using Listener = observe::BrokerSource::MessageListener;

    // What one watch follows, resolved from a destination id or an MQTT filter.
    struct Target {
        enum class Kind : std::uint8_t { Queue, Exchange, TopicFilter };
        Kind kind = Kind::Queue;
        std::string vhost;          // AMQP
        std::string name;           // queue, exchange or topic filter
        std::string destinationId;  // what rendered messages say they were seen at
    };

    explicit MessageTap(std::chrono::milliseconds interval = std::chrono::milliseconds(50),
                        std::size_t maxPending = 10000);
    ~MessageTap();
    MessageTap(const MessageTap&) = delete;
    MessageTap& operator=(const MessageTap&) = delete;

    WatchId watch(Target target, Listener listener);
    // After it returns the listener is not called again. Not from within a listener.
    void unwatch(WatchId id);

    [[nodiscard]] bool active() const { return active_.load(std::memory_order_relaxed); }
    [[nodiscard]] bool watchesAmqp() const { return amqp_.load(std::memory_order_relaxed); }

    void amqpRouted(std::string_view vhost, const amqp::AmqpMessagePtr& message,
                    const std::vector<std::shared_ptr<amqp::Queue>>& queues);
    void mqttPublished(const MessagePtr& message);

    // Delivers what is pending now (the flusher does this every interval).
    void flush();

private:
    using Seen = std::variant<amqp::AmqpMessagePtr, MessagePtr>;
    struct Watch {
        WatchId id = 0;
        Target target;
        std::shared_ptr<Listener> listener;
        std::vector<Seen> pending;
        std::uint64_t lost = 0;
        std::uint64_t position = 0;  // running count: ObservedMessage::position
    };

    void offer(Watch& watch, Seen seen);  // requires mutex_
    void updateFlags();                   // requires mutex_
    void run();

    std::chrono::milliseconds interval_;
    std::size_t maxPending_;
    std::atomic<bool> active_{false};
    std::atomic<bool> amqp_{false};

    std::mutex mutex_;  // watches_ and their buffers
    std::vector<Watch> watches_;
    WatchId nextId_ = 1;
    std::mutex deliverMutex_;  // serialises deliveries with unwatch

    std::mutex stopMutex_;
    std::condition_variable stopCondition_;
    bool stopping_ = false;
    std::thread flusher_;
};

}  // namespace sbx::broker
