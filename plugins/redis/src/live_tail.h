#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "resp_connection.h"
#include "sbx/observe/broker_source.h"

namespace sbx::redis {

// Follows one stream with XREAD BLOCK on its own connection and thread, and hands the
// entries to the listener in batches (one per XREAD reply, up to 1000 entries). Starts
// after the stream's last entry at the time of the call; resumes after the last entry
// seen when the connection broke and came back, so a reconnect leaves no gap.
class LiveTail {
public:
    using Listener = observe::BrokerSource::MessageListener;

    LiveTail(RedisEndpoint endpoint, std::string key, std::string destinationId, Listener listener);
    ~LiveTail();  // stops and joins
    LiveTail(const LiveTail&) = delete;
    LiveTail& operator=(const LiveTail&) = delete;

    void requestStop();
    [[nodiscard]] bool isTailThread() const {
        return std::this_thread::get_id() == thread_.get_id();
    }

private:
    void run();
    bool stopping();
    // Sleeps unless asked to stop meanwhile; false when stopping.
    bool pause(std::chrono::milliseconds duration);
    Status follow(RespConnection& redis, std::string& lastId);

    const RedisEndpoint endpoint_;
    const std::string key_;
    const std::string destinationId_;
    const Listener listener_;

    std::mutex mutex_;
    std::condition_variable wake_;
    bool stop_ = false;
    RespConnection* current_ = nullptr;  // guarded by mutex_, for requestStop's close()
    std::thread thread_;
};

}  // namespace sbx::redis
