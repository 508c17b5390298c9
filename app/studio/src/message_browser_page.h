#pragma once

#include <QWidget>
#include <functional>
#include <optional>
#include <vector>

#include "requeue_consent.h"
#include "sbx/observe/observed_message.h"
#include "source_monitor.h"

class MessageBrowserModel;
class MessageFilterBar;
class MessageViewWidget;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;

// Browses a destination without consuming: a queue's messages from its head (peek), a
// stream's from an offset or a time, or a topic's messages as they come (Live). Shows
// the filtered list and one message in detail; copies, diffs, re-publishes, exports and
// imports messages.
class MessageBrowserPage : public QWidget {
    Q_OBJECT
public:
    explicit MessageBrowserPage(SourceMonitor& monitor, QWidget* parent = nullptr);
    ~MessageBrowserPage() override;

    void setFilterFolderProvider(std::function<QString()> folder);
    // Picks a destination id ("queue://orders") and reads it.
    void browse(const QString& destinationId);
    void peek();
    void setLive(bool live);

    // The selected messages (in table order).
    [[nodiscard]] std::vector<sbx::observe::ObservedMessage> selectedMessages() const;
    // Unified diff of the two selected messages, empty unless exactly two are selected.
    [[nodiscard]] QString diffSelected() const;
    // Publishes the selected messages again; `target` replaces the exchange (AMQP) or the
    // topic (MQTT) when not empty.
    void republishSelected(const QString& target);
    // Writes the shown messages (JSON lines, or CSV when `path` ends in .csv).
    QString exportTo(const QString& path) const;
    // Reads such a file and publishes every message in it; returns the error, if any.
    QString importFrom(const QString& path);

    [[nodiscard]] MessageBrowserModel& model() { return *model_; }
    [[nodiscard]] QTableView& table() { return *table_; }
    [[nodiscard]] MessageViewWidget& detail() { return *detail_; }
    [[nodiscard]] MessageFilterBar& filterBar() { return *filterBar_; }
    [[nodiscard]] QComboBox& destinations() { return *destinations_; }
    [[nodiscard]] QLabel& status() { return *status_; }
    [[nodiscard]] bool busy() const { return pending_ > 0; }
    // True while Live follows the destination through the source's live tail rather than
    // by peeking again on every refresh.
    [[nodiscard]] bool tailing() const { return tail_.has_value(); }
    // The source has started the tail: every message published from now on shows.
    [[nodiscard]] bool tailStarted() const { return tail_.has_value() && tailStarted_; }
    [[nodiscard]] RequeueConsent& requeueConsent() { return requeueConsent_; }

signals:
    // A message was chosen to be traced (Trace button).
    void traceRequested(const sbx::observe::ObservedMessage& message);
    // A batch of publishes (re-publish, import) finished; `error` is empty on success.
    void publishFinished(int sent, const QString& error);

private:
    void showSnapshot(const SnapshotPtr& snapshot);
    void restartTail();
    void stopTail();
    void onTailBatch(quint64 watchId, const MessageBatchPtr& batch);
    void applyFilter();
    void showCurrent();
    void publishAll(std::vector<sbx::observe::PublishRequest> requests);
    void setStatus(const QString& text, bool error = false);
    [[nodiscard]] QString currentDestination() const;
    void chooseAndExport();
    void chooseAndImport();
    void askAndRepublish();
    void showDiff();

    SourceMonitor& monitor_;
    QComboBox* destinations_;
    QLineEdit* offset_;
    QSpinBox* maxCount_;
    QPushButton* peekButton_;
    QCheckBox* live_;
    MessageFilterBar* filterBar_;
    MessageBrowserModel* model_;
    QTableView* table_;
    MessageViewWidget* detail_;
    QLabel* status_;
    int pending_ = 0;
    std::optional<quint64> tail_;  // the live tail's watch id
    QString tailed_;               // and the destination it follows
    bool tailStarted_ = false;     // the source has started it
    std::uint64_t tailLost_ = 0;
    RequeueConsent requeueConsent_{this};
    std::string lastTopicValue_;
    std::chrono::system_clock::time_point lastTopicTime_{};
};
