#pragma once

#include <QWidget>
#include <memory>

#include "requeue_consent.h"
#include "sbx/inspect/redrive_batches.h"
#include "source_monitor.h"

class MessageBrowserModel;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;
class QTreeWidget;

// A dead-letter queue: its messages (peeked, not consumed) with their x-death history,
// and redrive of the first selected messages or of all of them back to where they came
// from, in batches with progress. Cancel stops between batches, so every message is
// either still here or back in its queue, never both and never neither.
class DeadLetterPage : public QWidget {
    Q_OBJECT
public:
    explicit DeadLetterPage(SourceMonitor& monitor, QWidget* parent = nullptr);

    void showQueue(const QString& queueId);
    void refresh();
    void redriveAll();
    // Redrives the head of the queue up to the last selected row (the broker moves
    // messages from the head only).
    void redriveSelected();
    void cancel();
    void setBatchSize(int size);
    [[nodiscard]] bool redriving() const { return run_ != nullptr; }
    [[nodiscard]] const sbx::inspect::RedriveBatches* lastRun() const { return lastRun_.get(); }

    [[nodiscard]] MessageBrowserModel& model() { return *model_; }
    [[nodiscard]] QTableView& table() { return *table_; }
    [[nodiscard]] QTreeWidget& deaths() { return *deaths_; }
    [[nodiscard]] QLabel& status() { return *status_; }

signals:
    void redriveFinished(quint64 moved, const QString& error);
    void refreshed();

private:
    void startRedrive(std::uint64_t count);
    void nextBatch();
    void showDeaths();
    void showSnapshot(const SnapshotPtr& snapshot);
    [[nodiscard]] QString currentQueue() const;

    SourceMonitor& monitor_;
    QComboBox* queues_;
    QSpinBox* batchSize_;
    QPushButton* redriveAll_;
    QPushButton* redriveSelected_;
    QPushButton* cancel_;
    QProgressBar* progress_;
    MessageBrowserModel* model_;
    QTableView* table_;
    QTreeWidget* deaths_;
    QLabel* status_;
    RequeueConsent requeueConsent_{this};
    std::unique_ptr<sbx::inspect::RedriveBatches> run_;
    std::unique_ptr<sbx::inspect::RedriveBatches> lastRun_;
};
