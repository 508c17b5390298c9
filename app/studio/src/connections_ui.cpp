#include "connections_ui.h"

#include <QDockWidget>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>

#include "alert_controller.h"
#include "alert_rules_dialog.h"
#include "broker_explorer_dock.h"
#include "broker_tree_model.h"
#include "connection_controller.h"
#include "connection_dialog.h"
#include "dead_letter_page.h"
#include "firing_alerts_model.h"
#include "main_window.h"
#include "message_browser_page.h"
#include "monitor_controller.h"
#include "plugin_host.h"
#include "plugins_dialog.h"
#include "publisher_page.h"
#include "secret_store.h"
#include "source_monitor.h"
#include "trace_page.h"
#include "workspace_controller.h"

namespace {

// Tabs opened for a monitor other than the embedded broker's carry it here, so they are
// found again and closed when the monitor goes.
const char* const kMonitorProperty = "sbx.monitor";

QDockWidget* createAlertsDock(MainWindow& window, FiringAlertsModel& model) {
    auto* dock = new QDockWidget(ConnectionsUi::tr("Alerts"), &window);
    dock->setObjectName(QStringLiteral("dock.alerts"));
    auto* table = new QTableView(dock);
    table->setObjectName(QStringLiteral("alerts.table"));
    table->setModel(&model);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    dock->setWidget(table);
    window.addDockWidget(Qt::BottomDockWidgetArea, dock);
    return dock;
}

}  // namespace

ConnectionsUi::ConnectionsUi(MainWindow& window, sbx::LogHub& log, WorkspaceController& workspaces,
                             MonitorController& monitors)
    : QObject(&window),
      window_(window),
      log_(log),
      workspaces_(workspaces),
      monitors_(monitors),
      plugins_(new PluginHost(log, this)),
      secrets_(new SecretStore(this)),
      connections_(nullptr),
      alerts_(new AlertController(monitors, workspaces, log, this)),
      alertsDock_(createAlertsDock(window, alerts_->model())),
      stateTimer_(new QTimer(this)) {
    plugins_->scanDefault();
    connections_ =
        new ConnectionController(*plugins_, *secrets_, monitors_, workspaces_, log_, this);
    alerts_->setBrokerKey([this](const SourceMonitor* monitor) {
        const auto* profile = connections_->profileOf(monitor);
        return profile == nullptr ? QString() : QString::fromStdString(profile->id);
    });
    connect(secrets_, &SecretStore::fellBackToMemory, this, [this](const QString& reason) {
        log_.log(sbx::LogLevel::Warning, "connections",
                 tr("The system keychain is not available (%1); passwords are kept in memory "
                    "for this session only.")
                     .arg(reason)
                     .toStdString());
    });

    auto& brokers = window_.brokers();
    connect(&brokers, &BrokerExplorerDock::editConnectionRequested, this,
            &ConnectionsUi::showEditConnection);
    connect(&brokers, &BrokerExplorerDock::removeConnectionRequested, this,
            &ConnectionsUi::removeConnection);
    connect(&brokers, &BrokerExplorerDock::messageViewRequested, this,
            &ConnectionsUi::openMessageView);
    connect(&monitors_, &MonitorController::monitorRemoved, this, &ConnectionsUi::closeViewsOf);
    // The explorer's broker row says what the reconnecting source says, counting down.
    connect(&monitors_, &MonitorController::monitorAdded, this, [this](SourceMonitor* monitor) {
        connect(monitor, &SourceMonitor::statusChanged, this, &ConnectionsUi::showConnectionStates);
    });
    stateTimer_->setInterval(1000);
    connect(stateTimer_, &QTimer::timeout, this, &ConnectionsUi::showConnectionStates);
    stateTimer_->start();

    connect(alerts_, &AlertController::monitorAlertsChanged, this, [this](SourceMonitor* monitor) {
        window_.brokers().model().setAlerts(monitor->sourceName(),
                                            alerts_->firingByDestination(monitor));
    });
    connect(alerts_, &AlertController::alertFired, this, [this](const sbx::alerts::Alert& alert) {
        const auto title = tr("Alert: %1").arg(QString::fromStdString(alert.ruleName));
        const auto text = tr("%1 — %2").arg(QString::fromStdString(alert.broker),
                                            QString::fromStdString(alert.message));
        window_.statusBar()->showMessage(title + QStringLiteral(": ") + text, 10000);
        if (QSystemTrayIcon::isSystemTrayAvailable() && QSystemTrayIcon::supportsMessages()) {
            if (tray_ == nullptr) {
                tray_ = new QSystemTrayIcon(window_.windowIcon(), this);
                tray_->setToolTip(tr("Signalbox"));
                tray_->show();
            }
            tray_->showMessage(title, text, QSystemTrayIcon::Warning, 10000);
        }
    });
}

ConnectionsUi::~ConnectionsUi() = default;

void ConnectionsUi::installMenus() {
    if (auto* broker = window_.findChild<QMenu*>(QStringLiteral("menu.broker"))) {
        broker->addSeparator();
        auto* add = broker->addAction(tr("Add Broker C&onnection…"));
        add->setObjectName(QStringLiteral("action.broker.addConnection"));
        add->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
        connect(add, &QAction::triggered, this, [this] { showAddConnection(); });
        auto* rules = broker->addAction(tr("Ale&rts…"));
        rules->setObjectName(QStringLiteral("action.broker.alerts"));
        rules->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Y));
        connect(rules, &QAction::triggered, this, &ConnectionsUi::showAlertRules);
    }
    if (auto* help = window_.findChild<QMenu*>(QStringLiteral("menu.help"))) {
        auto* plugins = new QAction(tr("&Plugins…"), help);
        plugins->setObjectName(QStringLiteral("action.help.plugins"));
        plugins->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
        const auto actions = help->actions();
        help->insertAction(actions.isEmpty() ? nullptr : actions.last(), plugins);
        connect(plugins, &QAction::triggered, this, &ConnectionsUi::showPlugins);
    }
    // The View menu gave every dock it found a toggle; this one gets its own shortcut.
    if (auto* toggle = alertsDock_->toggleViewAction()) {
        toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J));
    }
}

void ConnectionsUi::showPlugins() {
    auto* dialog =
        new PluginsDialog(*plugins_->registry(), PluginHost::userPluginFolder(), &window_);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

ConnectionDialog* ConnectionsUi::showAddConnection() {
    return openConnectionDialog(nullptr);
}

ConnectionDialog* ConnectionsUi::showEditConnection(SourceMonitor* monitor) {
    const auto* profile = connections_->profileOf(monitor);
    return profile == nullptr ? nullptr : openConnectionDialog(profile);
}

ConnectionDialog* ConnectionsUi::openConnectionDialog(const void* existingProfile) {
    const auto dir = connections_->connectionsDir();
    if (!dir) {
        QMessageBox::information(&window_, tr("Add Broker Connection"),
                                 tr("Open or create a workspace first: connections are kept in "
                                    "its connections folder."));
        return nullptr;
    }
    if (dialog_) {
        dialog_->close();
    }
    const auto* existing = static_cast<const sbx::connect::ConnectionProfile*>(existingProfile);
    dialog_ = new ConnectionDialog(plugins_->registry(), *secrets_, *dir, existing, &window_);
    dialog_->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog_, &ConnectionDialog::saved, this,
            [this](const sbx::connect::ConnectionProfile& profile) {
                connections_->connectProfile(profile);
                window_.brokers().show();
                window_.statusBar()->showMessage(
                    tr("Saved connection %1").arg(QString::fromStdString(profile.name)), 4000);
            });
    dialog_->show();
    return dialog_;
}

void ConnectionsUi::removeConnection(SourceMonitor* monitor) {
    const auto* profile = connections_->profileOf(monitor);
    if (profile == nullptr) {
        return;
    }
    const auto id = profile->id;
    const auto answer = QMessageBox::question(
        &window_, tr("Remove Connection"),
        tr("Stop watching “%1” and delete its connection profile and stored password?")
            .arg(QString::fromStdString(profile->name)));
    if (answer == QMessageBox::Yes) {
        connections_->removeProfile(id);
    }
}

void ConnectionsUi::showAlertRules() {
    auto* dialog = new AlertRulesDialog(
        alerts_->rules(), [this](auto rules) { return alerts_->saveRules(std::move(rules)); },
        &window_);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

QWidget* ConnectionsUi::openMessageView(SourceMonitor* monitor, const QString& view,
                                        const QString& destinationId) {
    if (monitor == &monitors_.embedded()) {
        // The embedded broker's views are the window's own.
        if (view == QLatin1String("publisher")) {
            return window_.openPublisher();
        }
        if (view == QLatin1String("trace")) {
            return window_.openTrace();
        }
        if (view == QLatin1String("deadletters")) {
            auto* page = window_.openDeadLetters();
            if (!destinationId.isEmpty()) {
                page->showQueue(destinationId);
            }
            return page;
        }
        auto* page = window_.openMessageBrowser();
        if (!destinationId.isEmpty()) {
            page->browse(destinationId);
        }
        return page;
    }
    auto& tabs = window_.tabs();
    QWidget* page = nullptr;
    for (int i = 0; i < tabs.count() && page == nullptr; ++i) {
        auto* tab = tabs.widget(i);
        if (tab->property(kMonitorProperty).value<QObject*>() == monitor &&
            tab->property("sbx.view").toString() == view) {
            page = tab;
        }
    }
    if (page == nullptr) {
        QString label;
        if (view == QLatin1String("publisher")) {
            auto* publisher = new PublisherPage(*monitor, &tabs);
            page = publisher;
            label = tr("Publisher — %1");
        } else if (view == QLatin1String("deadletters")) {
            page = new DeadLetterPage(*monitor, &tabs);
            label = tr("Dead Letters — %1");
        } else if (view == QLatin1String("trace")) {
            page = new TracePage(*monitor, &tabs);
            label = tr("Trace — %1");
        } else {
            page = new MessageBrowserPage(*monitor, &tabs);
            label = tr("Messages — %1");
        }
        page->setProperty(kMonitorProperty, QVariant::fromValue<QObject*>(monitor));
        page->setProperty("sbx.view", view);
        tabs.addTab(page, label.arg(monitor->sourceName()));
    }
    tabs.setCurrentWidget(page);
    if (!destinationId.isEmpty()) {
        if (auto* browser = qobject_cast<MessageBrowserPage*>(page)) {
            browser->browse(destinationId);
        } else if (auto* deadLetters = qobject_cast<DeadLetterPage*>(page)) {
            deadLetters->showQueue(destinationId);
        }
    }
    return page;
}

void ConnectionsUi::showConnectionStates() {
    for (auto* monitor : monitors_.monitors()) {
        if (monitor->bound() && !monitor->healthy()) {
            const auto state = connections_->connectionState(monitor);
            if (!state.isEmpty()) {
                window_.brokers().model().setBrokerProblem(monitor->sourceName(), state);
            }
        }
    }
}

void ConnectionsUi::closeViewsOf(SourceMonitor* monitor) {
    auto& tabs = window_.tabs();
    for (int i = tabs.count() - 1; i >= 0; --i) {
        auto* tab = tabs.widget(i);
        if (tab->property(kMonitorProperty).value<QObject*>() == monitor) {
            tabs.removeTab(i);
            delete tab;  // now: it holds a reference to the monitor
        }
    }
}
