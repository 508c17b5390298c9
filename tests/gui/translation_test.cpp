#include <gtest/gtest.h>

#include <QApplication>
#include <QFile>
#include <QMenuBar>

#include "broker_controller.h"
#include "main_window.h"
#include "studio_settings.h"
#include "translation_loader.h"
#include "workspace_controller.h"

namespace {

QStringList menuTitles(MainWindow& window) {
    QStringList titles;
    for (auto* action : window.menuBar()->actions()) {
        titles << action->text();
    }
    return titles;
}

TEST(Translations, ShippedLanguagesAreEmbedded) {
    for (const auto& language : shippedLanguages()) {
        EXPECT_TRUE(QFile::exists(QStringLiteral(":/i18n/signalbox_%1.qm").arg(language)))
            << language.toStdString();
    }
}

TEST(Translations, EnglishNeedsNoTranslation) {
    EXPECT_TRUE(installTranslations(*qApp, QLocale(QLocale::English)).isEmpty());
}

TEST(Translations, GermanMenusAppear) {
    ASSERT_EQ(installTranslations(*qApp, QLocale(QStringLiteral("de_DE"))), "de");
    StudioSettings settings;
    sbx::LogHub log;
    WorkspaceController workspaces(settings, log);
    BrokerController broker(log);
    MainWindow window(settings, log, workspaces, broker);
    const auto titles = menuTitles(window);
    EXPECT_EQ(titles, (QStringList{"&Datei", "&Bearbeiten", "&Ansicht", "&Broker", "&Hilfe"}))
        << titles.join(',').toStdString();
}

TEST(Translations, FrenchMenusAppear) {
    ASSERT_EQ(installTranslations(*qApp, QLocale(QStringLiteral("fr_FR"))), "fr");
    StudioSettings settings;
    sbx::LogHub log;
    WorkspaceController workspaces(settings, log);
    BrokerController broker(log);
    MainWindow window(settings, log, workspaces, broker);
    const auto titles = menuTitles(window);
    EXPECT_EQ(titles, (QStringList{"&Fichier", "&Édition", "&Affichage", "&Broker", "&Aide"}))
        << titles.join(',').toStdString();
}

}  // namespace
