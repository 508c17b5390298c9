#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sbx/broker/amqp/amqp_message.h"
#include "sbx/broker/amqp/amqp_result.h"
#include "sbx/broker/amqp/binding.h"
#include "sbx/broker/amqp/consume_request.h"
#include "sbx/broker/amqp/delivery.h"
#include "sbx/broker/amqp/exchange.h"
#include "sbx/broker/amqp/exchange_declare.h"
#include "sbx/broker/amqp/ids.h"
#include "sbx/broker/amqp/message_observer.h"
#include "sbx/broker/amqp/publish_result.h"
#include "sbx/broker/amqp/queue.h"
#include "sbx/broker/amqp/queue_declare.h"
#include "sbx/broker/amqp/store_hooks.h"

namespace sbx::broker::amqp {

struct VirtualHostOptions {
    std::string name = "/";
    // Seeds the "amq.gen-..." names of server-named queues; 0 = from std::random_device.
    std::uint64_t nameSeed = 0;
    // A stream segment closes at x-stream-max-segment-size-bytes (RabbitMQ's 500 MB by
    // default) or at this many messages, whichever comes first; retention removes whole
    // segments. A low count lets tests see retention at work with a few messages.
    std::size_t streamSegmentMessages = 1000;
    std::shared_ptr<QueueStoreHooks> storeHooks;       // optional; see store_hooks.h
    std::shared_ptr<MessageObserver> messageObserver;  // optional; see message_observer.h
    // Where message ids come from; shared by a broker's vhosts and its MQTT side so that
    // an id names one message broker-wide (traces key hops by it). Null: the vhost's own.
    std::shared_ptr<std::atomic<std::uint64_t>> messageIds;
};

// queue.purge-ok / queue.delete-ok: how many messages went.
using MessageCount = std::uint32_t;

struct ConsumeOk {
    std::shared_ptr<Queue> queue;
    ConsumerId consumer = 0;
};

// A virtual host: exchanges, queues and bindings with RabbitMQ's semantics and reply
// texts, free of sockets and wire formats. Predeclared: "" (the default exchange: direct,
// every queue implicitly bound by its name), amq.direct, amq.fanout, amq.topic,
// amq.headers and amq.match (headers).
//
// Thread safety: every method may be called from any thread. Exchanges, bindings and the
// queue table are guarded by one shared_mutex (routing and lookups share it; declare,
// delete, bind and unbind take it alone); each queue has its own mutex (see Queue).
// Publishing routes under the shared lock, releases it, then enqueues queue by queue.
// Queue handles must not be used after the VirtualHost is destroyed (dead letters and
// auto-delete are then dropped, the rest keeps working on the orphaned queue).
class VirtualHost {
public:
    explicit VirtualHost(VirtualHostOptions options = {});
    ~VirtualHost();
    VirtualHost(const VirtualHost&) = delete;
    VirtualHost& operator=(const VirtualHost&) = delete;

    [[nodiscard]] const std::string& name() const;

    // --- exchanges
    AmqpResult<Exchange> declareExchange(const ExchangeDeclare& request);
    // Deleting an exchange that does not exist succeeds, as in RabbitMQ.
    AmqpStatus deleteExchange(std::string_view name, bool ifUnused);
    AmqpStatus bindExchange(std::string_view destination, std::string_view source,
                            std::string_view routingKey, const FieldTable& arguments);
    // Unbinding a binding that does not exist succeeds (missing exchanges: 404).
    AmqpStatus unbindExchange(std::string_view destination, std::string_view source,
                              std::string_view routingKey, const FieldTable& arguments);
    [[nodiscard]] std::optional<Exchange> findExchange(std::string_view name) const;
    [[nodiscard]] std::vector<Exchange> exchanges() const;

    // --- queues
    AmqpResult<QueueDeclareOk> declareQueue(const QueueDeclare& request, TimePoint now);
    // A fresh "amq.gen-..." name, for callers that must check it before declaring (as
    // RabbitMQ checks configure permission on the generated name).
    [[nodiscard]] std::string newQueueName();
    AmqpStatus bindQueue(std::string_view queue, std::string_view exchange,
                         std::string_view routingKey, const FieldTable& arguments,
                         ConnectionId connection);
    AmqpStatus unbindQueue(std::string_view queue, std::string_view exchange,
                           std::string_view routingKey, const FieldTable& arguments,
                           ConnectionId connection);
    AmqpResult<MessageCount> purgeQueue(std::string_view queue, ConnectionId connection);
    // Deleting a queue that does not exist succeeds with 0, as in RabbitMQ.
    AmqpResult<MessageCount> deleteQueue(std::string_view queue, bool ifUnused, bool ifEmpty,
                                         ConnectionId connection);
    [[nodiscard]] std::shared_ptr<Queue> findQueue(std::string_view name) const;
    [[nodiscard]] std::vector<std::shared_ptr<Queue>> queues() const;
    // Explicit bindings (not the default exchange's implicit ones).
    [[nodiscard]] std::vector<Binding> bindings() const;

    // --- messages
    // basic.publish: 404 for a missing exchange, 403 for an internal one, 406 for a bad
    // expiration. BCC is removed before queues see the message; `id` and `publishedAt`
    // are assigned here.
    AmqpResult<PublishResult> publish(AmqpMessage message, TimePoint now);
    // The queues `message` reaches (alternate exchanges and exchange-to-exchange bindings
    // followed, cycle-safe, each queue once). 404 / 403 as publish.
    [[nodiscard]] AmqpResult<std::vector<std::shared_ptr<Queue>>> route(
        const AmqpMessage& message) const;

    // Start-up: puts a message read back from the store at the tail of `queue`, keeping
    // its id (later ids are higher) and counting its TTL from `message.publishedAt`. No
    // store hook runs. 404 for a missing queue. A stream's message goes back at
    // `streamOffset` when the store kept it (older stores did not: then at the tail).
    AmqpStatus restoreMessage(std::string_view queue, AmqpMessage message, bool redelivered,
                              std::optional<std::int64_t> streamOffset = std::nullopt);

    // basic.consume / basic.get with the exclusive-queue check (405) and 404.
    AmqpResult<ConsumeOk> consume(std::string_view queue, ConsumeRequest request, TimePoint now);
    AmqpResult<std::optional<Delivery>> get(std::string_view queue, ConnectionId connection,
                                            ChannelId channel, bool noAck, TimePoint now);

    // --- lifecycle
    // Expires messages in every queue and deletes queues unused for their x-expires.
    void tick(TimePoint now);
    // Body bytes held in this vhost's queues (ready and unacknowledged, streams' logs
    // included) as the last tick() counted them: what a memory alarm watches.
    [[nodiscard]] std::size_t heldBytes() const;
    // Cancels the channel's consumers and requeues its unacked deliveries in every queue.
    void channelClosed(ChannelId channel, TimePoint now);
    // Deletes the connection's exclusive queues.
    void connectionClosed(ConnectionId connection, TimePoint now);

private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace sbx::broker::amqp
