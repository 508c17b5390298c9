#include "sbx/connect/reconnecting_source.h"

#include <algorithm>

namespace sbx::connect {

bool isConnectionLoss(const Error& error) {
    return error.code == ErrorCode::Unavailable || error.code == ErrorCode::Timeout;
}

ReconnectingSource::ReconnectingSource(std::string name, observe::Capabilities capabilities,
                                       Opener opener, Backoff backoff)
    : name_(std::move(name)),
      opener_(std::move(opener)),
      backoff_(backoff),
      capabilities_(capabilities) {
    health_.nextAttempt = Clock::now();
}

ReconnectingSource::ReconnectingSource(std::string name, observe::Capabilities capabilities,
                                       Opener opener)
    : ReconnectingSource(std::move(name), capabilities, std::move(opener), Backoff{}) {}

ReconnectingSource::~ReconnectingSource() = default;

Status ReconnectingSource::connectNow() {
    {
        std::lock_guard lock(mutex_);
        health_.nextAttempt = Clock::now();
    }
    Error why;
    if (session(&why) == nullptr) {
        return why;
    }
    return {};
}

ReconnectingSource::Health ReconnectingSource::health() const {
    std::lock_guard lock(mutex_);
    return health_;
}

std::shared_ptr<observe::BrokerSource> ReconnectingSource::session(Error* why) {
    std::lock_guard attempt(openMutex_);
    {
        std::lock_guard lock(mutex_);
        if (current_) {
            return current_;
        }
        const auto now = Clock::now();
        if (now < health_.nextAttempt) {
            const auto wait =
                std::chrono::duration_cast<std::chrono::seconds>(health_.nextAttempt - now)
                    .count() +
                1;
            *why = Error{ErrorCode::Unavailable,
                         "reconnecting in " + std::to_string(wait) + " s: " + health_.lastError};
            return nullptr;
        }
    }
    auto opened = opener_();  // may block for the connect timeout; never under mutex_
    std::lock_guard lock(mutex_);
    if (!opened) {
        ++health_.failedAttempts;
        auto delay = backoff_.initial * (1LL << std::min(health_.failedAttempts - 1, 10));
        delay = std::min<std::chrono::milliseconds>(delay, backoff_.maximum);
        health_.state = State::Waiting;
        health_.lastError = opened.error().message;
        health_.nextAttempt = Clock::now() + delay;
        *why = opened.error();
        return nullptr;
    }
    current_ = std::shared_ptr<observe::BrokerSource>(std::move(opened).value());
    capabilities_ = current_->capabilities();
    health_ = Health{State::Connected, 0, {}, {}, Clock::now()};
    innerListeners_.clear();
    for (const auto& [ours, listener] : listeners_) {
        innerListeners_[ours] = current_->watchHops(listener);
    }
    rewatchMessages();
    return current_;
}

void ReconnectingSource::noteFailure(const std::shared_ptr<observe::BrokerSource>& failed,
                                     const Error& error) {
    if (!isConnectionLoss(error)) {
        return;
    }
    std::lock_guard lock(mutex_);
    if (current_ != failed) {
        return;
    }
    current_.reset();
    innerListeners_.clear();
    innerMessageWatchers_.clear();
    health_.state = State::Waiting;
    health_.failedAttempts = 0;
    health_.lastError = error.message;
    health_.nextAttempt = Clock::now();  // the next call tries once at once
}

template <typename Call>
auto ReconnectingSource::through(Call&& call)
    -> decltype(call(std::declval<observe::BrokerSource&>())) {
    Error why;
    auto current = session(&why);
    if (current == nullptr) {
        return why;
    }
    auto result = call(*current);
    if (!result) {
        noteFailure(current, result.error());
    }
    return result;
}

std::string ReconnectingSource::name() const {
    return name_;
}

observe::Capabilities ReconnectingSource::capabilities() const {
    std::lock_guard lock(mutex_);
    return capabilities_;
}

Result<observe::BrokerSnapshot> ReconnectingSource::snapshot() {
    return through([](observe::BrokerSource& s) { return s.snapshot(); });
}

Result<std::vector<observe::ObservedMessage>> ReconnectingSource::peek(
    const observe::PeekRequest& request) {
    return through([&](observe::BrokerSource& s) { return s.peek(request); });
}

Status ReconnectingSource::publish(const observe::PublishRequest& request) {
    return through([&](observe::BrokerSource& s) { return s.publish(request); });
}

Result<std::uint64_t> ReconnectingSource::purge(std::string_view destinationId) {
    return through([&](observe::BrokerSource& s) { return s.purge(destinationId); });
}

Status ReconnectingSource::remove(std::string_view destinationId) {
    return through([&](observe::BrokerSource& s) { return s.remove(destinationId); });
}

Status ReconnectingSource::declare(const observe::DeclareRequest& request) {
    return through([&](observe::BrokerSource& s) { return s.declare(request); });
}

Status ReconnectingSource::bind(const observe::BindRequest& request) {
    return through([&](observe::BrokerSource& s) { return s.bind(request); });
}

Status ReconnectingSource::unbind(const observe::BindRequest& request) {
    return through([&](observe::BrokerSource& s) { return s.unbind(request); });
}

Status ReconnectingSource::disconnectClient(std::string_view clientId) {
    return through([&](observe::BrokerSource& s) { return s.disconnectClient(clientId); });
}

Result<observe::RedriveResult> ReconnectingSource::redrive(const observe::RedriveRequest& request) {
    return through([&](observe::BrokerSource& s) { return s.redrive(request); });
}

ReconnectingSource::ListenerId ReconnectingSource::watchHops(HopListener listener) {
    std::lock_guard lock(mutex_);
    const ListenerId id = nextListener_++;
    listeners_[id] = listener;
    if (current_) {
        innerListeners_[id] = current_->watchHops(std::move(listener));
    }
    return id;
}

void ReconnectingSource::unwatchHops(ListenerId id) {
    std::lock_guard lock(mutex_);
    listeners_.erase(id);
    if (const auto inner = innerListeners_.find(id); inner != innerListeners_.end()) {
        if (current_) {
            current_->unwatchHops(inner->second);
        }
        innerListeners_.erase(inner);
    }
}

void ReconnectingSource::rewatchMessages() {
    innerMessageWatchers_.clear();
    for (const auto& [ours, watcher] : messageWatchers_) {
        if (auto inner = current_->watchMessages(watcher.watch, watcher.listener)) {
            innerMessageWatchers_[ours] = *inner;
        }
    }
}

Result<ReconnectingSource::ListenerId> ReconnectingSource::watchMessages(
    const observe::MessageWatch& watch, MessageListener listener) {
    std::lock_guard lock(mutex_);
    ListenerId inner = 0;
    if (current_) {
        auto watched = current_->watchMessages(watch, listener);
        if (!watched) {
            return watched.error();
        }
        inner = *watched;
    } else if (!capabilities_.has(observe::Capability::LiveMessages)) {
        return Error{ErrorCode::Unsupported, "this broker cannot stream messages live"};
    }
    const ListenerId id = nextListener_++;
    messageWatchers_[id] = MessageWatcher{watch, std::move(listener)};
    if (current_) {
        innerMessageWatchers_[id] = inner;
    }
    return id;
}

void ReconnectingSource::unwatchMessages(ListenerId id) {
    std::lock_guard lock(mutex_);
    messageWatchers_.erase(id);
    if (const auto inner = innerMessageWatchers_.find(id); inner != innerMessageWatchers_.end()) {
        if (current_) {
            current_->unwatchMessages(inner->second);
        }
        innerMessageWatchers_.erase(inner);
    }
}

}  // namespace sbx::connect
