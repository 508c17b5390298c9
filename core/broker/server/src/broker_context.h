#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

#include "router.h"
#include "sbx/broker/broker_config.h"
#include "sbx/broker/broker_stats.h"
#include "sbx/common/log_hub.h"
#include "sbx/observe/hop_event_bus.h"
#include "sbx/store/durable_store.h"
#include "session_registry.h"

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
    Router router;
    SessionRegistry registry;
    const std::chrono::steady_clock::time_point startedAt = std::chrono::steady_clock::now();

    [[nodiscard]] std::uint64_t nextMessageId() {
        return messageIds_.fetch_add(1, std::memory_order_relaxed);
    }
    void logMessage(LogLevel level, std::string message) {
        log.log(level, "broker", std::move(message));
    }

private:
    std::atomic<std::uint64_t> messageIds_{1};
};

}  // namespace sbx::broker
