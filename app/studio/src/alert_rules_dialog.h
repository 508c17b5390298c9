#pragma once

#include <QDialog>
#include <functional>
#include <vector>

#include "sbx/alerts/alert_rule.h"

class QLabel;
class QTableWidget;

// Broker > Alerts…: the workspace's alert rules as an editable table (name, broker and
// destination patterns, condition, threshold, duration, enabled). rules() reads the
// table back; the caller saves them (AlertController::saveRules).
class AlertRulesDialog : public QDialog {
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        BrokerColumn,
        DestinationColumn,
        ConditionColumn,
        ThresholdColumn,
        DurationColumn,
        EnabledColumn,
        ColumnCount
    };

    using Save = std::function<QString(std::vector<sbx::alerts::AlertRule>)>;
    AlertRulesDialog(const std::vector<sbx::alerts::AlertRule>& rules, Save saveRules,
                     QWidget* parent = nullptr);

    void addRule(const sbx::alerts::AlertRule& rule);
    void removeSelected();
    // The table as rules; `error` says which cell is wrong, if one is.
    [[nodiscard]] std::vector<sbx::alerts::AlertRule> rules(QString* error = nullptr) const;
    // Saves through the callback; returns the error, empty on success.
    QString save();

    [[nodiscard]] QTableWidget& table() { return *table_; }

private:
    [[nodiscard]] std::string freshId() const;

    QTableWidget* table_;
    QLabel* status_;
    Save save_;
};
