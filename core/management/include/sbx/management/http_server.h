#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "sbx/common/result.h"
#include "sbx/observe/broker_source.h"

namespace sbx::management {

struct HttpServerOptions {
    std::string bindAddress = "127.0.0.1";
    std::uint16_t port = 0;  // 0 picks a free port
    unsigned ioThreads = 1;
    // BrokerSource calls may block (a remote source, a large snapshot): they run here,
    // never on the I/O threads, so one slow call stalls no other client.
    unsigned workerThreads = 4;
    std::size_t maxBodyBytes = 16U * 1024U * 1024U;  // larger bodies get 413
    // Per WebSocket client: messages waiting beyond this are dropped and counted.
    std::size_t maxQueuedEventBytes = 8U * 1024U * 1024U;
    std::chrono::milliseconds snapshotInterval{1000};  // the events stream's numbers
    std::chrono::seconds idleTimeout{60};              // keep-alive connections
};

// The management API (docs/management-api.yaml) over one BrokerSource: REST under
// /api/v1, the WebSockets /api/v1/events and /api/v1/messages/live, and Prometheus
// text at /metrics. Beast and Asio stay behind the pimpl.
class HttpServer {
public:
    // Binds and starts serving; fails with a readable reason (address in use, ...).
    static Result<std::unique_ptr<HttpServer>> start(observe::BrokerSource& source,
                                                     HttpServerOptions options);
    // Stops accepting, closes connections and waits for running source calls. Idempotent.
    void stop();
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    [[nodiscard]] const std::string& address() const;
    [[nodiscard]] std::uint16_t port() const;
    // Event batches not sent to slow WebSocket clients, since start.
    [[nodiscard]] std::uint64_t droppedEventBatches() const;
    [[nodiscard]] std::uint64_t eventClients() const;

    struct Impl;

private:
    explicit HttpServer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace sbx::management
