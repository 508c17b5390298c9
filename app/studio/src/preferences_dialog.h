#pragma once

#include <QDialog>

#include "theme.h"

class QComboBox;

// Theme and language. The theme applies at once; a new language on the next start.
class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    PreferencesDialog(Theme theme, const QString& language, QWidget* parent = nullptr);

    [[nodiscard]] Theme theme() const;
    // Empty for "system default", otherwise a locale name such as "de".
    [[nodiscard]] QString language() const;

private:
    QComboBox* themeBox_;
    QComboBox* languageBox_;
};
