#pragma once

#include <QPalette>
#include <QString>

class QApplication;

enum class Theme { Light, Dark };

[[nodiscard]] QString themeId(Theme theme);
[[nodiscard]] Theme themeFromId(const QString& id);
[[nodiscard]] QPalette paletteFor(Theme theme);

// Applies the Fusion style with the theme's palette, so both themes look the same on
// every desktop instead of depending on the platform style.
void applyTheme(QApplication& app, Theme theme);
