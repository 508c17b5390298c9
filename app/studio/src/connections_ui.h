#pragma once

#include <QObject>
#include <QPointer>

#include "sbx/common/log_hub.h"

class AlertController;
class ConnectionController;
class ConnectionDialog;
class MainWindow;
class MonitorController;
class PluginHost;
class QDockWidget;
class QSystemTrayIcon;
class QTimer;
class SecretStore;
class SourceMonitor;
class WorkspaceController;

// Brings connector plugins, connection profiles and alerts into the main window: the
// Broker menu's Add Broker Connection… and Alerts…, Help > Plugins, the explorer's
// Edit/Remove Connection and per-broker message views, and the Alerts dock. Created by
// the window before its menus (the dock gets a View menu entry), then installMenus().
class ConnectionsUi : public QObject {
    Q_OBJECT
public:
    ConnectionsUi(MainWindow& window, sbx::LogHub& log, WorkspaceController& workspaces,
                  MonitorController& monitors);
    ~ConnectionsUi() override;

    void installMenus();

    [[nodiscard]] PluginHost& plugins() { return *plugins_; }
    [[nodiscard]] SecretStore& secrets() { return *secrets_; }
    [[nodiscard]] ConnectionController& connections() { return *connections_; }
    [[nodiscard]] AlertController& alerts() { return *alerts_; }
    [[nodiscard]] QDockWidget& alertsDock() { return *alertsDock_; }

    // The dialogs (modeless, so tests can drive them; null once closed).
    ConnectionDialog* showAddConnection();
    ConnectionDialog* showEditConnection(SourceMonitor* monitor);
    void showPlugins();
    void showAlertRules();
    // A message view ("messages", "publisher", "deadletters", "trace") of any watched broker.
    QWidget* openMessageView(SourceMonitor* monitor, const QString& view,
                             const QString& destinationId);

private:
    ConnectionDialog* openConnectionDialog(const void* existingProfile);
    void removeConnection(SourceMonitor* monitor);
    void closeViewsOf(SourceMonitor* monitor);
    void showConnectionStates();

    MainWindow& window_;
    sbx::LogHub& log_;
    WorkspaceController& workspaces_;
    MonitorController& monitors_;
    PluginHost* plugins_;
    SecretStore* secrets_;
    ConnectionController* connections_;
    AlertController* alerts_;
    QDockWidget* alertsDock_;
    QPointer<ConnectionDialog> dialog_;
    QSystemTrayIcon* tray_ = nullptr;
    QTimer* stateTimer_;  // counts down "reconnecting in N s" in the explorer  // created at the
                          // first alert, where available
};
