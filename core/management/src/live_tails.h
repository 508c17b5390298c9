#pragma once

#include <atomic>
#include <boost/asio/thread_pool.hpp>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <set>

#include "route.h"
#include "sbx/common/result.h"
#include "sbx/observe/broker_source.h"

namespace sbx::management {

class LiveTailSession;

// What a /api/v1/messages/live request asks to follow: `destination=<id>` or
// `topic_filter=<MQTT filter>`, exactly one. InvalidArgument otherwise.
Result<observe::MessageWatch> liveWatchOf(const Route& route);

// The source's message watches of every /api/v1/messages/live client: opened on the
// worker pool (watchMessages and the destination check may block), ended when the client
// goes away, all ended by stop() before the source may go away. A watch is keyed by its
// session's id, so a session that is gone leaves no watch behind.
class LiveTails {
public:
    LiveTails(observe::BrokerSource& source, boost::asio::thread_pool& workers);

    // Checks that the destination exists (an unknown id is NotFound, before any upgrade),
    // watches it and tells the session how that went (LiveTailSession::watched).
    void open(const std::shared_ptr<LiveTailSession>& session, observe::MessageWatch watch);
    // Any thread: ends the session's watch, if it has one.
    void close(std::uint64_t sessionId);
    // Ends every watch (synchronously) and closes every session, waiting a moment for
    // their close frames to go out. Later opens are refused.
    void stop();

    [[nodiscard]] std::uint64_t clients() const;
    void countLost(std::uint64_t messages) { lost_.fetch_add(messages, std::memory_order_relaxed); }
    [[nodiscard]] std::uint64_t lost() const { return lost_.load(); }

private:
    struct Entry {
        std::weak_ptr<LiveTailSession> session;
        observe::BrokerSource::ListenerId listener = 0;
    };

    Status checkDestination(const observe::MessageWatch& watch) const;
    Result<observe::BrokerSource::ListenerId> watch(const std::shared_ptr<LiveTailSession>& session,
                                                    const observe::MessageWatch& watch);

    observe::BrokerSource& source_;
    boost::asio::thread_pool& workers_;
    mutable std::mutex mutex_;
    std::map<std::uint64_t, Entry> entries_;
    bool stopped_ = false;
    std::set<std::uint64_t> closing_;  // sessions stop() waits for
    std::condition_variable closed_;
    std::atomic<std::uint64_t> lost_{0};
};

}  // namespace sbx::management
