#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "sbx/observe/broker_snapshot.h"

namespace sbx::broker {

// One connected client as the observe model shows it. The protocol that owns the
// connection registers it once the client is in (MQTT CONNECT accepted, AMQP
// connection.open) and removes it when the connection ends. Identity fields are fixed at
// registration; counters are relaxed atomics; channels and consumers change rarely and
// sit behind a small lock, so a snapshot never has to reach into a connection's strand.
class ClientEntry {
public:
    struct Identity {
        std::string id;  // "mqtt:<client id>", "amqp:<connection number>"
        std::string name;
        std::string protocol;
        std::string protocolVersion;
        std::string remoteAddress;
        std::string user;
        std::string vhost;
    };

    ClientEntry(Identity identity, std::function<void()> disconnect);

    [[nodiscard]] const Identity& identity() const { return identity_; }
    // Ends the connection; thread-safe (the protocol closes from its own executor).
    void disconnect() const;

    std::atomic<std::uint64_t> messagesIn{0};
    std::atomic<std::uint64_t> messagesOut{0};
    std::atomic<std::uint64_t> bytesIn{0};
    std::atomic<std::uint64_t> bytesOut{0};
    static void add(std::atomic<std::uint64_t>& counter, std::uint64_t n = 1) {
        counter.fetch_add(n, std::memory_order_relaxed);
    }

    // AMQP: open channels and consumers (keyed by channel number and consumer tag).
    void channelOpened(std::uint16_t channel);
    void channelClosed(std::uint16_t channel);
    void consumerAdded(std::uint16_t channel, observe::ClientSubscription consumer);
    void consumerRemoved(std::uint16_t channel, const std::string& tag);

    [[nodiscard]] observe::Client describe() const;

private:
    Identity identity_;
    std::function<void()> disconnect_;
    std::chrono::system_clock::time_point connectedAt_ = std::chrono::system_clock::now();
    mutable std::mutex mutex_;
    std::map<std::uint16_t, std::map<std::string, observe::ClientSubscription>> channels_;
};

// Every connected client, by id.
class ClientDirectory {
public:
    void add(const std::shared_ptr<ClientEntry>& entry);
    // Removes `entry` only if it is still the one registered under its id (an MQTT
    // takeover registers the new connection before the old one is gone).
    void remove(const ClientEntry& entry);
    [[nodiscard]] std::shared_ptr<ClientEntry> find(const std::string& id) const;
    [[nodiscard]] std::vector<std::shared_ptr<ClientEntry>> all() const;
    [[nodiscard]] std::size_t size() const;

private:
    mutable std::mutex mutex_;
    std::map<std::string, std::shared_ptr<ClientEntry>, std::less<>> entries_;
};

}  // namespace sbx::broker
