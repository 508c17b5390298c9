#include "live_tails.h"

#include <algorithm>
#include <boost/asio/post.hpp>
#include <optional>
#include <vector>

#include "live_tail_session.h"

namespace sbx::management {

Result<observe::MessageWatch> liveWatchOf(const Route& route) {
    const auto destination = route.query.find("destination");
    const auto filter = route.query.find("topic_filter");
    const bool hasDestination = destination != route.query.end() && !destination->second.empty();
    const bool hasFilter = filter != route.query.end() && !filter->second.empty();
    if (hasDestination == hasFilter) {
        return Error{ErrorCode::InvalidArgument,
                     "/api/v1/messages/live needs either ?destination=<id> or "
                     "?topic_filter=<MQTT filter>"};
    }
    observe::MessageWatch watch;
    if (hasDestination) {
        watch.destinationId = destination->second;
    } else {
        watch.topicFilter = filter->second;
    }
    return watch;
}

LiveTails::LiveTails(observe::BrokerSource& source, boost::asio::thread_pool& workers)
    : source_(source), workers_(workers) {}

void LiveTails::open(const std::shared_ptr<LiveTailSession>& session, observe::MessageWatch watch) {
    boost::asio::post(workers_, [this, session, watch = std::move(watch)] {
        auto listener = this->watch(session, watch);
        session->watched(listener ? Status{} : Status{listener.error()});
    });
}

Result<observe::BrokerSource::ListenerId> LiveTails::watch(
    const std::shared_ptr<LiveTailSession>& session, const observe::MessageWatch& watch) {
    if (auto status = checkDestination(watch); !status) {
        return status.error();
    }
    // The listener holds the session weakly: a session that is gone only drops batches
    // until its watch is ended.
    std::weak_ptr<LiveTailSession> weak = session;
    auto listener = source_.watchMessages(watch, [weak](const observe::MessageBatch& batch) {
        if (auto alive = weak.lock()) {
            alive->enqueue(batch);
        }
    });
    if (!listener) {
        return listener.error();
    }
    std::unique_lock lock(mutex_);
    if (stopped_) {
        lock.unlock();
        source_.unwatchMessages(*listener);
        return Error{ErrorCode::Unavailable, "the management API is stopping"};
    }
    entries_[session->id()] = Entry{session, *listener};
    return listener;
}

// A queue, stream or exchange must exist: watching a typo would show nothing, forever.
// Topics exist as soon as someone publishes to them, so any topic may be followed.
Status LiveTails::checkDestination(const observe::MessageWatch& watch) const {
    if (!watch.topicFilter.empty() || watch.destinationId.starts_with("topic:")) {
        return {};
    }
    auto snapshot = source_.snapshot();
    if (!snapshot) {
        return snapshot.error();
    }
    const auto& all = snapshot->destinations;
    if (std::none_of(all.begin(), all.end(),
                     [&](const auto& d) { return d.id == watch.destinationId; })) {
        return Error{ErrorCode::NotFound, "no destination '" + watch.destinationId + "'"};
    }
    return {};
}

void LiveTails::close(std::uint64_t sessionId) {
    {
        std::lock_guard lock(mutex_);
        if (closing_.erase(sessionId) > 0) {
            closed_.notify_all();
        }
    }
    // unwatchMessages may block (a remote source joins a thread): not on an I/O thread.
    boost::asio::post(workers_, [this, sessionId] {
        std::optional<observe::BrokerSource::ListenerId> listener;
        {
            std::lock_guard lock(mutex_);
            const auto found = entries_.find(sessionId);
            if (found == entries_.end()) {
                return;
            }
            listener = found->second.listener;
            entries_.erase(found);
        }
        source_.unwatchMessages(*listener);
    });
}

void LiveTails::stop() {
    std::map<std::uint64_t, Entry> entries;
    {
        std::lock_guard lock(mutex_);
        stopped_ = true;
        entries.swap(entries_);
    }
    std::vector<std::shared_ptr<LiveTailSession>> sessions;
    for (const auto& [id, entry] : entries) {
        source_.unwatchMessages(entry.listener);
        if (auto session = entry.session.lock()) {
            sessions.push_back(std::move(session));
        }
    }
    std::unique_lock lock(mutex_);
    for (const auto& session : sessions) {
        closing_.insert(session->id());
        session->close();
    }
    sessions.clear();
    // The I/O threads stop right after: give the close frames a moment to go out, so
    // clients see the server go away (a client that does not read is not waited for).
    closed_.wait_for(lock, std::chrono::seconds(1), [this] { return closing_.empty(); });
}

std::uint64_t LiveTails::clients() const {
    std::lock_guard lock(mutex_);
    return entries_.size();
}

}  // namespace sbx::management
