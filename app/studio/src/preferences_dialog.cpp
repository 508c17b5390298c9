#include "preferences_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

PreferencesDialog::PreferencesDialog(Theme theme, const QString& language, QWidget* parent)
    : QDialog(parent), themeBox_(new QComboBox(this)), languageBox_(new QComboBox(this)) {
    setWindowTitle(tr("Preferences"));

    themeBox_->addItem(tr("Light"), themeId(Theme::Light));
    themeBox_->addItem(tr("Dark"), themeId(Theme::Dark));
    themeBox_->setCurrentIndex(themeBox_->findData(themeId(theme)));

    languageBox_->addItem(tr("System default"), QString());
    // Language names in their own language, as users look for them.
    languageBox_->addItem(QStringLiteral("English"), QStringLiteral("en"));
    languageBox_->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    languageBox_->addItem(QStringLiteral("Français"), QStringLiteral("fr"));
    const int languageIndex = languageBox_->findData(language);
    languageBox_->setCurrentIndex(languageIndex < 0 ? 0 : languageIndex);

    auto* form = new QFormLayout;
    form->addRow(tr("&Theme:"), themeBox_);
    form->addRow(tr("&Language:"), languageBox_);
    auto* note = new QLabel(tr("A new language takes effect when Signalbox starts again."), this);
    note->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
}

Theme PreferencesDialog::theme() const {
    return themeFromId(themeBox_->currentData().toString());
}

QString PreferencesDialog::language() const {
    return languageBox_->currentData().toString();
}
