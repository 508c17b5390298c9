#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "sbx/broker/broker_config.h"
#include "sbx/broker/broker_stats.h"
#include "sbx/common/log_hub.h"
#include "sbx/common/result.h"

namespace sbx::observe {
class BrokerSource;
class HopEventBus;
}  // namespace sbx::observe

namespace sbx::broker {

struct ListeningEndpoint {
    std::string protocol;  // "mqtt", "ws"
    std::string address;
    std::uint16_t port = 0;
};

// The embedded broker: listeners, sessions, routing and persistence on a pool of io
// threads. `sbx broker` and the studio both run it. Asio stays behind the pimpl so this
// header is cheap to include.
class Broker {
public:
    // Loads persisted state, binds every listener and starts accepting. Fails with a
    // readable reason (port in use, data dir locked, ...) and leaves nothing running.
    static Result<std::unique_ptr<Broker>> start(const BrokerConfig& config, LogHub& log);
    ~Broker();
    Broker(const Broker&) = delete;
    Broker& operator=(const Broker&) = delete;

    // Closes listeners and connections, flushes the store, joins the threads. Idempotent.
    void stop();

    [[nodiscard]] const std::vector<ListeningEndpoint>& endpoints() const;
    [[nodiscard]] BrokerStatsSnapshot stats() const;
    [[nodiscard]] observe::HopEventBus& hopEvents();
    // The broker as the observe model sees it (snapshot, browse, manage, hop events): what
    // the studio's views and the management API are written against. Lives as long as
    // the Broker; thread-safe.
    [[nodiscard]] observe::BrokerSource& source();

    struct Impl;

private:
    explicit Broker(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace sbx::broker
