#include "firing_alerts_model.h"

#include <QDateTime>
#include <algorithm>

FiringAlertsModel::FiringAlertsModel(QObject* parent) : QAbstractTableModel(parent) {}

void FiringAlertsModel::setAlerts(std::vector<sbx::alerts::Alert> alerts) {
    std::stable_sort(alerts.begin(), alerts.end(),
                     [](const auto& a, const auto& b) { return a.since > b.since; });
    beginResetModel();
    alerts_ = std::move(alerts);
    endResetModel();
}

int FiringAlertsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(alerts_.size());
}

int FiringAlertsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FiringAlertsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const auto& alert = alerts_[static_cast<std::size_t>(index.row())];
    if (role == BrokerRole) {
        return QString::fromStdString(alert.broker);
    }
    if (role == DestinationIdRole) {
        return QString::fromStdString(alert.destinationId);
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) {
        return {};
    }
    switch (index.column()) {
        case BrokerColumn:
            return QString::fromStdString(alert.broker);
        case DestinationColumn:
            return QString::fromStdString(alert.destinationId);
        case RuleColumn:
            return QString::fromStdString(alert.ruleName);
        case MessageColumn:
            return QString::fromStdString(alert.message);
        case SinceColumn: {
            const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                alert.since.time_since_epoch())
                                .count();
            return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms).time(),
                                      QLocale::ShortFormat);
        }
        default:
            return {};
    }
}

QVariant FiringAlertsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
        case BrokerColumn:
            return tr("Broker");
        case DestinationColumn:
            return tr("Destination");
        case RuleColumn:
            return tr("Rule");
        case MessageColumn:
            return tr("Alert");
        case SinceColumn:
            return tr("Since");
        default:
            return {};
    }
}
