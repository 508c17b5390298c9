#include "session_registry.h"

#include <mutex>

#include "broker_context.h"
#include "session.h"

namespace sbx::broker {

namespace {
constexpr auto kSessionNamespace = "mqtt.session";
constexpr std::uint32_t kNeverExpires = 0xFFFFFFFF;
constexpr std::uint8_t kSessionTakenOver = 0x8E;
}  // namespace

SessionRegistry::SessionRegistry(BrokerContext& context) : context_(context) {}

SessionRegistry::~SessionRegistry() = default;

std::shared_ptr<Session> SessionRegistry::createLocked(const std::string& clientId) {
    auto session = std::make_shared<Session>(context_, clientId, nextSubscriberId_++);
    byClientId_[clientId] = session;
    bySubscriber_[session->id()] = session;
    return session;
}

void SessionRegistry::eraseLocked(const std::shared_ptr<Session>& session) {
    auto it = byClientId_.find(session->clientId());
    if (it != byClientId_.end() && it->second == session) {
        byClientId_.erase(it);
    }
    bySubscriber_.erase(session->id());
}

SessionRegistry::Claim SessionRegistry::claim(const std::string& clientId, bool cleanStart) {
    std::shared_ptr<Session> previous;
    {
        std::unique_lock lock(mutex_);
        auto it = byClientId_.find(clientId);
        if (it != byClientId_.end()) {
            previous = it->second;
        }
        if (previous && !cleanStart) {
            lock.unlock();
            previous->kick(kSessionTakenOver);
            return Claim{previous, true};
        }
        if (previous) {
            eraseLocked(previous);
        }
        auto fresh = createLocked(clientId);
        lock.unlock();
        if (previous) {
            previous->kick(kSessionTakenOver);
            context_.router.unsubscribeAll(previous->id());
            previous->discard();
            if (context_.store != nullptr) {
                context_.store->eraseRecord(kSessionNamespace, clientId);
            }
        }
        return Claim{fresh, false};
    }
}

std::shared_ptr<Session> SessionRegistry::restore(const std::string& clientId) {
    std::unique_lock lock(mutex_);
    return createLocked(clientId);
}

std::shared_ptr<Session> SessionRegistry::find(SubscriberId id) const {
    std::shared_lock lock(mutex_);
    auto it = bySubscriber_.find(id);
    return it == bySubscriber_.end() ? nullptr : it->second;
}

std::shared_ptr<Session> SessionRegistry::findByClientId(const std::string& clientId) const {
    std::shared_lock lock(mutex_);
    auto it = byClientId_.find(clientId);
    return it == byClientId_.end() ? nullptr : it->second;
}

std::vector<std::shared_ptr<Session>> SessionRegistry::all() const {
    std::shared_lock lock(mutex_);
    std::vector<std::shared_ptr<Session>> result;
    result.reserve(byClientId_.size());
    for (const auto& [id, session] : byClientId_) {
        result.push_back(session);
    }
    return result;
}

std::size_t SessionRegistry::size() const {
    std::shared_lock lock(mutex_);
    return byClientId_.size();
}

void SessionRegistry::remove(const std::shared_ptr<Session>& session) {
    bool wasCurrent = false;
    {
        std::unique_lock lock(mutex_);
        auto it = byClientId_.find(session->clientId());
        wasCurrent = it != byClientId_.end() && it->second == session;
        eraseLocked(session);
    }
    context_.router.unsubscribeAll(session->id());
    session->discard();
    // A newer session with the same client id keeps its persisted record.
    if (wasCurrent && context_.store != nullptr) {
        context_.store->eraseRecord(kSessionNamespace, session->clientId());
    }
}

void SessionRegistry::housekeeping(std::chrono::steady_clock::time_point now) {
    std::vector<std::shared_ptr<Session>> expired;
    for (const auto& session : all()) {
        const auto since = session->disconnectedAt();
        if (!since) {
            continue;
        }
        const auto expiry = session->expiryInterval();
        const bool ended = expiry != kNeverExpires && now - *since >= std::chrono::seconds(expiry);
        // A will is due when its delay passes or its session ends (MQTT 5 §3.1.3.2.2).
        if (auto will = session->takeDueWill(now, ended)) {
            context_.router.route(will, nullptr);
        }
        if (ended) {
            expired.push_back(session);
        }
    }
    for (const auto& session : expired) {
        context_.logMessage(LogLevel::Debug, "session " + session->clientId() + " expired");
        remove(session);
    }
}

}  // namespace sbx::broker
