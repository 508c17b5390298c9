#include "theme.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>

#include "broker_controller.h"
#include "main_window.h"
#include "studio_settings.h"
#include "workspace_controller.h"

namespace {

TEST(Theme, IdsRoundTrip) {
    EXPECT_EQ(themeFromId(themeId(Theme::Dark)), Theme::Dark);
    EXPECT_EQ(themeFromId(themeId(Theme::Light)), Theme::Light);
    EXPECT_EQ(themeFromId(QStringLiteral("neon")), Theme::Light);
}

TEST(Theme, DarkPaletteIsDarkAndLightIsLight) {
    EXPECT_LT(paletteFor(Theme::Dark).color(QPalette::Window).lightness(), 80);
    EXPECT_GT(paletteFor(Theme::Dark).color(QPalette::Text).lightness(), 180);
    EXPECT_GT(paletteFor(Theme::Light).color(QPalette::Window).lightness(), 180);
}

TEST(Theme, MenuActionSwitchesAndRemembersTheTheme) {
    StudioSettings settings;
    sbx::LogHub log;
    WorkspaceController workspaces(settings, log);
    BrokerController broker(log);
    MainWindow window(settings, log, workspaces, broker);
    auto* dark = window.findChild<QAction*>(QStringLiteral("action.view.darkTheme"));
    ASSERT_NE(dark, nullptr);
    EXPECT_FALSE(dark->isChecked());

    dark->trigger();
    EXPECT_LT(qApp->palette().color(QPalette::Window).lightness(), 80);
    EXPECT_EQ(StudioSettings().theme(), Theme::Dark);

    dark->trigger();
    EXPECT_GT(qApp->palette().color(QPalette::Window).lightness(), 180);
    EXPECT_EQ(StudioSettings().theme(), Theme::Light);
}

}  // namespace
