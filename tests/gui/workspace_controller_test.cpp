#include "workspace_controller.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>

#include "sbx/connect/connection_profile.h"
#include "studio_settings.h"

namespace {

TEST(WorkspaceController, FirstStartUnpacksAndOpensTheDemo) {
    StudioSettings settings;
    sbx::LogHub log;
    WorkspaceController controller(settings, log);
    QSignalSpy changed(&controller, &WorkspaceController::workspaceChanged);
    QString error;
    ASSERT_TRUE(controller.openInitial(QString(), &error)) << error.toStdString();
    ASSERT_TRUE(controller.current().has_value());
    EXPECT_EQ(controller.current()->name(), "Demo: order flow");
    EXPECT_EQ(QString::fromStdString(controller.current()->root().string()),
              WorkspaceController::defaultDemoWorkspaceDir());
    EXPECT_EQ(changed.count(), 1);
    EXPECT_FALSE(controller.current()->items().empty());
    // Every connection profile of the demo loads (a bad one is a warning at every start).
    const auto profiles = sbx::connect::loadProfiles(controller.current()->root() / "connections");
    EXPECT_TRUE(profiles.problems.empty()) << profiles.problems.front();
    // The unpacked copy is the user's to edit.
    EXPECT_TRUE(QFileInfo(QDir(WorkspaceController::defaultDemoWorkspaceDir())
                              .filePath(QStringLiteral("contracts/orders.asyncapi.yaml")))
                    .isWritable());
}

TEST(WorkspaceController, CreateOpenAndRecentSurviveARestart) {
    QTemporaryDir temp;
    const auto first = QDir(temp.path()).filePath(QStringLiteral("first"));
    const auto second = QDir(temp.path()).filePath(QStringLiteral("second"));
    {
        StudioSettings settings;
        sbx::LogHub log;
        WorkspaceController controller(settings, log);
        QSignalSpy recentChanged(&controller, &WorkspaceController::recentWorkspacesChanged);
        ASSERT_TRUE(controller.create(first, QStringLiteral("First")));
        ASSERT_TRUE(controller.create(second, QStringLiteral("Second")));
        EXPECT_GE(recentChanged.count(), 2);
        EXPECT_EQ(controller.recentWorkspaces(), (QStringList{second, first}));
        ASSERT_TRUE(controller.open(first));
        EXPECT_EQ(controller.recentWorkspaces(), (QStringList{first, second}));
        settings.sync();
    }
    // A new start: the last workspace opens again and the recent list is intact.
    StudioSettings settings;
    sbx::LogHub log;
    WorkspaceController controller(settings, log);
    EXPECT_EQ(controller.recentWorkspaces(), (QStringList{first, second}));
    ASSERT_TRUE(controller.openInitial(QString()));
    EXPECT_EQ(controller.current()->name(), "First");
}

TEST(WorkspaceController, VanishedWorkspacesLeaveTheRecentList) {
    QTemporaryDir temp;
    const auto dir = QDir(temp.path()).filePath(QStringLiteral("w"));
    {
        StudioSettings settings;
        sbx::LogHub log;
        WorkspaceController controller(settings, log);
        ASSERT_TRUE(controller.create(dir, QStringLiteral("W")));
        settings.sync();
    }
    QDir(dir).removeRecursively();
    StudioSettings settings;
    sbx::LogHub log;
    WorkspaceController controller(settings, log);
    EXPECT_TRUE(controller.recentWorkspaces().isEmpty());
}

TEST(WorkspaceController, ErrorsAreReportedAndLogged) {
    QTemporaryDir temp;
    StudioSettings settings;
    sbx::LogHub log;
    std::vector<sbx::LogRecord> records;
    log.subscribe([&](const sbx::LogRecord& r) { records.push_back(r); });
    WorkspaceController controller(settings, log);
    QString error;
    EXPECT_FALSE(controller.open(temp.path(), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("not a Signalbox workspace"))) << error.toStdString();
    ASSERT_FALSE(records.empty());
    EXPECT_EQ(records.back().level, sbx::LogLevel::Error);
    EXPECT_FALSE(controller.current().has_value());
}

TEST(WorkspaceController, ClearRecent) {
    QTemporaryDir temp;
    StudioSettings settings;
    sbx::LogHub log;
    WorkspaceController controller(settings, log);
    ASSERT_TRUE(
        controller.create(QDir(temp.path()).filePath(QStringLiteral("w")), QStringLiteral("W")));
    controller.clearRecentWorkspaces();
    EXPECT_TRUE(controller.recentWorkspaces().isEmpty());
    EXPECT_TRUE(StudioSettings().recentWorkspaces().isEmpty());
}

}  // namespace
