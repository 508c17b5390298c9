#include "live_subscription.h"

namespace sbx::nats {

namespace {

// The server pings every 2 minutes; a read that long without even a PING means the
// connection is dead.
constexpr std::chrono::minutes kIdleLimit{5};
constexpr std::chrono::seconds kRetryDelay{2};

}  // namespace

LiveSubscription::LiveSubscription(NatsSettings settings, std::vector<std::string> subjects,
                                   std::string clientName, Handler handler)
    : settings_(std::move(settings)),
      subjects_(std::move(subjects)),
      clientName_(std::move(clientName)),
      handler_(std::move(handler)) {
    thread_ = std::thread([this] { run(); });
}

LiveSubscription::~LiveSubscription() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        if (current_ != nullptr) {
            current_->close();
        }
    }
    changed_.notify_all();
    thread_.join();
}

Status LiveSubscription::waitUntilSubscribed() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return firstAttemptDone_; });
    return firstAttempt_;
}

Result<std::unique_ptr<NatsConnection>> LiveSubscription::connectAndSubscribe() {
    auto connection = NatsConnection::open(settings_, clientName_);
    if (!connection) {
        return connection.error();
    }
    int sid = 0;
    for (const auto& subject : subjects_) {
        if (auto subscribed = (*connection)->subscribe(subject, std::to_string(++sid));
            !subscribed) {
            return subscribed.error();
        }
    }
    // A permissions violation for a SUB arrives before the PONG.
    if (auto flushed = (*connection)->flush(); !flushed) {
        return flushed.error();
    }
    return connection;
}

void LiveSubscription::run() {
    for (;;) {
        auto connection = connectAndSubscribe();
        {
            std::unique_lock lock(mutex_);
            if (!firstAttemptDone_) {
                firstAttemptDone_ = true;
                firstAttempt_ = connection ? Status{} : Status(connection.error());
                changed_.notify_all();
            }
            if (connection && !stopping_) {
                current_ = connection->get();
            }
        }
        if (connection && current_ != nullptr) {
            readUntilBroken(**connection);
            std::lock_guard lock(mutex_);
            current_ = nullptr;
        }
        std::unique_lock lock(mutex_);
        if (changed_.wait_for(lock, kRetryDelay, [&] { return stopping_; })) {
            return;
        }
    }
}

void LiveSubscription::readUntilBroken(NatsConnection& connection) {
    for (;;) {
        auto batch = connection.nextMessages(kIdleLimit);
        if (!batch) {
            return;
        }
        try {
            handler_(std::move(*batch));
        } catch (...) {  // NOLINT(bugprone-empty-catch): a listener's failure must not end
        }                // the reader (its thread would take the program down)
    }
}

}  // namespace sbx::nats
