#pragma once

#include <QWidget>
#include <unordered_set>
#include <vector>

#include "sbx/inspect/trace_index.h"
#include "sbx/observe/observed_message.h"
#include "source_monitor.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QTableView;
class TraceModel;

// Where a message went: its hops (published → routed → delivered → acked / nacked /
// requeued / dead-lettered / expired) with the latency between them, across queues and
// protocols. Found by message id, correlation id, traceparent or the broker's id, from
// the recent hop events the page keeps (TraceIndex); Follow lists new traces that match.
class TracePage : public QWidget {
    Q_OBJECT
public:
    explicit TracePage(SourceMonitor& monitor, QWidget* parent = nullptr);
    ~TracePage() override;

    // Lists the traces carrying `id` and shows the newest; false when none is known.
    bool search(const QString& id);
    void traceMessage(const sbx::observe::ObservedMessage& message);
    void setFollow(bool follow, const QString& filter = {});
    void showTrace(std::uint64_t messageId);

    [[nodiscard]] TraceModel& model() { return *model_; }
    [[nodiscard]] QListWidget& traces() { return *traces_; }
    [[nodiscard]] const sbx::inspect::TraceIndex& index() const { return index_; }
    [[nodiscard]] QLabel& summary() { return *summary_; }

signals:
    void hopsIndexed();

private:
    void onHops(const HopBatchPtr& batch);
    void follow(const std::vector<sbx::observe::HopEvent>& batch);
    void addTraceItem(std::uint64_t messageId);

    SourceMonitor& monitor_;
    sbx::inspect::TraceIndex index_;
    QLineEdit* query_;
    QCheckBox* follow_;
    QLineEdit* followFilter_;
    QListWidget* traces_;
    QTableView* table_;
    TraceModel* model_;
    QLabel* summary_;
    std::uint64_t shown_ = 0;
    std::unordered_set<std::uint64_t> listed_;  // the message ids in traces_
};
