#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "nats_connection.h"

namespace sbx::nats {

// Subjects followed on a connection of its own, read on a thread of its own (a blocked
// read cannot be shared with the session's requests). Messages reach `handler` in batches
// (everything one read brought). When the connection breaks, it is made again every
// 2 seconds until the subscription ends. The destructor ends the read and joins.
class LiveSubscription {
public:
    using Handler = std::function<void(std::vector<NatsFrame>&&)>;

    LiveSubscription(NatsSettings settings, std::vector<std::string> subjects,
                     std::string clientName, Handler handler);
    ~LiveSubscription();
    LiveSubscription(const LiveSubscription&) = delete;
    LiveSubscription& operator=(const LiveSubscription&) = delete;

    // Blocks until the first SUB reached the server (or failed), so nothing published
    // after the caller returns is missed.
    Status waitUntilSubscribed();

private:
    void run();
    Result<std::unique_ptr<NatsConnection>> connectAndSubscribe();
    void readUntilBroken(NatsConnection& connection);

    const NatsSettings settings_;
    const std::vector<std::string> subjects_;
    const std::string clientName_;
    const Handler handler_;

    std::mutex mutex_;
    std::condition_variable changed_;
    bool stopping_ = false;
    bool firstAttemptDone_ = false;
    Status firstAttempt_;
    NatsConnection* current_ = nullptr;  // guarded by mutex_, closed by the destructor
    std::thread thread_;
};

}  // namespace sbx::nats
