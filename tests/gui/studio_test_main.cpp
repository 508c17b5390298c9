#include <gtest/gtest.h>

#include <QApplication>
#include <QDir>
#include <QSettings>
#include <QTemporaryDir>
#include <memory>

#include "studio_environment.h"

namespace {

// Every test starts with no settings, no recent workspaces and no telemetry: the
// config and data folders (and QSettings' cached path) point at a fresh folder per test,
// so tests sharing this process never see what an earlier one saved.
class FreshFoldersPerTest : public testing::EmptyTestEventListener {
public:
    void OnTestStart(const testing::TestInfo& /*test*/) override {
        dir_ = std::make_unique<QTemporaryDir>();
        const QDir root(dir_->path());
        for (const auto* sub : {"config", "data", "cache"}) {
            root.mkpath(QString::fromLatin1(sub));
        }
        const auto config = root.filePath(QStringLiteral("config"));
        qputenv("XDG_CONFIG_HOME", config.toLocal8Bit());
        qputenv("XDG_DATA_HOME", root.filePath(QStringLiteral("data")).toLocal8Bit());
        qputenv("XDG_CACHE_HOME", root.filePath(QStringLiteral("cache")).toLocal8Bit());
        // QSettings reads XDG_CONFIG_HOME once per process.
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, config);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, config);
    }

    void OnTestEnd(const testing::TestInfo& /*test*/) override { dir_.reset(); }

private:
    std::unique_ptr<QTemporaryDir> dir_;
};

}  // namespace

int main(int argc, char** argv) {
    StudioTestEnvironment environment;
    qputenv("LANG", "C.UTF-8");
    qunsetenv("LC_ALL");
    qunsetenv("LC_MESSAGES");
    qunsetenv("LANGUAGE");
    QApplication app(argc, argv);
    nameApplicationLikeTheStudio();
    testing::InitGoogleTest(&argc, argv);
    // gtest owns and deletes the listener.
    testing::UnitTest::GetInstance()->listeners().Append(new FreshFoldersPerTest);
    return RUN_ALL_TESTS();
}
