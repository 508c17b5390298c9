#pragma once

#include <QObject>
#include <memory>
#include <vector>

#include "sbx/common/log_hub.h"
#include "sbx/observe/broker_source.h"
#include "sbx/observe/metric_history.h"

class BrokerController;
class QThread;
class SourceMonitor;
class WorkspaceController;

// Keeps the studio's monitors: the embedded broker's (bound while the broker runs,
// rebound after every restart) and those of attached remote brokers. All of them record
// into the open workspace's telemetry database, or into the app data folder while no
// workspace is open, so charts survive a restart either way.
class MonitorController : public QObject {
    Q_OBJECT
public:
    MonitorController(BrokerController& broker, WorkspaceController& workspaces, sbx::LogHub& log,
                      QObject* parent = nullptr);
    ~MonitorController() override;

    [[nodiscard]] SourceMonitor& embedded() { return *embedded_; }
    [[nodiscard]] std::vector<SourceMonitor*> monitors() const;
    [[nodiscard]] std::shared_ptr<sbx::observe::MetricHistory> history() const { return history_; }

    // Attaches a remote `sbx broker --http-port` (its management API). Blocks for at most
    // the connect timeout: the remote is asked for its name and capabilities once.
    SourceMonitor* attachRemote(const QString& host, std::uint16_t port, QString* error = nullptr);
    // The same on a thread of its own, for the GUI: remoteAttached reports the outcome.
    void attachRemoteInBackground(const QString& host, std::uint16_t port);
    // Attaches still connecting (their results are dropped if this goes away first).
    // Attaches whose answer has not reached the GUI thread yet (their threads may still be
    // winding down).
    [[nodiscard]] int attachesInProgress() const { return attachesPending_; }
    // Watches a source opened elsewhere (a connection profile's session) like an attached
    // broker; detach() ends it. The monitor's object name tells the views what it is.
    SourceMonitor* adopt(std::shared_ptr<sbx::observe::BrokerSource> source,
                         const QString& objectName);
    void detach(SourceMonitor* monitor);

signals:
    void monitorAdded(SourceMonitor* monitor);
    void monitorRemoved(SourceMonitor* monitor);
    // `monitor` is null and `error` says why when the attach failed.
    void remoteAttached(const QString& address, SourceMonitor* monitor, const QString& error);

private:
    void onBrokerStateChanged();
    void openHistory();
    [[nodiscard]] SourceMonitor* findRemote(const QString& address) const;
    SourceMonitor* adoptRemote(const QString& address,
                               std::shared_ptr<sbx::observe::BrokerSource> source);

    BrokerController& broker_;
    WorkspaceController& workspaces_;
    sbx::LogHub& log_;
    SourceMonitor* embedded_;
    std::vector<SourceMonitor*> remotes_;
    std::vector<QThread*> connecting_;
    int attachesPending_ = 0;
    std::shared_ptr<sbx::observe::MetricHistory> history_;
};
