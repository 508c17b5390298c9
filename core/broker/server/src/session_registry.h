#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "sbx/broker/subscription_tree.h"

namespace sbx::broker {

class BrokerContext;
class Session;

// Client id -> session, and subscriber id -> session for delivery. Owns session life:
// takeover, clean start, expiry after disconnect, and wills whose delay ran out.
class SessionRegistry {
public:
    explicit SessionRegistry(BrokerContext& context);
    ~SessionRegistry();

    struct Claim {
        std::shared_ptr<Session> session;
        bool sessionPresent = false;
    };
    // For a connecting client: tells an existing connection with the same id to go
    // (MQTT 5 §3.1.4), discards the old session on clean start, else resumes it.
    Claim claim(const std::string& clientId, bool cleanStart);
    // Creates an offline session while loading persisted state.
    std::shared_ptr<Session> restore(const std::string& clientId);

    [[nodiscard]] std::shared_ptr<Session> find(SubscriberId id) const;
    [[nodiscard]] std::shared_ptr<Session> findByClientId(const std::string& clientId) const;
    [[nodiscard]] std::vector<std::shared_ptr<Session>> all() const;
    [[nodiscard]] std::size_t size() const;

    // Ends a session for good: subscriptions, queue, persisted copy.
    void remove(const std::shared_ptr<Session>& session);

    // Called about once a second: publishes due wills, ends expired sessions.
    void housekeeping(std::chrono::steady_clock::time_point now);

private:
    std::shared_ptr<Session> createLocked(const std::string& clientId);
    void eraseLocked(const std::shared_ptr<Session>& session);

    BrokerContext& context_;
    mutable std::shared_mutex mutex_;
    std::unordered_map<std::string, std::shared_ptr<Session>> byClientId_;
    std::unordered_map<SubscriberId, std::shared_ptr<Session>> bySubscriber_;
    std::atomic<SubscriberId> nextSubscriberId_{1};
};

}  // namespace sbx::broker
