#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "sbx/observe/broker_source.h"

namespace sbx::connect {

// Keeps a session to a broker that may go away. While connected, calls go through; when a
// call fails because the broker is unreachable (Unavailable, Timeout), the session is
// dropped and re-opened on a later call, waiting 1 s, 2 s, 4 s ... up to 30 s between
// attempts. Between attempts calls fail at once with "reconnecting in N s: <reason>", so
// a poller never blocks for longer than one connect timeout. Hop listeners and message
// watches outlive sessions: they are registered again with each new one.
class ReconnectingSource final : public observe::BrokerSource {
public:
    using Clock = std::chrono::steady_clock;
    using Opener = std::function<Result<std::unique_ptr<observe::BrokerSource>>()>;

    struct Backoff {
        std::chrono::milliseconds initial{1000};
        std::chrono::milliseconds maximum{30000};
    };

    enum class State { Connected, Waiting };
    struct Health {
        State state = State::Waiting;
        int failedAttempts = 0;
        std::string lastError;  // empty while connected
        Clock::time_point nextAttempt;
        Clock::time_point connectedSince;
    };

    ReconnectingSource(std::string name, observe::Capabilities capabilities, Opener opener,
                       Backoff backoff);
    ReconnectingSource(std::string name, observe::Capabilities capabilities, Opener opener);
    ~ReconnectingSource() override;

    // Opens the first session now; the error says why it failed (it will be retried).
    Status connectNow();
    [[nodiscard]] Health health() const;

    [[nodiscard]] std::string name() const override;
    [[nodiscard]] observe::Capabilities capabilities() const override;
    Result<observe::BrokerSnapshot> snapshot() override;
    Result<std::vector<observe::ObservedMessage>> peek(
        const observe::PeekRequest& request) override;
    Status publish(const observe::PublishRequest& request) override;
    Result<std::uint64_t> purge(std::string_view destinationId) override;
    Status remove(std::string_view destinationId) override;
    Status declare(const observe::DeclareRequest& request) override;
    Status bind(const observe::BindRequest& request) override;
    Status unbind(const observe::BindRequest& request) override;
    Status disconnectClient(std::string_view clientId) override;
    Result<observe::RedriveResult> redrive(const observe::RedriveRequest& request) override;
    ListenerId watchHops(HopListener listener) override;
    void unwatchHops(ListenerId id) override;
    Result<ListenerId> watchMessages(const observe::MessageWatch& watch,
                                     MessageListener listener) override;
    void unwatchMessages(ListenerId id) override;

private:
    std::shared_ptr<observe::BrokerSource> session(Error* why);
    void noteFailure(const std::shared_ptr<observe::BrokerSource>& failed, const Error& error);
    template <typename Call>
    auto through(Call&& call) -> decltype(call(std::declval<observe::BrokerSource&>()));

    const std::string name_;
    const Opener opener_;
    const Backoff backoff_;
    mutable std::mutex mutex_;
    std::mutex openMutex_;  // one connect attempt at a time, outside mutex_
    observe::Capabilities capabilities_;
    std::shared_ptr<observe::BrokerSource> current_;
    Health health_;
    ListenerId nextListener_ = 1;
    std::map<ListenerId, HopListener> listeners_;
    std::map<ListenerId, ListenerId> innerListeners_;  // ours -> current session's
    struct MessageWatcher {
        observe::MessageWatch watch;
        MessageListener listener;
    };
    std::map<ListenerId, MessageWatcher> messageWatchers_;
    std::map<ListenerId, ListenerId> innerMessageWatchers_;
    void rewatchMessages();
};

// True for the failures that mean "the broker is not there right now".
[[nodiscard]] bool isConnectionLoss(const Error& error);

}  // namespace sbx::connect
