#include <gtest/gtest.h>

#include <QImage>
#include <QSet>
#include <filesystem>
#include <fstream>

#include "process.h"
#include "temp_dir.h"

namespace {

namespace fs = std::filesystem;

struct Shot {
    std::string file;
    std::string theme;
    std::string lang;
};

// Starts the real studio under Xvfb, as a user would see it on first start, and keeps
// the picture in <build>/screenshots for people to look at.
void takeScreenshot(const Shot& shot) {
    sbx::test::TempDir home;
    fs::create_directories(home / "config/Signalbox");
    std::ofstream(home / "config/Signalbox/signalbox.ini")
        << "[appearance]\ntheme=" << shot.theme << "\n";
    fs::create_directories(SBX_SCREENSHOT_DIR);
    const auto path = fs::path(SBX_SCREENSHOT_DIR) / shot.file;
    fs::remove(path);

    sbx::test::ProcessOptions options;
    options.env = {{"HOME", home.path().string()},
                   {"XDG_CONFIG_HOME", (home / "config").string()},
                   {"XDG_DATA_HOME", (home / "data").string()},
                   {"LANG", shot.lang},
                   {"LANGUAGE", ""},
                   {"LC_ALL", ""},
                   {"QT_QPA_PLATFORM", "xcb"}};
    options.timeout = std::chrono::seconds(90);
    const auto result = sbx::test::runProcess(
        {"xvfb-run", "-a", "--server-args=-screen 0 1400x900x24", SBX_STUDIO_PATH, "--mqtt-port",
         "0", "--ws-port", "0", "--amqp-port", "0", "--screenshot", path.string()},
        options);
    ASSERT_EQ(result.exitCode, 0) << result.out << result.err;

    QImage image(QString::fromStdString(path.string()));
    ASSERT_FALSE(image.isNull()) << path;
    EXPECT_GE(image.width(), 1000);
    EXPECT_GE(image.height(), 600);
    // A blank or unpainted window has a handful of colours; a real one has text and icons.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3) {
        for (int x = 0; x < image.width(); x += 3) {
            colours.insert(image.pixel(x, y));
        }
    }
    EXPECT_GT(colours.size(), 40) << shot.file;
}

TEST(StudioScreenshot, LightThemeEnglish) {
    takeScreenshot({"studio-light.png", "light", "C.UTF-8"});
}

TEST(StudioScreenshot, DarkThemeEnglish) {
    takeScreenshot({"studio-dark.png", "dark", "C.UTF-8"});
}

TEST(StudioScreenshot, LightThemeGerman) {
    takeScreenshot({"studio-de.png", "light", "de_DE.UTF-8"});
}

}  // namespace
