#include "alert_rules_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <set>

namespace {

using sbx::alerts::AlertRule;
using sbx::alerts::Condition;

constexpr int kIdRole = Qt::UserRole + 1;

const std::vector<std::pair<Condition, const char*>>& conditions() {
    static const std::vector<std::pair<Condition, const char*>> all = {
        {Condition::DepthAbove, QT_TRANSLATE_NOOP("AlertRulesDialog", "Depth above")},
        {Condition::NoConsumers, QT_TRANSLATE_NOOP("AlertRulesDialog", "No consumers")},
        {Condition::LagAbove, QT_TRANSLATE_NOOP("AlertRulesDialog", "Consumer lag above")},
        {Condition::DeadLettersPresent,
         QT_TRANSLATE_NOOP("AlertRulesDialog", "Dead letters present")},
        {Condition::Unreachable, QT_TRANSLATE_NOOP("AlertRulesDialog", "Broker unreachable")},
    };
    return all;
}

}  // namespace

AlertRulesDialog::AlertRulesDialog(const std::vector<AlertRule>& rules, Save saveRules,
                                   QWidget* parent)
    : QDialog(parent),
      table_(new QTableWidget(this)),
      status_(new QLabel(this)),
      save_(std::move(saveRules)) {
    setObjectName(QStringLiteral("dialog.alertRules"));
    setWindowTitle(tr("Alert Rules"));
    table_->setObjectName(QStringLiteral("alertRules.table"));
    table_->setColumnCount(ColumnCount);
    table_->setHorizontalHeaderLabels({tr("Name"), tr("Broker"), tr("Destination"), tr("Condition"),
                                       tr("Threshold"), tr("For (s)"), tr("Enabled")});
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setSectionResizeMode(ConditionColumn,
                                                     QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setStretchLastSection(false);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    for (const auto& rule : rules) {
        addRule(rule);
    }
    table_->resizeColumnsToContents();
    table_->setColumnWidth(NameColumn, std::max(table_->columnWidth(NameColumn), 180));
    table_->setColumnWidth(DestinationColumn,
                           std::max(table_->columnWidth(DestinationColumn), 140));

    auto* hint = new QLabel(
        tr("Broker is a connection's id, “embedded” or a pattern; destination is a pattern over "
           "names and ids. * matches any run of characters, ? one character. A rule fires once "
           "its condition held for the given number of seconds."),
        this);
    hint->setWordWrap(true);
    status_->setObjectName(QStringLiteral("alertRules.status"));
    status_->setStyleSheet(QStringLiteral("color: #d64545;"));
    status_->setWordWrap(true);

    auto* add = new QPushButton(tr("&Add Rule"), this);
    add->setObjectName(QStringLiteral("alertRules.add"));
    auto* remove = new QPushButton(tr("&Remove"), this);
    remove->setObjectName(QStringLiteral("alertRules.remove"));
    connect(add, &QPushButton::clicked, this, [this] {
        AlertRule rule;
        rule.name = tr("Depth above 1000").toStdString();
        rule.threshold = 1000;
        rule.forDuration = std::chrono::seconds(60);
        addRule(rule);
        table_->editItem(table_->item(table_->rowCount() - 1, NameColumn));
    });
    connect(remove, &QPushButton::clicked, this, &AlertRulesDialog::removeSelected);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        const auto error = save();
        if (error.isEmpty()) {
            accept();
        } else {
            status_->setText(error);
        }
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* row = new QHBoxLayout;
    row->addWidget(add);
    row->addWidget(remove);
    row->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(table_, 1);
    layout->addLayout(row);
    layout->addWidget(hint);
    layout->addWidget(status_);
    layout->addWidget(buttons);
    resize(920, 420);
}

std::string AlertRulesDialog::freshId() const {
    std::set<std::string> used;
    for (int row = 0; row < table_->rowCount(); ++row) {
        used.insert(table_->item(row, NameColumn)->data(kIdRole).toString().toStdString());
    }
    for (int n = 1;; ++n) {
        auto id = "rule-" + std::to_string(n);
        if (used.count(id) == 0) {
            return id;
        }
    }
}

void AlertRulesDialog::addRule(const AlertRule& rule) {
    const int row = table_->rowCount();
    const auto id = rule.id.empty() ? freshId() : rule.id;
    table_->insertRow(row);
    auto* name = new QTableWidgetItem(QString::fromStdString(rule.name));
    name->setData(kIdRole, QString::fromStdString(id));
    table_->setItem(row, NameColumn, name);
    table_->setItem(row, BrokerColumn, new QTableWidgetItem(QString::fromStdString(rule.broker)));
    table_->setItem(row, DestinationColumn,
                    new QTableWidgetItem(QString::fromStdString(rule.destination)));
    auto* condition = new QComboBox(table_);
    for (const auto& [value, label] : conditions()) {
        condition->addItem(tr(label), static_cast<int>(value));
    }
    condition->setCurrentIndex(condition->findData(static_cast<int>(rule.condition)));
    table_->setCellWidget(row, ConditionColumn, condition);
    table_->setItem(row, ThresholdColumn, new QTableWidgetItem(QString::number(rule.threshold)));
    table_->setItem(row, DurationColumn,
                    new QTableWidgetItem(QString::number(rule.forDuration.count())));
    auto* enabled = new QTableWidgetItem;
    enabled->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    enabled->setCheckState(rule.enabled ? Qt::Checked : Qt::Unchecked);
    table_->setItem(row, EnabledColumn, enabled);
}

void AlertRulesDialog::removeSelected() {
    const auto rows = table_->selectionModel()->selectedRows();
    std::vector<int> numbers;
    for (const auto& index : rows) {
        numbers.push_back(index.row());
    }
    std::sort(numbers.rbegin(), numbers.rend());
    for (const int row : numbers) {
        table_->removeRow(row);
    }
}

std::vector<AlertRule> AlertRulesDialog::rules(QString* error) const {
    std::vector<AlertRule> rules;
    const auto number = [&](int row, int column, const QString& what, std::uint64_t& into) {
        bool ok = false;
        into = table_->item(row, column)->text().trimmed().toULongLong(&ok);
        if (!ok && error != nullptr && error->isEmpty()) {
            *error = tr("Rule %1: the %2 must be a whole number.").arg(row + 1).arg(what);
        }
    };
    for (int row = 0; row < table_->rowCount(); ++row) {
        AlertRule rule;
        const auto* name = table_->item(row, NameColumn);
        rule.id = name->data(kIdRole).toString().toStdString();
        rule.name = name->text().trimmed().toStdString();
        rule.broker = table_->item(row, BrokerColumn)->text().trimmed().toStdString();
        rule.destination = table_->item(row, DestinationColumn)->text().trimmed().toStdString();
        const auto* condition = qobject_cast<QComboBox*>(table_->cellWidget(row, ConditionColumn));
        rule.condition = static_cast<Condition>(condition->currentData().toInt());
        number(row, ThresholdColumn, tr("threshold"), rule.threshold);
        std::uint64_t seconds = 0;
        number(row, DurationColumn, tr("duration"), seconds);
        rule.forDuration = std::chrono::seconds(seconds);
        rule.enabled = table_->item(row, EnabledColumn)->checkState() == Qt::Checked;
        if (rule.broker.empty()) {
            rule.broker = "*";
        }
        if (rule.destination.empty()) {
            rule.destination = "*";
        }
        if (rule.name.empty()) {
            rule.name = rule.id;
        }
        rules.push_back(std::move(rule));
    }
    return rules;
}

QString AlertRulesDialog::save() {
    QString error;
    auto list = rules(&error);
    if (!error.isEmpty()) {
        status_->setText(error);
        return error;
    }
    error = save_(std::move(list));
    status_->setText(error);
    return error;
}
