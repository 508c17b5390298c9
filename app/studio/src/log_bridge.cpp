#include "log_bridge.h"

#include "log_model.h"

LogBridge::LogBridge(sbx::LogHub& hub, LogModel& model, QObject* parent)
    : QObject(parent), hub_(hub), model_(model) {
    subscription_ = hub_.subscribe([this](const sbx::LogRecord& record) { enqueue(record); });
    timer_.setInterval(100);
    connect(&timer_, &QTimer::timeout, this, &LogBridge::flush);
    timer_.start();
}

LogBridge::~LogBridge() {
    hub_.unsubscribe(subscription_);
}

void LogBridge::enqueue(const sbx::LogRecord& record) {
    std::lock_guard lock(mutex_);
    if (pending_.size() >= kMaxPending) {
        ++dropped_;
        return;
    }
    pending_.push_back(record);
}

void LogBridge::flush() {
    std::vector<sbx::LogRecord> batch;
    {
        std::lock_guard lock(mutex_);
        batch.swap(pending_);
    }
    model_.append(std::move(batch));
}

std::size_t LogBridge::droppedCount() const {
    std::lock_guard lock(mutex_);
    return dropped_;
}
