#pragma once

#include <QWidget>
#include <functional>

#include "source_monitor.h"

class ClientsModel;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTreeWidget;

// The clients connected to one broker: a table (protocol, address, user, counts), the
// selected client's subscriptions and consumers underneath, and Disconnect.
class ClientsPage : public QWidget {
    Q_OBJECT
public:
    explicit ClientsPage(SourceMonitor& monitor, QWidget* parent = nullptr);

    using Confirm = std::function<bool(const QString& title, const QString& question)>;
    void setConfirm(Confirm confirm) { confirm_ = std::move(confirm); }

    void selectClient(const QString& clientId);
    // Disconnects the selected client after asking.
    void disconnectSelected();

    [[nodiscard]] SourceMonitor& monitor() { return monitor_; }
    [[nodiscard]] ClientsModel& model() { return *model_; }
    [[nodiscard]] QTableView& table() { return *table_; }
    [[nodiscard]] QTreeWidget& subscriptions() { return *subscriptions_; }
    [[nodiscard]] QPushButton& disconnectButton() { return *disconnect_; }

private:
    void showSnapshot(const SnapshotPtr& snapshot);
    void showDetails();
    [[nodiscard]] QString selectedClientId() const;

    SourceMonitor& monitor_;
    ClientsModel* model_;
    QSortFilterProxyModel* proxy_;
    QLineEdit* filter_;
    QPushButton* disconnect_;
    QLabel* summary_;
    QTableView* table_;
    QLabel* detailTitle_;
    QTreeWidget* subscriptions_;
    Confirm confirm_;
};
