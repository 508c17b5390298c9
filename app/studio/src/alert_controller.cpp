#include "alert_controller.h"

#include "firing_alerts_model.h"
#include "monitor_controller.h"
#include "source_monitor.h"
#include "workspace_controller.h"

AlertController::AlertController(MonitorController& monitors, WorkspaceController& workspaces,
                                 sbx::LogHub& log, QObject* parent)
    : QObject(parent),
      monitors_(monitors),
      workspaces_(workspaces),
      log_(log),
      model_(new FiringAlertsModel(this)) {
    connect(&workspaces_, &WorkspaceController::workspaceChanged, this,
            &AlertController::loadRules);
    connect(&monitors_, &MonitorController::monitorAdded, this, &AlertController::watch);
    connect(&monitors_, &MonitorController::monitorRemoved, this, &AlertController::forget);
    for (auto* monitor : monitors_.monitors()) {
        watch(monitor);
    }
    unreachableTimer_.setInterval(1000);
    connect(&unreachableTimer_, &QTimer::timeout, this, &AlertController::observeUnreachable);
    unreachableTimer_.start();
    loadRules();
}

QString AlertController::keyOf(const SourceMonitor* monitor) const {
    if (brokerKey_) {
        const auto key = brokerKey_(monitor);
        if (!key.isEmpty()) {
            return key;
        }
    }
    return monitor->sourceName();
}

void AlertController::loadRules() {
    std::vector<sbx::alerts::AlertRule> rules;
    if (const auto& workspace = workspaces_.current()) {
        auto loaded = sbx::alerts::loadRules(workspace->root());
        if (loaded) {
            rules = std::move(loaded).value();
        } else {
            log_.log(sbx::LogLevel::Warning, "alerts",
                     tr("Alert rules not loaded: %1")
                         .arg(QString::fromStdString(loaded.error().message))
                         .toStdString());
        }
    }
    // Alerts of the old rules resolve quietly: they belonged to another workspace.
    for (auto it = keys_.begin(); it != keys_.end(); ++it) {
        evaluator_.forget(it.value().toStdString());
    }
    evaluator_.setRules(std::move(rules));
    model_->setAlerts(evaluator_.firing());
    for (auto* monitor : monitors_.monitors()) {
        emit monitorAlertsChanged(monitor);
    }
}

QString AlertController::saveRules(std::vector<sbx::alerts::AlertRule> rules) {
    const auto& workspace = workspaces_.current();
    if (!workspace) {
        return tr("Open a workspace first: alert rules are kept in it.");
    }
    if (auto saved = sbx::alerts::saveRules(workspace->root(), rules); !saved) {
        return QString::fromStdString(saved.error().message);
    }
    loadRules();
    return {};
}

void AlertController::watch(SourceMonitor* monitor) {
    connect(monitor, &SourceMonitor::snapshotReady, this,
            [this, monitor](const SnapshotPtr& snapshot) {
                if (!evaluator_.rules().empty()) {  // spares the copy of a large snapshot
                    observe(monitor, sbx::Result<sbx::observe::BrokerSnapshot>(*snapshot));
                }
            });
    connect(monitor, &SourceMonitor::boundChanged, this, [this, monitor](bool bound) {
        if (!bound) {
            forget(monitor);  // stopped on purpose, not unreachable
        }
    });
}

void AlertController::observe(SourceMonitor* monitor,
                              const sbx::Result<sbx::observe::BrokerSnapshot>& result) {
    if (evaluator_.rules().empty()) {
        return;
    }
    const auto key = keyOf(monitor);
    keys_.insert(monitor, key);
    report(monitor, evaluator_.observe(key.toStdString(), result,
                                       sbx::alerts::AlertEvaluator::Clock::now()));
}

void AlertController::observeUnreachable() {
    for (auto* monitor : monitors_.monitors()) {
        // "Connecting…" is healthy: only a failed read counts.
        if (monitor->bound() && !monitor->healthy()) {
            observe(monitor,
                    sbx::Error{sbx::ErrorCode::Unavailable, monitor->status().toStdString()});
        }
    }
}

void AlertController::forget(SourceMonitor* monitor) {
    const auto key = keys_.take(monitor);
    if (!key.isEmpty()) {
        report(monitor, evaluator_.forget(key.toStdString()));
    }
}

QHash<QString, QStringList> AlertController::firingByDestination(
    const SourceMonitor* monitor) const {
    QHash<QString, QStringList> byDestination;
    const auto key = keys_.value(const_cast<SourceMonitor*>(monitor), keyOf(monitor)).toStdString();
    for (const auto& alert : evaluator_.firing()) {
        if (alert.broker == key) {
            byDestination[QString::fromStdString(alert.destinationId)]
                << QString::fromStdString(alert.message);
        }
    }
    return byDestination;
}

void AlertController::report(SourceMonitor* monitor,
                             const std::vector<sbx::alerts::AlertChange>& changes) {
    if (changes.empty()) {
        return;
    }
    for (const auto& change : changes) {
        const auto& alert = change.alert;
        if (change.kind == sbx::alerts::AlertChange::Kind::Fired) {
            log_.log(sbx::LogLevel::Warning, "alerts",
                     tr("Alert “%1” on %2: %3")
                         .arg(QString::fromStdString(alert.ruleName),
                              QString::fromStdString(alert.broker),
                              QString::fromStdString(alert.message))
                         .toStdString());
            emit alertFired(alert);
        } else {
            log_.log(sbx::LogLevel::Info, "alerts",
                     tr("Alert “%1” on %2 resolved")
                         .arg(QString::fromStdString(alert.ruleName),
                              QString::fromStdString(alert.broker))
                         .toStdString());
            emit alertResolved(alert);
        }
    }
    model_->setAlerts(evaluator_.firing());
    emit monitorAlertsChanged(monitor);
}
