#include "studio_settings.h"

namespace {
constexpr auto kGeometry = "window/geometry";
constexpr auto kState = "window/state";
constexpr auto kTheme = "appearance/theme";
constexpr auto kLanguage = "appearance/language";
constexpr auto kRecent = "workspaces/recent";
constexpr auto kLast = "workspaces/last";
}  // namespace

StudioSettings::StudioSettings()
    : settings_(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("Signalbox"),
                QStringLiteral("signalbox")) {}

QByteArray StudioSettings::windowGeometry() const {
    return settings_.value(kGeometry).toByteArray();
}
void StudioSettings::setWindowGeometry(const QByteArray& geometry) {
    settings_.setValue(kGeometry, geometry);
}

QByteArray StudioSettings::windowState() const {
    return settings_.value(kState).toByteArray();
}
void StudioSettings::setWindowState(const QByteArray& state) {
    settings_.setValue(kState, state);
}

Theme StudioSettings::theme() const {
    return themeFromId(settings_.value(kTheme, themeId(Theme::Light)).toString());
}
void StudioSettings::setTheme(Theme theme) {
    settings_.setValue(kTheme, themeId(theme));
}

QString StudioSettings::languageOverride() const {
    return settings_.value(kLanguage).toString();
}
void StudioSettings::setLanguageOverride(const QString& language) {
    settings_.setValue(kLanguage, language);
}

QStringList StudioSettings::recentWorkspaces() const {
    return settings_.value(kRecent).toStringList();
}
void StudioSettings::setRecentWorkspaces(const QStringList& paths) {
    settings_.setValue(kRecent, paths);
}

QString StudioSettings::lastWorkspace() const {
    return settings_.value(kLast).toString();
}
void StudioSettings::setLastWorkspace(const QString& path) {
    settings_.setValue(kLast, path);
}

void StudioSettings::sync() {
    settings_.sync();
}
