#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <functional>

#include "sbx/alerts/alert_evaluator.h"
#include "sbx/common/log_hub.h"

class FiringAlertsModel;
class MonitorController;
class SourceMonitor;
class WorkspaceController;

// Evaluates the workspace's alert rules (alerts.json) over every monitor's snapshots;
// a monitor that cannot read its broker counts as Unreachable, re-observed every second
// so a rule's duration runs while the broker stays away. Reports what fired and resolved.
class AlertController : public QObject {
    Q_OBJECT
public:
    // `brokerKey` names a monitor's broker in rules: a profile id, "embedded", an address.
    using BrokerKey = std::function<QString(const SourceMonitor*)>;

    AlertController(MonitorController& monitors, WorkspaceController& workspaces, sbx::LogHub& log,
                    QObject* parent = nullptr);

    void setBrokerKey(BrokerKey key) { brokerKey_ = std::move(key); }
    [[nodiscard]] const std::vector<sbx::alerts::AlertRule>& rules() const {
        return evaluator_.rules();
    }
    // Saves the rules to the workspace and evaluates with them from now on.
    QString saveRules(std::vector<sbx::alerts::AlertRule> rules);

    [[nodiscard]] std::vector<sbx::alerts::Alert> firing() const { return evaluator_.firing(); }
    // The firing alerts of one monitor's broker, by destination id ("" for the broker).
    [[nodiscard]] QHash<QString, QStringList> firingByDestination(
        const SourceMonitor* monitor) const;
    [[nodiscard]] FiringAlertsModel& model() { return *model_; }
    [[nodiscard]] QString keyOf(const SourceMonitor* monitor) const;

signals:
    void alertFired(const sbx::alerts::Alert& alert);
    void alertResolved(const sbx::alerts::Alert& alert);
    // Something fired or resolved for this monitor's broker.
    void monitorAlertsChanged(SourceMonitor* monitor);

private:
    void loadRules();
    void watch(SourceMonitor* monitor);
    void observe(SourceMonitor* monitor, const sbx::Result<sbx::observe::BrokerSnapshot>& result);
    void forget(SourceMonitor* monitor);
    void observeUnreachable();
    void report(SourceMonitor* monitor, const std::vector<sbx::alerts::AlertChange>& changes);

    MonitorController& monitors_;
    WorkspaceController& workspaces_;
    sbx::LogHub& log_;
    sbx::alerts::AlertEvaluator evaluator_;
    FiringAlertsModel* model_;
    BrokerKey brokerKey_;
    QHash<SourceMonitor*, QString> keys_;  // what each monitor was observed as
    QTimer unreachableTimer_;
};
