#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "amqp_access.h"
#include "amqp_memory_alarm.h"
#include "amqp_store_hooks.h"
#include "client_directory.h"
#include "message_tap.h"
#include "router.h"
#include "sbx/broker/amqp/virtual_host.h"
#include "sbx/broker/broker_config.h"
#include "sbx/broker/broker_stats.h"
#include "sbx/common/log_hub.h"
#include "sbx/observe/hop_event_bus.h"
#include "sbx/store/durable_store.h"
#include "session_registry.h"
#include "topic_activity.h"

namespace sbx::broker {

// Everything the protocol handlers share, passed explicitly instead of globals.
class BrokerContext {
public:
    BrokerContext(const BrokerConfig& config, LogHub& log, store::DurableStore* store);

    const BrokerConfig& config;
    LogHub& log;
    store::DurableStore* store;  // null: nothing persists
    BrokerCounters counters;
    observe::HopEventBus hops;
    MessageTap messageTap;  // live tails (BrokerSource::watchMessages)
    Router router;
    SessionRegistry registry;
    // For the observe model: every topic that has seen a message, every connected client.
    TopicActivity topics;
    ClientDirectory clients;
    // The AMQP side: users and permissions, and the vhosts ("/" and the configured ones)
    // shared by every AMQP connection.
    AmqpAccess amqpAccess;
    std::map<std::string, std::unique_ptr<amqp::VirtualHost>, std::less<>> amqpHosts;
    // Each vhost's writer into the store (empty without one), for the start-up loader.
    std::map<std::string, std::shared_ptr<AmqpStoreHooks>, std::less<>> amqpStores;
    // Each vhost's observer (hop events, the live tap): the tap switches their routes on.
    std::vector<std::shared_ptr<amqp::MessageObserver>> amqpObservers;
    // Bytes held in all vhosts' queues against amqp_memory_high_watermark, counted by
    // the broker's housekeeping after each round of vhost ticks.
    AmqpMemoryAlarm amqpMemoryAlarm;

    [[nodiscard]] amqp::VirtualHost* amqpHost(std::string_view name) {
        const auto found = amqpHosts.find(name);
        return found == amqpHosts.end() ? nullptr : found->second.get();
    }
    const std::chrono::steady_clock::time_point startedAt = std::chrono::steady_clock::now();

    // AMQP connections' ids (the model tells owners of exclusive queues apart by them).
    [[nodiscard]] std::uint64_t nextAmqpConnectionId() {
        return amqpConnectionIds_.fetch_add(1, std::memory_order_relaxed);
    }
    // One sequence for the whole broker, its AMQP vhosts included: hop events and traces
    // key messages by these ids, so no two messages may share one.
    [[nodiscard]] std::uint64_t nextMessageId() {
        return messageIds_->fetch_add(1, std::memory_order_relaxed);
    }
    void logMessage(LogLevel level, std::string message) {
        log.log(level, "broker", std::move(message));
    }

private:
    std::shared_ptr<std::atomic<std::uint64_t>> messageIds_ =
        std::make_shared<std::atomic<std::uint64_t>>(1);
    std::atomic<std::uint64_t> amqpConnectionIds_{1};
};

}  // namespace sbx::broker
