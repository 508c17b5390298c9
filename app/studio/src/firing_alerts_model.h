#pragma once

#include <QAbstractTableModel>
#include <vector>

#include "sbx/alerts/alert_evaluator.h"

// The Alerts dock's list: every alert firing now, newest first.
class FiringAlertsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        BrokerColumn,
        DestinationColumn,
        RuleColumn,
        MessageColumn,
        SinceColumn,
        ColumnCount
    };
    enum Role { BrokerRole = Qt::UserRole + 1, DestinationIdRole };

    explicit FiringAlertsModel(QObject* parent = nullptr);

    void setAlerts(std::vector<sbx::alerts::Alert> alerts);
    [[nodiscard]] const std::vector<sbx::alerts::Alert>& alerts() const { return alerts_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<sbx::alerts::Alert> alerts_;
};
