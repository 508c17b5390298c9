#include "event_hub.h"

#include <boost/asio/post.hpp>

#include "events_session.h"
#include "sbx/management/json_mapping.h"

namespace sbx::management {

namespace {

// The numbers a live view redraws every second; the full record is GET /destinations.
Json destinationNumbers(const observe::Destination& d) {
    return {{"id", d.id},
            {"kind", d.kind},
            {"vhost", d.vhost},
            {"name", d.name},
            {"messagesReady", d.messagesReady},
            {"messagesUnacked", d.messagesUnacked},
            {"bytes", d.bytes},
            {"consumers", d.consumers},
            {"counters", d.counters},
            {"rates", d.rates}};
}

}  // namespace

EventHub::EventHub(observe::BrokerSource& source, boost::asio::io_context& io,
                   boost::asio::thread_pool& workers, std::chrono::milliseconds interval)
    : source_(source), workers_(workers), interval_(interval), timer_(io) {}

void EventHub::start() {
    scheduleTick();
}

void EventHub::stop() {
    stopped_ = true;
    {
        std::lock_guard lock(watchMutex_);
        if (hopListener_) {
            source_.unwatchHops(*hopListener_);
            hopListener_.reset();
        }
    }
    boost::asio::post(timer_.get_executor(), [this] { timer_.cancel(); });
    std::vector<std::weak_ptr<EventsSession>> sessions;
    {
        std::lock_guard lock(sessionsMutex_);
        sessions.swap(sessions_);
    }
    for (const auto& weak : sessions) {
        if (auto session = weak.lock()) {
            session->close();
        }
    }
}

void EventHub::add(const std::shared_ptr<EventsSession>& session) {
    {
        std::lock_guard lock(sessionsMutex_);
        sessions_.push_back(session);
        clients_ = sessions_.size();
    }
    updateHopWatch();
}

void EventHub::remove(const EventsSession* session) {
    {
        std::lock_guard lock(sessionsMutex_);
        std::erase_if(sessions_, [session](const std::weak_ptr<EventsSession>& weak) {
            auto held = weak.lock();
            return !held || held.get() == session;
        });
        clients_ = sessions_.size();
    }
    updateHopWatch();
}

void EventHub::updateHopWatch() {
    bool wanted = false;
    {
        std::lock_guard lock(sessionsMutex_);
        for (const auto& weak : sessions_) {
            auto session = weak.lock();
            wanted = wanted || (session && session->wantsHops());
        }
    }
    std::lock_guard lock(watchMutex_);
    if (wanted && !hopListener_ && !stopped_) {
        hopListener_ = source_.watchHops([this](const auto& events) { onHops(events); });
    } else if (!wanted && hopListener_) {
        source_.unwatchHops(*hopListener_);
        hopListener_.reset();
    }
}

void EventHub::onHops(const std::vector<observe::HopEvent>& events) {
    if (events.empty()) {
        return;
    }
    auto message =
        std::make_shared<const std::string>(dumpJson(Json{{"type", "hops"}, {"events", events}}));
    broadcast(message, true);
}

void EventHub::scheduleTick() {
    timer_.expires_after(interval_);
    timer_.async_wait([this](const boost::system::error_code& error) {
        if (error || stopped_) {
            return;
        }
        bool wanted = false;
        {
            std::lock_guard lock(sessionsMutex_);
            for (const auto& weak : sessions_) {
                auto session = weak.lock();
                wanted = wanted || (session && session->wantsSnapshots());
            }
        }
        if (wanted && !snapshotRunning_.exchange(true)) {
            boost::asio::post(workers_, [this] { takeSnapshot(); });
        }
        scheduleTick();
    });
}

void EventHub::takeSnapshot() {
    auto snapshot = source_.snapshot();
    if (snapshot) {
        Json destinations = Json::array();
        for (const auto& d : snapshot->destinations) {
            destinations.push_back(destinationNumbers(d));
        }
        auto message = std::make_shared<const std::string>(dumpJson(Json{
            {"type", "snapshot"},
            {"time", formatTime(snapshot->time)},
            {"overview", snapshot->overview},
            {"destinations", std::move(destinations)},
        }));
        broadcast(message, false);
    } else {
        auto message = std::make_shared<const std::string>(
            dumpJson(Json{{"type", "error"}, {"error", snapshot.error().message}}));
        broadcast(message, false);
    }
    snapshotRunning_ = false;
}

void EventHub::broadcast(const std::shared_ptr<const std::string>& message, bool hops) {
    std::vector<std::shared_ptr<EventsSession>> targets;
    {
        std::lock_guard lock(sessionsMutex_);
        for (const auto& weak : sessions_) {
            auto session = weak.lock();
            if (session && (hops ? session->wantsHops() : session->wantsSnapshots())) {
                targets.push_back(std::move(session));
            }
        }
    }
    for (const auto& session : targets) {
        session->enqueue(message);
    }
}

}  // namespace sbx::management
