#include "sbx/common/log_hub.h"

#include <algorithm>

namespace sbx {

LogHub::SubscriptionId LogHub::subscribe(Subscriber subscriber) {
    std::lock_guard lock(mutex_);
    const auto id = nextId_++;
    subscribers_.emplace_back(id, std::move(subscriber));
    return id;
}

void LogHub::unsubscribe(SubscriptionId id) {
    std::lock_guard lock(mutex_);
    std::erase_if(subscribers_, [id](const auto& entry) { return entry.first == id; });
}

void LogHub::log(LogLevel level, std::string source, std::string message) {
    publish(LogRecord{std::chrono::system_clock::now(), level, std::move(source),
                      std::move(message)});
}

void LogHub::publish(const LogRecord& record) {
    std::lock_guard lock(mutex_);
    for (const auto& [id, subscriber] : subscribers_) {
        subscriber(record);
    }
}

}  // namespace sbx
