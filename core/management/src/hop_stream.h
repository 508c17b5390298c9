#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

#include "http_client.h"
#include "sbx/observe/hop_event.h"

namespace sbx::management {

// Hop events from a remote /api/v1/events?snapshots=0 on a background thread, handed to
// `onBatch` one batch per message. Reconnects every second while the server is away
// (events in between are lost: the stream is live, not a log).
class HopStream {
public:
    using BatchHandler = std::function<void(const std::vector<observe::HopEvent>&)>;

    HopStream(HttpTarget target, BatchHandler onBatch);
    ~HopStream();  // stops and joins
    HopStream(const HopStream&) = delete;
    HopStream& operator=(const HopStream&) = delete;

    [[nodiscard]] bool onStreamThread() const;
    // True once the WebSocket handshake succeeded (tests wait for it).
    [[nodiscard]] bool connected() const { return connected_.load(); }

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
    std::atomic<bool> connected_{false};
    std::thread thread_;
};

}  // namespace sbx::management
