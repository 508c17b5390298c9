#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>

#include "theme.h"

// Typed access to what the studio remembers between runs. Keys live here only, so a
// renamed key cannot silently lose a user's setting in one place and not another.
class StudioSettings {
public:
    StudioSettings();

    [[nodiscard]] QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray& geometry);
    [[nodiscard]] QByteArray windowState() const;
    void setWindowState(const QByteArray& state);

    [[nodiscard]] Theme theme() const;
    void setTheme(Theme theme);

    // Empty means "follow the system locale".
    [[nodiscard]] QString languageOverride() const;
    void setLanguageOverride(const QString& language);

    [[nodiscard]] QStringList recentWorkspaces() const;
    void setRecentWorkspaces(const QStringList& paths);
    [[nodiscard]] QString lastWorkspace() const;
    void setLastWorkspace(const QString& path);

    void sync();

private:
    QSettings settings_;
};
