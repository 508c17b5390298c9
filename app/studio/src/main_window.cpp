#include "main_window.h"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QGuiApplication>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <memory>

#include "about_dialog.h"
#include "broker_controller.h"
#include "broker_explorer_dock.h"
#include "clients_page.h"
#include "connections_ui.h"
#include "dashboard_page.h"
#include "dead_letter_page.h"
#include "document_tab.h"
#include "explorer_dock.h"
#include "log_bridge.h"
#include "log_model.h"
#include "log_panel.h"
#include "message_browser_page.h"
#include "message_filter_bar.h"
#include "monitor_controller.h"
#include "overview_page.h"
#include "preferences_dialog.h"
#include "publisher_page.h"
#include "shortcuts_dialog.h"
#include "source_monitor.h"
#include "studio_settings.h"
#include "theme.h"
#include "trace_page.h"
#include "workspace_controller.h"
#include "workspace_tree_model.h"

MainWindow::MainWindow(StudioSettings& settings, sbx::LogHub& log, WorkspaceController& workspaces,
                       BrokerController& broker, QWidget* parent)
    : QMainWindow(parent),
      settings_(settings),
      log_(log),
      workspaces_(workspaces),
      broker_(broker),
      monitors_(new MonitorController(broker, workspaces, log, this)),
      logModel_(new LogModel(20000, this)),
      logBridge_(new LogBridge(log, *logModel_, this)),
      explorer_(new ExplorerDock(this)),
      brokers_(new BrokerExplorerDock(this)),
      logPanel_(new LogPanel(*logModel_, this)),
      tabs_(new QTabWidget(this)),
      brokerLabel_(new QLabel(this)),
      brokerStatsLabel_(new QLabel(this)),
      workspaceLabel_(new QLabel(this)) {
    setObjectName(QStringLiteral("window.main"));
    setWindowTitle(tr("Signalbox"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/signalbox.svg")));
    setDockNestingEnabled(true);

    addDockWidget(Qt::LeftDockWidgetArea, explorer_);
    addDockWidget(Qt::LeftDockWidgetArea, brokers_);
    splitDockWidget(explorer_, brokers_, Qt::Vertical);
    for (auto* monitor : monitors_->monitors()) {
        brokers_->addMonitor(monitor);
    }
    connect(monitors_, &MonitorController::monitorAdded, brokers_, &BrokerExplorerDock::addMonitor);
    connect(monitors_, &MonitorController::monitorRemoved, brokers_,
            &BrokerExplorerDock::removeMonitor);
    connect(brokers_, &BrokerExplorerDock::clientsRequested, this, &MainWindow::openClients);
    connect(brokers_, &BrokerExplorerDock::detachRequested, monitors_, &MonitorController::detach);
    connect(brokers_, &BrokerExplorerDock::dashboardRequested, this, &MainWindow::openDashboard);
    connect(brokers_, &BrokerExplorerDock::commandReported, this,
            [this](const QString& text, bool failed) {
                statusBar()->showMessage(text, 6000);
                log_.log(failed ? sbx::LogLevel::Warning : sbx::LogLevel::Info, "studio",
                         text.toStdString());
            });
    auto* logDock = new QDockWidget(tr("Application Log"), this);
    logDock->setObjectName(QStringLiteral("dock.log"));
    logDock->setWidget(logPanel_);
    addDockWidget(Qt::BottomDockWidgetArea, logDock);
    resizeDocks({explorer_}, {520}, Qt::Horizontal);
    resizeDocks({explorer_, brokers_}, {200, 500}, Qt::Vertical);
    resizeDocks({logDock}, {200}, Qt::Vertical);

    tabs_->setDocumentMode(true);
    tabs_->setTabsClosable(true);
    tabs_->setMovable(true);
    connect(tabs_, &QTabWidget::tabCloseRequested, this, [this](int index) {
        if (tabs_->widget(index) != overview_) {
            tabs_->widget(index)->deleteLater();
            tabs_->removeTab(index);
        }
    });
    setCentralWidget(tabs_);
    brokerLabel_->setObjectName(QStringLiteral("label.brokerStatus"));
    brokerStatsLabel_->setObjectName(QStringLiteral("label.brokerStats"));
    statusBar()->addWidget(brokerLabel_);
    statusBar()->addWidget(brokerStatsLabel_);
    statusBar()->addPermanentWidget(workspaceLabel_);

    connections_ = new ConnectionsUi(*this, log_, workspaces_, *monitors_);
    createMenus();
    connections_->installMenus();
    overview_ = new OverviewPage(newWorkspaceAction_, openWorkspaceAction_, this);
    tabs_->addTab(overview_, tr("Overview"));
    // The overview is the window's home; it has no close button.
    tabs_->tabBar()->setTabButton(0, QTabBar::RightSide, nullptr);

    connect(explorer_, &ExplorerDock::fileActivated, this, &MainWindow::openDocument);
    connect(&workspaces_, &WorkspaceController::workspaceChanged, this,
            &MainWindow::onWorkspaceChanged);
    connect(&workspaces_, &WorkspaceController::recentWorkspacesChanged, this,
            &MainWindow::rebuildRecentMenu);
    connect(&broker_, &BrokerController::stateChanged, this, &MainWindow::onBrokerStateChanged);
    connect(&broker_, &BrokerController::statsUpdated, this,
            [this](const sbx::broker::BrokerStatsSnapshot& stats) {
                const QLocale locale;
                brokerStatsLabel_->setText(
                    tr("Clients: %1 · received: %2 · sent: %3")
                        .arg(locale.toString(static_cast<qulonglong>(stats.connections)),
                             locale.toString(static_cast<qulonglong>(stats.messagesReceived)),
                             locale.toString(static_cast<qulonglong>(stats.messagesSent))));
                overview_->showBroker(broker_.statusText(), brokerStatsLabel_->text());
            });

    resize(1280, 800);
    defaultState_ = saveState();
    restoreGeometry(settings_.windowGeometry());
    restoreState(settings_.windowState());
    rebuildRecentMenu();
    onWorkspaceChanged();
    onBrokerStateChanged();
}

MainWindow::~MainWindow() = default;

QAction* MainWindow::addAction(QMenu* menu, const QString& objectName, const QString& text,
                               const QKeySequence& shortcut) {
    auto* action = menu->addAction(text);
    action->setObjectName(objectName);
    action->setShortcut(shortcut);
    return action;
}

void MainWindow::createMenus() {
    createFileMenu();
    auto* edit = menuBar()->addMenu(tr("&Edit"));
    connect(addAction(edit, QStringLiteral("action.edit.preferences"), tr("&Preferences…"),
                      QKeySequence(Qt::CTRL | Qt::Key_Comma)),
            &QAction::triggered, this, &MainWindow::showPreferences);
    createViewMenu();
    createBrokerMenu();
    createHelpMenu();
}

void MainWindow::createFileMenu() {
    auto* file = menuBar()->addMenu(tr("&File"));
    newWorkspaceAction_ = addAction(file, QStringLiteral("action.file.newWorkspace"),
                                    tr("&New Workspace…"), QKeySequence::New);
    connect(newWorkspaceAction_, &QAction::triggered, this, &MainWindow::newWorkspace);
    openWorkspaceAction_ = addAction(file, QStringLiteral("action.file.openWorkspace"),
                                     tr("&Open Workspace…"), QKeySequence::Open);
    connect(openWorkspaceAction_, &QAction::triggered, this, &MainWindow::openWorkspace);
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    recentMenu_->setObjectName(QStringLiteral("menu.file.recent"));
    file->addSeparator();
    connect(addAction(file, QStringLiteral("action.file.closeTab"), tr("&Close Tab"),
                      QKeySequence::Close),
            &QAction::triggered, this, &MainWindow::closeCurrentTab);
    file->addSeparator();
    auto* quit = addAction(file, QStringLiteral("action.file.quit"), tr("&Quit"),
                           QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);
}

void MainWindow::createViewMenu() {
    auto* view = menuBar()->addMenu(tr("&View"));
    for (auto* dock : findChildren<QDockWidget*>()) {
        auto* toggle = dock->toggleViewAction();
        toggle->setObjectName(QStringLiteral("action.view.") + dock->objectName());
        toggle->setShortcut(dock == explorer_  ? QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E)
                            : dock == brokers_ ? QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M)
                                               : QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
        view->addAction(toggle);
    }
    view->addSeparator();
    darkThemeAction_ = addAction(view, QStringLiteral("action.view.darkTheme"), tr("&Dark Theme"),
                                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    darkThemeAction_->setCheckable(true);
    darkThemeAction_->setChecked(settings_.theme() == Theme::Dark);
    connect(darkThemeAction_, &QAction::toggled, this, &MainWindow::setDarkTheme);
    connect(addAction(view, QStringLiteral("action.view.resetLayout"), tr("&Reset Layout"),
                      QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R)),
            &QAction::triggered, this, &MainWindow::restoreLayout);
}

void MainWindow::createBrokerMenu() {
    auto* menu = menuBar()->addMenu(tr("&Broker"));
    menu->setObjectName(QStringLiteral("menu.broker"));
    startBrokerAction_ =
        addAction(menu, QStringLiteral("action.broker.start"), tr("&Start Embedded Broker"),
                  QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    connect(startBrokerAction_, &QAction::triggered, this, [this] {
        QString error;
        if (!broker_.start(broker_.lastConfig(), &error)) {
            QMessageBox::warning(this, tr("Embedded Broker"),
                                 tr("The broker did not start: %1").arg(error));
        }
    });
    stopBrokerAction_ =
        addAction(menu, QStringLiteral("action.broker.stop"), tr("S&top Embedded Broker"),
                  QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    connect(stopBrokerAction_, &QAction::triggered, &broker_, &BrokerController::stop);
    copyAddressAction_ =
        addAction(menu, QStringLiteral("action.broker.copyAddress"), tr("&Copy MQTT Address"),
                  QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connect(copyAddressAction_, &QAction::triggered, this, &MainWindow::copyBrokerAddress);
    menu->addSeparator();
    auto* dashboard =
        addAction(menu, QStringLiteral("action.broker.dashboard"), tr("Broker &Dashboard"),
                  QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    connect(dashboard, &QAction::triggered, this, [this] {
        if (auto* selected = selectedOtherBroker()) {
            openDashboard(selected, QString(), selected->sourceName());
        } else {
            openDashboard(&monitors_->embedded(), QString(), tr("Embedded broker"));
        }
    });
    auto* clients =
        addAction(menu, QStringLiteral("action.broker.clients"), tr("Connected C&lients"),
                  QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
    connect(clients, &QAction::triggered, this, [this] {
        auto* selected = selectedOtherBroker();
        openClients(selected != nullptr ? selected : &monitors_->embedded());
    });
    auto* attach =
        addAction(menu, QStringLiteral("action.broker.attachRemote"),
                  tr("&Attach to Remote Broker…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    connect(attach, &QAction::triggered, this, &MainWindow::attachRemoteBroker);
    createMessageActions(menu);
}

void MainWindow::attachRemoteBroker() {
    bool ok = false;
    const auto address =
        QInputDialog::getText(this, tr("Attach to Remote Broker"),
                              tr("Address of the management API of a broker started with\n"
                                 "sbx broker --http-port PORT (host:port):"),
                              QLineEdit::Normal, QStringLiteral("127.0.0.1:15672"), &ok);
    if (!ok || address.trimmed().isEmpty()) {
        return;
    }
    const auto colon = address.lastIndexOf(QLatin1Char(':'));
    const auto port = colon < 0 ? 0U : address.mid(colon + 1).toUInt();
    if (colon <= 0 || port == 0 || port > 65535) {
        QMessageBox::warning(this, tr("Attach to Remote Broker"),
                             tr("“%1” is not host:port.").arg(address));
        return;
    }
    // The connect may take up to its timeout; the window stays usable meanwhile.
    auto* progress =
        new QProgressDialog(tr("Connecting to %1…").arg(address), QString(), 0, 0, this);
    progress->setObjectName(QStringLiteral("dialog.attachProgress"));
    progress->setWindowTitle(tr("Attach to Remote Broker"));
    progress->setAttribute(Qt::WA_DeleteOnClose);
    progress->setMinimumDuration(0);
    progress->show();
    const auto host = address.left(colon).trimmed();
    const auto expected = QStringLiteral("%1:%2").arg(host).arg(port);
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection =
        connect(monitors_, &MonitorController::remoteAttached, this,
                [this, progress, expected, address, connection](
                    const QString& attached, SourceMonitor* monitor, const QString& error) {
                    if (attached != expected) {
                        return;  // another attach
                    }
                    disconnect(*connection);
                    progress->close();
                    if (monitor == nullptr) {
                        QMessageBox::warning(this, tr("Attach to Remote Broker"),
                                             tr("Could not attach to %1: %2").arg(address, error));
                        return;
                    }
                    brokers_->show();
                    statusBar()->showMessage(tr("Attached to %1").arg(address), 4000);
                });
    monitors_->attachRemoteInBackground(host, static_cast<std::uint16_t>(port));
}

namespace {
bool canServe(const SourceMonitor& monitor, const QString& view) {
    using sbx::observe::Capability;
    const auto caps = monitor.capabilities();
    if (view == QLatin1String("publisher")) {
        return caps.has(Capability::Publish) || caps.has(Capability::PublishMqtt);
    }
    if (view == QLatin1String("trace")) {
        return caps.has(Capability::HopEvents);
    }
    return caps.has(Capability::Peek);
}
}  // namespace

SourceMonitor* MainWindow::selectedOtherBroker() const {
    auto* selected = brokers_->currentMonitor();
    return selected == &monitors_->embedded() ? nullptr : selected;
}

// The message views act on the broker selected in the Brokers dock, the embedded one
// when none (or the embedded one) is selected.
void MainWindow::createMessageActions(QMenu* menu) {
    menu->addSeparator();
    // A broker that cannot serve the view (no peek, no hop events, ...) leaves it to the
    // embedded broker, and the status bar says so.
    const auto messageView = [this](const QString& view, auto openEmbedded) {
        return [this, view, openEmbedded] {
            if (auto* selected = selectedOtherBroker()) {
                if (canServe(*selected, view)) {
                    connections_->openMessageView(selected, view, QString());
                    return;
                }
                statusBar()->showMessage(
                    tr("%1 cannot offer this view; showing the embedded broker's")
                        .arg(selected->sourceName()),
                    6000);
            }
            (this->*openEmbedded)();
        };
    };
    const auto tip = tr("Opens for the broker selected in the Brokers dock, else the embedded one");
    auto* browser = addAction(menu, QStringLiteral("action.broker.messageBrowser"),
                              tr("Message &Browser"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_B));
    browser->setStatusTip(tip);
    connect(browser, &QAction::triggered, this,
            messageView(QStringLiteral("messages"), &MainWindow::openMessageBrowser));
    auto* publisher = addAction(menu, QStringLiteral("action.broker.publisher"), tr("&Publisher"),
                                QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_P));
    publisher->setStatusTip(tip);
    connect(publisher, &QAction::triggered, this,
            messageView(QStringLiteral("publisher"), &MainWindow::openPublisher));
    auto* deadLetters =
        addAction(menu, QStringLiteral("action.broker.deadLetters"), tr("Dead L&etters"),
                  QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_L));
    deadLetters->setStatusTip(tip);
    connect(deadLetters, &QAction::triggered, this,
            messageView(QStringLiteral("deadletters"), &MainWindow::openDeadLetters));
    auto* trace = addAction(menu, QStringLiteral("action.broker.trace"), tr("Message &Trace"),
                            QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_T));
    trace->setStatusTip(tip);
    connect(trace, &QAction::triggered, this,
            messageView(QStringLiteral("trace"), &MainWindow::openTrace));
}

// A folder of the open workspace (created on first save), or empty without one.
QString MainWindow::workspaceFolder(std::string_view folder) const {
    const auto& workspace = workspaces_.current();
    return workspace ? QString::fromStdString((workspace->root() / folder).string()) : QString();
}

void MainWindow::showWorkspaceItems() {
    if (const auto& workspace = workspaces_.current()) {
        explorer_->model().showWorkspace(*workspace);
        overview_->showWorkspace(&*workspace);
    }
}

namespace {
// The embedded broker's page of a kind; pages of other brokers (opened through
// ConnectionsUi) carry the "sbx.monitor" property and are not it.
template <typename Page>
Page* findPage(QTabWidget* tabs) {
    for (int i = 0; i < tabs->count(); ++i) {
        auto* page = qobject_cast<Page*>(tabs->widget(i));
        if (page != nullptr && !page->property("sbx.monitor").isValid()) {
            tabs->setCurrentIndex(i);
            return page;
        }
    }
    return nullptr;
}
}  // namespace

MessageBrowserPage* MainWindow::openMessageBrowser() {
    if (auto* page = findPage<MessageBrowserPage>(tabs_)) {
        return page;
    }
    auto* page = new MessageBrowserPage(monitors_->embedded(), tabs_);
    page->setFilterFolderProvider([this] {
        return workspaceFolder(sbx::workspace::folderName(sbx::workspace::ItemKind::Filter));
    });
    // A saved filter is a workspace item: the explorer lists it at once.
    connect(&page->filterBar(), &MessageFilterBar::saved, this, &MainWindow::showWorkspaceItems);
    connect(page, &MessageBrowserPage::traceRequested, this,
            [this](const sbx::observe::ObservedMessage& message) {
                openTrace()->traceMessage(message);
            });
    tabs_->setCurrentIndex(tabs_->addTab(page, tr("Messages")));
    return page;
}

PublisherPage* MainWindow::openPublisher() {
    if (auto* page = findPage<PublisherPage>(tabs_)) {
        return page;
    }
    auto* page = new PublisherPage(monitors_->embedded(), tabs_);
    page->setTemplateFolderProvider([this] { return workspaceFolder("templates"); });
    tabs_->setCurrentIndex(tabs_->addTab(page, tr("Publisher")));
    return page;
}

DeadLetterPage* MainWindow::openDeadLetters() {
    if (auto* page = findPage<DeadLetterPage>(tabs_)) {
        return page;
    }
    auto* page = new DeadLetterPage(monitors_->embedded(), tabs_);
    tabs_->setCurrentIndex(tabs_->addTab(page, tr("Dead Letters")));
    return page;
}

TracePage* MainWindow::openTrace() {
    if (auto* page = findPage<TracePage>(tabs_)) {
        return page;
    }
    auto* page = new TracePage(monitors_->embedded(), tabs_);
    tabs_->setCurrentIndex(tabs_->addTab(page, tr("Trace")));
    return page;
}

DashboardPage* MainWindow::openDashboard(SourceMonitor* monitor, const QString& destinationId,
                                         const QString& title) {
    for (int i = 0; i < tabs_->count(); ++i) {
        auto* page = qobject_cast<DashboardPage*>(tabs_->widget(i));
        if (page != nullptr && page->sourceName() == monitor->sourceName() &&
            page->destinationId() == destinationId) {
            tabs_->setCurrentIndex(i);
            return page;
        }
    }
    auto* page = new DashboardPage(*monitor, destinationId, title, tabs_);
    connect(monitor, &QObject::destroyed, page, &QObject::deleteLater);
    const auto label =
        destinationId.isEmpty() ? tr("Dashboard") : title.section(QLatin1Char('/'), -1);
    const int index = tabs_->addTab(page, label);
    tabs_->setTabToolTip(index, title);
    tabs_->setCurrentIndex(index);
    return page;
}

ClientsPage* MainWindow::openClients(SourceMonitor* monitor) {
    for (int i = 0; i < tabs_->count(); ++i) {
        auto* page = qobject_cast<ClientsPage*>(tabs_->widget(i));
        if (page != nullptr && &page->monitor() == monitor) {
            tabs_->setCurrentIndex(i);
            return page;
        }
    }
    auto* page = new ClientsPage(*monitor, tabs_);
    // A detached broker's views go with it.
    connect(monitor, &QObject::destroyed, page, &QObject::deleteLater);
    const auto label = monitor == &monitors_->embedded()
                           ? tr("Clients")
                           : tr("Clients — %1").arg(monitor->sourceName());
    tabs_->setCurrentIndex(tabs_->addTab(page, label));
    return page;
}

void MainWindow::onBrokerStateChanged() {
    const bool running = broker_.running();
    startBrokerAction_->setEnabled(!running);
    stopBrokerAction_->setEnabled(running);
    copyAddressAction_->setEnabled(running && broker_.port("mqtt").has_value());
    brokerLabel_->setText(broker_.statusText());
    if (!running) {
        brokerStatsLabel_->clear();
    }
    overview_->showBroker(broker_.statusText(), brokerStatsLabel_->text());
}

void MainWindow::copyBrokerAddress() {
    const auto port = broker_.port("mqtt");
    if (!port) {
        return;
    }
    const auto address = QStringLiteral("mqtt://%1:%2")
                             .arg(QString::fromStdString(broker_.lastConfig().bindAddress))
                             .arg(*port);
    QGuiApplication::clipboard()->setText(address);
    statusBar()->showMessage(tr("Copied %1").arg(address), 4000);
}

void MainWindow::createHelpMenu() {
    auto* help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("menu.help"));
    connect(addAction(help, QStringLiteral("action.help.shortcuts"), tr("&Keyboard Shortcuts"),
                      QKeySequence::HelpContents),
            &QAction::triggered, this, &MainWindow::showShortcuts);
    auto* about = addAction(help, QStringLiteral("action.help.about"), tr("&About Signalbox"),
                            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F1));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::rebuildRecentMenu() {
    recentMenu_->clear();
    const auto recent = workspaces_.recentWorkspaces();
    int number = 1;
    for (const auto& path : recent) {
        auto* action = recentMenu_->addAction(QStringLiteral("&%1  %2").arg(number).arg(path));
        if (number <= 9) {
            action->setShortcut(
                QKeySequence(Qt::CTRL | Qt::ALT | static_cast<Qt::Key>(Qt::Key_0 + number)));
        }
        connect(action, &QAction::triggered, this, [this, path] { openRecent(path); });
        ++number;
    }
    if (recent.isEmpty()) {
        recentMenu_->addAction(tr("No recent workspaces"))->setEnabled(false);
        return;
    }
    recentMenu_->addSeparator();
    auto* clear = recentMenu_->addAction(tr("Clear List"));
    clear->setObjectName(QStringLiteral("action.file.clearRecent"));
    clear->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_0));
    connect(clear, &QAction::triggered, &workspaces_, &WorkspaceController::clearRecentWorkspaces);
}

void MainWindow::onWorkspaceChanged() {
    const auto& workspace = workspaces_.current();
    // Files of the previous workspace no longer belong in the tabs.
    for (int i = tabs_->count() - 1; i >= 0; --i) {
        if (tabs_->widget(i) != overview_) {
            tabs_->widget(i)->deleteLater();
            tabs_->removeTab(i);
        }
    }
    if (workspace) {
        explorer_->model().showWorkspace(*workspace);
        overview_->showWorkspace(&*workspace);
        setWindowTitle(tr("%1 — Signalbox").arg(QString::fromStdString(workspace->name())));
        workspaceLabel_->setText(
            tr("Workspace: %1").arg(QString::fromStdString(workspace->root().string())));
    } else {
        explorer_->model().showNothing();
        overview_->showWorkspace(nullptr);
        setWindowTitle(tr("Signalbox"));
        workspaceLabel_->setText(tr("No workspace"));
    }
}

void MainWindow::newWorkspace() {
    const auto dir =
        QFileDialog::getExistingDirectory(this, tr("Choose an empty folder for the new workspace"));
    if (dir.isEmpty()) {
        return;
    }
    QString error;
    if (!workspaces_.create(dir, QDir(dir).dirName(), &error)) {
        QMessageBox::warning(this, tr("New Workspace"), error);
    }
}

void MainWindow::openWorkspace() {
    const auto dir = QFileDialog::getExistingDirectory(this, tr("Open Workspace"));
    if (dir.isEmpty()) {
        return;
    }
    QString error;
    if (!workspaces_.open(dir, &error)) {
        QMessageBox::warning(this, tr("Open Workspace"), error);
    }
}

void MainWindow::openRecent(const QString& path) {
    QString error;
    if (!workspaces_.open(path, &error)) {
        QMessageBox::warning(this, tr("Open Recent Workspace"), error);
    }
}

void MainWindow::openDocument(const QString& path) {
    for (int i = 0; i < tabs_->count(); ++i) {
        auto* tab = qobject_cast<DocumentTab*>(tabs_->widget(i));
        if (tab != nullptr && tab->path() == path) {
            tabs_->setCurrentIndex(i);
            return;
        }
    }
    auto* tab = new DocumentTab(path, tabs_);
    if (!tab->loadError().isEmpty()) {
        log_.log(sbx::LogLevel::Error, "studio", tab->loadError().toStdString());
    }
    const int index = tabs_->addTab(tab, QFileInfo(path).fileName());
    tabs_->setTabToolTip(index, path);
    tabs_->setCurrentIndex(index);
}

void MainWindow::closeCurrentTab() {
    const int index = tabs_->currentIndex();
    if (index >= 0) {
        emit tabs_->tabCloseRequested(index);
    }
}

void MainWindow::setDarkTheme(bool dark) {
    const auto theme = dark ? Theme::Dark : Theme::Light;
    applyTheme(*qApp, theme);
    settings_.setTheme(theme);
    if (darkThemeAction_->isChecked() != dark) {
        darkThemeAction_->setChecked(dark);
    }
}

void MainWindow::showPreferences() {
    PreferencesDialog dialog(settings_.theme(), settings_.languageOverride(), this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    setDarkTheme(dialog.theme() == Theme::Dark);
    if (dialog.language() != settings_.languageOverride()) {
        settings_.setLanguageOverride(dialog.language());
        statusBar()->showMessage(tr("The new language applies when Signalbox starts again."), 8000);
    }
}

void MainWindow::showShortcuts() {
    ShortcutsDialog dialog(*menuBar(), this);
    dialog.exec();
}

void MainWindow::showAbout() {
    AboutDialog dialog(this);
    dialog.exec();
}

void MainWindow::restoreLayout() {
    restoreState(defaultState_);
    for (auto* dock : findChildren<QDockWidget*>()) {
        dock->show();
    }
}

void MainWindow::closeEvent(QCloseEvent* event) {
    settings_.setWindowGeometry(saveGeometry());
    settings_.setWindowState(saveState());
    settings_.sync();
    QMainWindow::closeEvent(event);
}
