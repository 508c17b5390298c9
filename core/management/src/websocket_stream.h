#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "http_client.h"
#include "sbx/common/result.h"

namespace sbx::management {

// One WebSocket of the management API (/api/v1/events, /api/v1/messages/live) read on a
// background thread: each text frame goes to `onText` on that thread. Reconnects every
// second while the server is away or refuses (what is sent in between is lost: these
// streams are live, not logs). The destructor closes the socket with a close frame, so
// the server ends its side at once, and joins the thread: onText is not called after it.
// So it must not be destroyed from within onText.
class WebSocketStream {
public:
    using TextHandler = std::function<void(const std::string&)>;

    // `path` with its query, e.g. "/api/v1/events?snapshots=0".
    WebSocketStream(HttpTarget target, std::string path, TextHandler onText);
    ~WebSocketStream();
    WebSocketStream(const WebSocketStream&) = delete;
    WebSocketStream& operator=(const WebSocketStream&) = delete;

    // How the first attempt to open the stream ended: Ok once the handshake succeeded;
    // else the server's own error when it refused the upgrade (404 for an unknown
    // destination, ...) or Unavailable. Waits at most `timeout` for it.
    Status waitForFirstAttempt(std::chrono::milliseconds timeout);

    // Any thread, even onText's: sends the close frame and stops reconnecting, without
    // waiting; the destructor still has to run (on another thread) to join.
    void closeSoon();

    [[nodiscard]] bool onStreamThread() const;
    // True while the WebSocket is open (tests wait for it).
    [[nodiscard]] bool connected() const { return connected_.load(); }

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
    std::atomic<bool> connected_{false};
    std::thread thread_;
};

}  // namespace sbx::management
