#include <gtest/gtest.h>

#include <QApplication>
#include <QMenuBar>

#include "broker_controller.h"
#include "main_window.h"
#include "studio_environment.h"
#include "studio_settings.h"
#include "translation_loader.h"
#include "workspace_controller.h"

namespace {

// The studio follows the system locale when the user has not chosen a language.
TEST(SystemLocale, GermanSystemGivesGermanMenus) {
    ASSERT_EQ(QLocale::system().language(), QLocale::German);
    StudioSettings settings;
    ASSERT_TRUE(settings.languageOverride().isEmpty());
    EXPECT_EQ(installTranslations(*qApp, chooseLocale(settings.languageOverride())), "de");

    sbx::LogHub log;
    WorkspaceController workspaces(settings, log);
    BrokerController broker(log);
    MainWindow window(settings, log, workspaces, broker);
    QStringList titles;
    for (auto* action : window.menuBar()->actions()) {
        titles << action->text();
    }
    EXPECT_TRUE(titles.contains(QStringLiteral("&Datei"))) << titles.join(',').toStdString();
    EXPECT_TRUE(titles.contains(QStringLiteral("&Hilfe"))) << titles.join(',').toStdString();
}

// A language chosen in the preferences wins over the system's.
TEST(SystemLocale, OverrideWinsOverSystem) {
    EXPECT_EQ(chooseLocale(QStringLiteral("fr")).language(), QLocale::French);
    EXPECT_EQ(chooseLocale(QString()).language(), QLocale::German);
}

}  // namespace

int main(int argc, char** argv) {
    StudioTestEnvironment environment;
    qputenv("LANG", "de_DE.UTF-8");
    qunsetenv("LC_ALL");
    qunsetenv("LC_MESSAGES");
    qunsetenv("LANGUAGE");
    QApplication app(argc, argv);
    nameApplicationLikeTheStudio();
    testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
