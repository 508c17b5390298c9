#pragma once

#include <QThread>
#include <QWidget>
#include <unordered_set>
#include <vector>

#include "sbx/observe/observed_message.h"
#include "source_monitor.h"
#include "trace_recorder.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QTableView;
class TraceModel;

// Where a message went: its hops (published → routed → delivered → acked / nacked /
// requeued / dead-lettered / expired) with the latency between them, across queues and
// protocols. Found by message id, correlation id, traceparent or the broker's id, from
// the recent hop events the page keeps (TraceRecorder, indexed on a worker thread);
// Follow lists new traces that match.
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
    [[nodiscard]] const TraceRecorder& index() const { return recorder_; }
    [[nodiscard]] QLabel& summary() { return *summary_; }

signals:
    void hopsIndexed();

private:
    void onHops(const HopBatchPtr& batch);
    void indexNext();
    void onIndexed(const std::vector<TraceRecorder::Listed>& listed, bool shownGrew);
    void addTraceItem(const TraceRecorder::Listed& listed);

    SourceMonitor& monitor_;
    TraceRecorder recorder_;
    QThread thread_;
    QObject* worker_;  // lives in thread_
    // Batches waiting while the worker indexes the previous ones, shared rather than
    // copied (a batch under load holds thousands of events), bounded like the index.
    std::vector<HopBatchPtr> pending_;
    std::size_t pendingEvents_ = 0;
    bool indexing_ = false;
    QLineEdit* query_;
    QCheckBox* follow_;
    QLineEdit* followFilter_;
    QListWidget* traces_;
    QTableView* table_;
    TraceModel* model_;
    QLabel* summary_;
    std::uint64_t shown_ = 0;
    // The broker ids of the shown message's life (it and its dead letters): new hops of
    // any of them refresh the view.
    std::vector<std::uint64_t> shownChain_;
    std::unordered_set<std::uint64_t> listed_;  // the message ids in traces_
};
