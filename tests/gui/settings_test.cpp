#include <gtest/gtest.h>

#include "studio_settings.h"

namespace {

TEST(StudioSettings, RemembersEverythingAcrossInstances) {
    {
        StudioSettings settings;
        EXPECT_EQ(settings.theme(), Theme::Light);  // first start
        EXPECT_TRUE(settings.languageOverride().isEmpty());
        settings.setTheme(Theme::Dark);
        settings.setLanguageOverride(QStringLiteral("fr"));
        settings.setRecentWorkspaces({QStringLiteral("/a"), QStringLiteral("/b")});
        settings.setLastWorkspace(QStringLiteral("/a"));
        settings.setWindowGeometry(QByteArray("geometry"));
        settings.setWindowState(QByteArray("state"));
        settings.sync();
    }
    StudioSettings again;
    EXPECT_EQ(again.theme(), Theme::Dark);
    EXPECT_EQ(again.languageOverride(), "fr");
    EXPECT_EQ(again.recentWorkspaces(), (QStringList{"/a", "/b"}));
    EXPECT_EQ(again.lastWorkspace(), "/a");
    EXPECT_EQ(again.windowGeometry(), QByteArray("geometry"));
    EXPECT_EQ(again.windowState(), QByteArray("state"));
}

}  // namespace
