#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "sbx/common/log_level.h"

namespace sbx {

struct LogRecord {
    std::chrono::system_clock::time_point time;
    LogLevel level = LogLevel::Info;
    std::string source;  // "studio", "broker", "mqtt", ...
    std::string message;
};

// Fans log records out to subscribers (stderr for sbx, the log panel for the studio).
// Thread-safe: any thread may log. Subscribers are called on the logging thread and
// must not block; the studio's bridge batches records before they reach the GUI thread.
class LogHub {
public:
    using Subscriber = std::function<void(const LogRecord&)>;
    using SubscriptionId = std::uint64_t;

    SubscriptionId subscribe(Subscriber subscriber);
    void unsubscribe(SubscriptionId id);

    void log(LogLevel level, std::string source, std::string message);
    void publish(const LogRecord& record);

private:
    std::mutex mutex_;
    std::vector<std::pair<SubscriptionId, Subscriber>> subscribers_;
    SubscriptionId nextId_ = 1;
};

}  // namespace sbx
