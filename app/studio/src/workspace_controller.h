#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <optional>

#include "sbx/common/log_hub.h"
#include "sbx/workspace/recent_list.h"
#include "sbx/workspace/workspace.h"

class StudioSettings;

// Owns the open workspace and the recent list, and remembers both in the settings.
// Errors come back as text for the window to show; nothing here opens a dialog.
class WorkspaceController : public QObject {
    Q_OBJECT
public:
    WorkspaceController(StudioSettings& settings, sbx::LogHub& log, QObject* parent = nullptr);

    bool open(const QString& dir, QString* error = nullptr);
    bool create(const QString& dir, const QString& name, QString* error = nullptr);
    // Opens `requested` if given, else the last workspace, else the demo workspace
    // (unpacked on first start). Returns false only if none of these could be opened.
    bool openInitial(const QString& requested, QString* error = nullptr);
    // Unpacks the bundled demo workspace into `dir` unless one is already there.
    bool ensureDemoWorkspace(const QString& dir, QString* error = nullptr);
    [[nodiscard]] static QString defaultDemoWorkspaceDir();

    [[nodiscard]] const std::optional<sbx::workspace::Workspace>& current() const {
        return current_;
    }
    [[nodiscard]] QStringList recentWorkspaces() const;
    void clearRecentWorkspaces();

signals:
    void workspaceChanged();
    void recentWorkspacesChanged();

private:
    void remember(const sbx::workspace::Workspace& workspace);
    void storeRecent();

    StudioSettings& settings_;
    sbx::LogHub& log_;
    sbx::workspace::RecentList recent_;
    std::optional<sbx::workspace::Workspace> current_;
};
