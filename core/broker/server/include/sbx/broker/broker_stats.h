#pragma once

#include <atomic>
#include <cstdint>

namespace sbx::broker {

// Plain numbers for $SYS, the observe model and tests.
struct BrokerStatsSnapshot {
    std::uint64_t uptimeSeconds = 0;
    std::uint64_t clientsConnected = 0;  // MQTT clients, as $SYS/broker/clients/connected
    std::uint64_t connections = 0;       // clients of every protocol (MQTT, AMQP, ...)
    std::uint64_t clientsTotal = 0;      // sessions, connected or not
    std::uint64_t clientsMaximum = 0;
    std::uint64_t messagesReceived = 0;
    std::uint64_t messagesSent = 0;
    std::uint64_t messagesDropped = 0;
    std::uint64_t messagesExpired = 0;
    std::uint64_t publishReceived = 0;
    std::uint64_t publishSent = 0;
    std::uint64_t bytesReceived = 0;
    std::uint64_t bytesSent = 0;
    std::uint64_t subscriptions = 0;
    std::uint64_t retainedMessages = 0;
    std::uint64_t storedMessages = 0;  // queued for sessions
};

// Counters updated from io threads with relaxed atomics (no lock on the hot path).
struct BrokerCounters {
    std::atomic<std::uint64_t> clientsConnected{0};
    std::atomic<std::uint64_t> clientsMaximum{0};
    std::atomic<std::uint64_t> messagesReceived{0};
    std::atomic<std::uint64_t> messagesSent{0};
    std::atomic<std::uint64_t> messagesDropped{0};
    std::atomic<std::uint64_t> messagesExpired{0};
    std::atomic<std::uint64_t> publishReceived{0};
    std::atomic<std::uint64_t> publishSent{0};
    std::atomic<std::uint64_t> bytesReceived{0};
    std::atomic<std::uint64_t> bytesSent{0};
    std::atomic<std::uint64_t> storedMessages{0};

    static void add(std::atomic<std::uint64_t>& counter, std::uint64_t n = 1) {
        counter.fetch_add(n, std::memory_order_relaxed);
    }
};

}  // namespace sbx::broker
