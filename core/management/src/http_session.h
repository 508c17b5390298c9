#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/thread_pool.hpp>
#include <chrono>
#include <cstddef>

namespace sbx::management {

class ApiHandler;
class EventHub;
class LiveTails;

struct SessionSettings {
    const ApiHandler& handler;
    EventHub& hub;
    LiveTails& live;
    boost::asio::thread_pool& workers;
    std::size_t maxBodyBytes;
    std::size_t maxQueuedEventBytes;
    std::chrono::seconds idleTimeout;
};

// Serves one accepted connection (its socket's executor is a strand): HTTP/1.1 with
// keep-alive, requests handled one after another on the worker pool, or hands the
// socket to an EventsSession (/api/v1/events) or a LiveTailSession
// (/api/v1/messages/live) when it asks for a WebSocket.
void serveConnection(boost::asio::ip::tcp::socket socket, const SessionSettings& settings);

}  // namespace sbx::management
