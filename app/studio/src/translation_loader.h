#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

class QCoreApplication;
class QTranslator;

// The languages the studio ships, as locale names ("de", "fr"); English is the source.
[[nodiscard]] QStringList shippedLanguages();

// Picks the locale to use: the user's override when set, the system locale otherwise.
[[nodiscard]] QLocale chooseLocale(const QString& languageOverride);

// Installs the studio's and Qt's own translations for `locale` on `app`. Returns the
// language that was loaded ("de", "fr") or an empty string when English is used.
QString installTranslations(QCoreApplication& app, const QLocale& locale);
