#pragma once

#include <QObject>
#include <QTimer>
#include <mutex>
#include <vector>

#include "sbx/common/log_hub.h"

class LogModel;

// Carries log records from any core thread to the GUI thread in batches: the hub's
// callback only appends under a mutex; a GUI timer flushes the batch into the model
// with one insert. The pending batch is bounded, so a stalled GUI cannot grow memory.
class LogBridge : public QObject {
    Q_OBJECT
public:
    static constexpr std::size_t kMaxPending = 50000;

    LogBridge(sbx::LogHub& hub, LogModel& model, QObject* parent = nullptr);
    ~LogBridge() override;

    // Moves what is pending into the model now (the timer does this every 100 ms).
    void flush();
    [[nodiscard]] std::size_t droppedCount() const;

private:
    void enqueue(const sbx::LogRecord& record);

    sbx::LogHub& hub_;
    LogModel& model_;
    sbx::LogHub::SubscriptionId subscription_ = 0;
    QTimer timer_;
    mutable std::mutex mutex_;
    std::vector<sbx::LogRecord> pending_;
    std::size_t dropped_ = 0;
};
