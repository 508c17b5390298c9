#include "translation_loader.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

QStringList shippedLanguages() {
    return {QStringLiteral("de"), QStringLiteral("fr")};
}

QLocale chooseLocale(const QString& languageOverride) {
    if (!languageOverride.isEmpty()) {
        return QLocale(languageOverride);
    }
    return QLocale::system();
}

QString installTranslations(QCoreApplication& app, const QLocale& locale) {
    auto* studio = new QTranslator(&app);
    if (!studio->load(locale, QStringLiteral("signalbox"), QStringLiteral("_"),
                      QStringLiteral(":/i18n"))) {
        delete studio;
        return {};
    }
    QCoreApplication::installTranslator(studio);

    // Qt's own strings (standard buttons, file dialogs) in the same language, when the
    // system has them (Debian: qt6-translations-l10n).
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
    } else {
        delete qt;
    }
    return studio->language().section(QLatin1Char('_'), 0, 0);
}
