#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "ack_barrier.h"
#include "sbx/broker/amqp/store_hooks.h"
#include "sbx/store/durable_store.h"

namespace sbx::broker {

// Makes a publisher confirm (or a tx.commit-ok) wait for the writes its operation causes.
// The model calls the store hooks synchronously, on the thread of the publish or ack, with
// no way to pass the barrier through; so the caller opens this scope around the model
// call and the hooks pick the barrier up from the thread. Scopes do not nest.
class AmqpStoreWait {
public:
    explicit AmqpStoreWait(AckBarrierPtr barrier);
    ~AmqpStoreWait();
    AmqpStoreWait(const AmqpStoreWait&) = delete;
    AmqpStoreWait& operator=(const AmqpStoreWait&) = delete;

    // The barrier of the scope open on this thread, or null.
    [[nodiscard]] static const AckBarrierPtr& current();
};

// One virtual host's QueueStoreHooks over the DurableStore (layout: amqp_store_codec.h).
// Message writes hold the AmqpStoreWait barrier when there is one; topology writes and
// removals outside a scope are not waited for (a clean shutdown flushes the store).
class AmqpStoreHooks final : public amqp::QueueStoreHooks {
public:
    AmqpStoreHooks(store::DurableStore& store, std::string vhost);

    // While the loader rebuilds the vhost from the store, nothing is written back; stored
    // bindings are only remembered (so that removing them later erases their records).
    void setRestoring(bool restoring) { restoring_.store(restoring); }
    // The loader restored message `id` of `queue` as delivered before: its marker exists.
    void noteDelivered(std::string_view queue, std::uint64_t id);

    void messageStored(std::string_view queue, const amqp::AmqpMessage& message) override;
    void streamMessageStored(std::string_view queue, const amqp::AmqpMessage& message,
                             std::int64_t offset) override;
    void messageRemoved(std::string_view queue, const amqp::AmqpMessage& message) override;
    void messageDelivered(std::string_view queue, const amqp::AmqpMessage& message) override;

    void exchangeStored(const amqp::Exchange& exchange) override;
    void exchangeRemoved(std::string_view exchange) override;
    void queueStored(const amqp::QueueSettings& queue) override;
    void queueRemoved(std::string_view queue) override;
    void bindingStored(const amqp::Binding& binding) override;
    void bindingRemoved(const amqp::Binding& binding) override;

private:
    struct NameHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view name) const {
            return std::hash<std::string_view>{}(name);
        }
    };
    // Per queue, the ids of messages whose delivered marker is stored. Looked up by
    // string_view: a delivery or an ack allocates no key.
    using Markers = std::unordered_map<std::string, std::unordered_set<std::uint64_t>, NameHash,
                                       std::equal_to<>>;

    [[nodiscard]] bool restoring() const { return restoring_.load(); }
    std::unordered_set<std::uint64_t>& markersOf(std::string_view queue);  // mutex_ held

    store::DurableStore& store_;
    const std::string vhost_;
    std::atomic<bool> restoring_{false};
    std::mutex mutex_;
    std::set<std::string> storedBindings_;  // record keys
    Markers deliveredMarkers_;
};

}  // namespace sbx::broker
