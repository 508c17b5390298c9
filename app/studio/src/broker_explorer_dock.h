#pragma once

#include <QDockWidget>
#include <QPointer>
#include <QSet>
#include <functional>
#include <vector>

class BrokerTreeModel;
class QLabel;
class QLineEdit;
class QMenu;
class QSortFilterProxyModel;
class QTreeView;
class SourceMonitor;

// The "Brokers" dock: every watched broker as a live tree (queues, exchanges, streams,
// MQTT topics) with filter-as-you-type, problem badges and a context menu to purge,
// delete, copy a name or open a destination's dashboard.
class BrokerExplorerDock : public QDockWidget {
    Q_OBJECT
public:
    explicit BrokerExplorerDock(QWidget* parent = nullptr);

    void addMonitor(SourceMonitor* monitor);
    void removeMonitor(SourceMonitor* monitor);

    // Asks before destructive commands; tests replace the dialog.
    using Confirm = std::function<bool(const QString& title, const QString& question)>;
    void setConfirm(Confirm confirm) { confirm_ = std::move(confirm); }

    // `index` is a row of model() (not of the proxy).
    void purge(const QModelIndex& index);
    void remove(const QModelIndex& index);
    void copyName(const QModelIndex& index);
    void openDashboard(const QModelIndex& index);

    [[nodiscard]] BrokerTreeModel& model() { return *model_; }
    [[nodiscard]] QSortFilterProxyModel& proxy() { return *proxy_; }
    [[nodiscard]] QTreeView& view() { return *view_; }
    // The broker of the selected row (any row under it), or null when none is selected.
    [[nodiscard]] SourceMonitor* currentMonitor() const;
    [[nodiscard]] QLineEdit& filterEdit() { return *filterEdit_; }
    [[nodiscard]] QLabel& statusLabel() { return *status_; }

signals:
    // An empty destination id means the whole broker.
    void dashboardRequested(SourceMonitor* monitor, const QString& destinationId,
                            const QString& title);
    void commandReported(const QString& text, bool failed);
    void clientsRequested(SourceMonitor* monitor);
    void detachRequested(SourceMonitor* monitor);
    // Connection profiles' broker rows (monitors named "monitor.connection").
    void editConnectionRequested(SourceMonitor* monitor);
    void removeConnectionRequested(SourceMonitor* monitor);
    // A message view ("messages", "publisher", "deadletters") of a broker, on a
    // destination when `destinationId` is not empty.
    void messageViewRequested(SourceMonitor* monitor, const QString& view,
                              const QString& destinationId);

private:
    SourceMonitor* monitorOf(const QModelIndex& index) const;
    void showContextMenu(const QPoint& position);
    void addMessageViewActions(QMenu& menu, SourceMonitor* monitor, const QModelIndex& index);
    void expandDefaults(const QString& broker);
    void updateStatus();

    std::vector<QPointer<SourceMonitor>> monitors_;
    BrokerTreeModel* model_;
    QSortFilterProxyModel* proxy_;
    QLineEdit* filterEdit_;
    QLabel* status_;
    QTreeView* view_;
    QSet<QString> expanded_;  // brokers whose default rows were expanded once
    Confirm confirm_;
};
