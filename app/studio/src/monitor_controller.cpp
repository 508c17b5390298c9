#include "monitor_controller.h"

#include <QDir>
#include <QStandardPaths>
#include <QThread>

#include "broker_controller.h"
#include "sbx/management/remote_broker_source.h"
#include "sbx/observe/broker_source.h"
#include "source_monitor.h"
#include "workspace_controller.h"

namespace {

// Borrows the embedded broker's source: the broker owns it, and the monitor is unbound
// (BrokerController::aboutToStop) before the broker goes away.
std::shared_ptr<sbx::observe::BrokerSource> borrowedSource(sbx::broker::Broker& broker) {
    return {&broker.source(), [](sbx::observe::BrokerSource*) {}};
}

QString remoteAddress(const QString& host, std::uint16_t port) {
    return QStringLiteral("%1:%2").arg(host).arg(port);
}

sbx::management::RemoteBrokerOptions remoteOptions(const QString& host, std::uint16_t port) {
    sbx::management::RemoteBrokerOptions options;
    options.host = host.toStdString();
    options.port = port;
    // Named by its address: every `sbx broker` calls itself "embedded".
    options.name = remoteAddress(host, port).toStdString();
    return options;
}

}  // namespace

MonitorController::MonitorController(BrokerController& broker, WorkspaceController& workspaces,
                                     sbx::LogHub& log, QObject* parent)
    : QObject(parent),
      broker_(broker),
      workspaces_(workspaces),
      log_(log),
      embedded_(new SourceMonitor(this)) {
    embedded_->setObjectName(QStringLiteral("monitor.embedded"));
    connect(&broker_, &BrokerController::aboutToStop, embedded_, &SourceMonitor::unbind);
    connect(&broker_, &BrokerController::stateChanged, this,
            &MonitorController::onBrokerStateChanged);
    connect(&workspaces_, &WorkspaceController::workspaceChanged, this,
            &MonitorController::openHistory);
    openHistory();
    onBrokerStateChanged();
}

MonitorController::~MonitorController() {
    // A connect in flight ends within its timeout; its result is dropped with this.
    for (auto* thread : connecting_) {
        thread->wait();
    }
    // Monitors stop their workers before the history they write to is released.
    embedded_->unbind();
    for (auto* monitor : remotes_) {
        monitor->unbind();
    }
}

std::vector<SourceMonitor*> MonitorController::monitors() const {
    std::vector<SourceMonitor*> all{embedded_};
    all.insert(all.end(), remotes_.begin(), remotes_.end());
    return all;
}

void MonitorController::onBrokerStateChanged() {
    auto* broker = broker_.broker();
    if (broker == nullptr) {
        embedded_->unbind();
    } else if (!embedded_->bound()) {
        embedded_->bind(borrowedSource(*broker));
    }
}

void MonitorController::openHistory() {
    const auto& workspace = workspaces_.current();
    const std::filesystem::path file =
        workspace ? workspace->telemetryDatabasePath()
                  : std::filesystem::path(
                        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                            .filePath(QStringLiteral("telemetry.sqlite"))
                            .toStdString());
    auto opened = sbx::observe::MetricHistory::open(file);
    if (!opened) {
        log_.log(sbx::LogLevel::Warning, "studio",
                 tr("Charts will not keep a history: %1")
                     .arg(QString::fromStdString(opened.error().describe()))
                     .toStdString());
        history_.reset();
    } else {
        history_ = std::shared_ptr<sbx::observe::MetricHistory>(std::move(opened).value());
    }
    for (auto* monitor : monitors()) {
        monitor->setHistory(history_);
    }
}

SourceMonitor* MonitorController::findRemote(const QString& address) const {
    for (auto* monitor : remotes_) {
        if (monitor->sourceName() == address) {
            return monitor;
        }
    }
    return nullptr;
}

SourceMonitor* MonitorController::attachRemote(const QString& host, std::uint16_t port,
                                               QString* error) {
    const auto address = remoteAddress(host, port);
    if (auto* known = findRemote(address)) {
        return known;
    }
    auto connected = sbx::management::RemoteBrokerSource::connect(remoteOptions(host, port));
    if (!connected) {
        if (error != nullptr) {
            *error = QString::fromStdString(connected.error().message);
        }
        return nullptr;
    }
    return adoptRemote(address, std::move(connected).value());
}

void MonitorController::attachRemoteInBackground(const QString& host, std::uint16_t port) {
    const auto address = remoteAddress(host, port);
    if (auto* known = findRemote(address)) {
        emit remoteAttached(address, known, QString());
        return;
    }
    auto* thread = QThread::create([this, address, options = remoteOptions(host, port)] {
        auto connected =
            std::make_shared<sbx::Result<std::unique_ptr<sbx::management::RemoteBrokerSource>>>(
                sbx::management::RemoteBrokerSource::connect(options));
        // Queued to the GUI thread; dropped unread if this object is gone by then.
        QMetaObject::invokeMethod(
            this,
            [this, address, connected] {
                --attachesPending_;  // before anyone hears the answer
                if (!*connected) {
                    emit remoteAttached(address, nullptr,
                                        QString::fromStdString(connected->error().message));
                    return;
                }
                auto* monitor = findRemote(address);
                if (monitor == nullptr) {
                    monitor = adoptRemote(address, std::move(*connected).value());
                }
                emit remoteAttached(address, monitor, QString());
            },
            Qt::QueuedConnection);
    });
    ++attachesPending_;
    thread->setObjectName(QStringLiteral("sbx-attach"));
    thread->setParent(this);  // deleted with this, after the destructor waited for it
    connecting_.push_back(thread);
    connect(thread, &QThread::finished, this, [this, thread] {
        std::erase(connecting_, thread);
        thread->deleteLater();
    });
    thread->start();
}

SourceMonitor* MonitorController::adoptRemote(const QString& address,
                                              std::shared_ptr<sbx::observe::BrokerSource> source) {
    auto* monitor = new SourceMonitor(this);
    monitor->setObjectName(QStringLiteral("monitor.remote"));
    monitor->setHistory(history_);
    monitor->bind(std::move(source));
    remotes_.push_back(monitor);
    log_.log(sbx::LogLevel::Info, "studio",
             tr("Attached to the broker at %1").arg(address).toStdString());
    emit monitorAdded(monitor);
    return monitor;
}

SourceMonitor* MonitorController::adopt(std::shared_ptr<sbx::observe::BrokerSource> source,
                                        const QString& objectName) {
    auto* monitor = new SourceMonitor(this);
    monitor->setObjectName(objectName);
    monitor->setHistory(history_);
    monitor->bind(std::move(source));
    remotes_.push_back(monitor);
    emit monitorAdded(monitor);
    return monitor;
}

void MonitorController::detach(SourceMonitor* monitor) {
    const auto found = std::find(remotes_.begin(), remotes_.end(), monitor);
    if (found == remotes_.end()) {
        return;
    }
    remotes_.erase(found);
    emit monitorRemoved(monitor);
    monitor->unbind();
    monitor->deleteLater();
}
