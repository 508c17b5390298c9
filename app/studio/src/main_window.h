#pragma once

#include <QMainWindow>
#include <string_view>

#include "sbx/common/log_hub.h"

class BrokerController;
class BrokerExplorerDock;
class ClientsPage;
class ConnectionsUi;
class DeadLetterPage;
class MessageBrowserPage;
class PublisherPage;
class TracePage;
class DashboardPage;
class MonitorController;
class SourceMonitor;
class ExplorerDock;
class LogBridge;
class LogModel;
class LogPanel;
class OverviewPage;
class QLabel;
class QMenu;
class QTabWidget;
class StudioSettings;
class WorkspaceController;

// Assembles the docks, the central tabs and the menus; the work itself happens in the
// controllers and panels it wires together.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(StudioSettings& settings, sbx::LogHub& log, WorkspaceController& workspaces,
               BrokerController& broker, QWidget* parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] ExplorerDock& explorer() { return *explorer_; }
    [[nodiscard]] LogPanel& logPanel() { return *logPanel_; }
    [[nodiscard]] LogBridge& logBridge() { return *logBridge_; }
    [[nodiscard]] QTabWidget& tabs() { return *tabs_; }
    [[nodiscard]] OverviewPage& overview() { return *overview_; }
    [[nodiscard]] BrokerExplorerDock& brokers() { return *brokers_; }
    [[nodiscard]] MonitorController& monitors() { return *monitors_; }
    // Connector plugins, connection profiles and alerts.
    [[nodiscard]] ConnectionsUi& connections() { return *connections_; }

    // Opens (or focuses) the charts of a destination, or of the whole broker when
    // `destinationId` is empty, and the clients of a broker.
    DashboardPage* openDashboard(SourceMonitor* monitor, const QString& destinationId,
                                 const QString& title);
    ClientsPage* openClients(SourceMonitor* monitor);
    // The message views of the embedded broker (one tab each, focused if open).
    MessageBrowserPage* openMessageBrowser();
    PublisherPage* openPublisher();
    DeadLetterPage* openDeadLetters();
    TracePage* openTrace();

    // Opens a workspace file read-only in a tab (or focuses its tab if already open).
    void openDocument(const QString& path);
    void setDarkTheme(bool dark);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    QAction* addAction(QMenu* menu, const QString& objectName, const QString& text,
                       const QKeySequence& shortcut);
    void createMenus();
    void createFileMenu();
    void createViewMenu();
    void createBrokerMenu();
    void createMessageActions(QMenu* menu);
    // The broker selected in the Brokers dock unless it is the embedded one (or none).
    [[nodiscard]] SourceMonitor* selectedOtherBroker() const;
    [[nodiscard]] QString workspaceFolder(std::string_view folder) const;
    void showWorkspaceItems();
    void createHelpMenu();
    void onBrokerStateChanged();
    void copyBrokerAddress();
    void attachRemoteBroker();
    void rebuildRecentMenu();
    void onWorkspaceChanged();
    void newWorkspace();
    void openWorkspace();
    void openRecent(const QString& path);
    void showPreferences();
    void showShortcuts();
    void showAbout();
    void closeCurrentTab();
    void restoreLayout();

    StudioSettings& settings_;
    sbx::LogHub& log_;
    WorkspaceController& workspaces_;
    BrokerController& broker_;
    MonitorController* monitors_;
    ConnectionsUi* connections_ = nullptr;
    LogModel* logModel_;
    LogBridge* logBridge_;
    ExplorerDock* explorer_;
    BrokerExplorerDock* brokers_;
    LogPanel* logPanel_;
    QTabWidget* tabs_;
    OverviewPage* overview_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QAction* newWorkspaceAction_ = nullptr;
    QAction* openWorkspaceAction_ = nullptr;
    QAction* darkThemeAction_ = nullptr;
    QAction* startBrokerAction_ = nullptr;
    QAction* stopBrokerAction_ = nullptr;
    QAction* copyAddressAction_ = nullptr;
    QLabel* brokerLabel_;
    QLabel* brokerStatsLabel_;
    QLabel* workspaceLabel_;
    QByteArray defaultState_;
};
