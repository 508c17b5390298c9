#pragma once

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "sbx/observe/broker_source.h"

namespace sbx::management {

class EventsSession;

// Feeds every /api/v1/events client: hop batches as the source delivers them (watched
// only while some client wants them, so an unwatched broker pays nothing), and the
// overview with every destination's numbers once per interval (taken on the worker pool,
// skipped while the previous one still runs). Each message is serialised once for all.
class EventHub {
public:
    EventHub(observe::BrokerSource& source, boost::asio::io_context& io,
             boost::asio::thread_pool& workers, std::chrono::milliseconds interval);

    void start();
    // Unwatches hops, stops the ticker and closes every client.
    void stop();

    void add(const std::shared_ptr<EventsSession>& session);
    void remove(const EventsSession* session);
    void countDropped() { dropped_.fetch_add(1, std::memory_order_relaxed); }

    [[nodiscard]] std::uint64_t dropped() const { return dropped_.load(); }
    [[nodiscard]] std::uint64_t clients() const { return clients_.load(); }

private:
    void onHops(const std::vector<observe::HopEvent>& events);
    void scheduleTick();
    void takeSnapshot();
    void broadcast(const std::shared_ptr<const std::string>& message, bool hops);
    void updateHopWatch();

    observe::BrokerSource& source_;
    boost::asio::thread_pool& workers_;
    std::chrono::milliseconds interval_;
    boost::asio::steady_timer timer_;
    std::atomic<bool> snapshotRunning_{false};
    std::atomic<bool> stopped_{false};
    std::atomic<std::uint64_t> dropped_{0};
    std::atomic<std::uint64_t> clients_{0};

    std::mutex sessionsMutex_;  // taken by onHops on the source's thread
    std::vector<std::weak_ptr<EventsSession>> sessions_;

    // Separate from sessionsMutex_: the source may hold its own lock while it calls
    // onHops, so (un)watching must never happen under sessionsMutex_.
    std::mutex watchMutex_;
    std::optional<observe::BrokerSource::ListenerId> hopListener_;
};

}  // namespace sbx::management
