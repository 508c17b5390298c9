#include "studio_app.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTimer>
#include <cstdio>

#include "log_bridge.h"
#include "main_window.h"
#include "sbx/common/log_hub.h"
#include "sbx/common/version.h"
#include "studio_settings.h"
#include "theme.h"
#include "translation_loader.h"
#include "workspace_controller.h"

namespace {

struct StudioOptions {
    QString workspace;
    QString screenshot;
};

StudioOptions parseOptions(const QApplication& app) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("Studio", "Signalbox: a studio for event-driven systems"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("workspace"),
                                 QApplication::translate("Studio", "Workspace folder to open"),
                                 QStringLiteral("[workspace]"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QApplication::translate("Studio", "Save a picture of the window to FILE and quit"),
        QStringLiteral("FILE"));
    parser.addOption(screenshot);
    parser.process(app);
    StudioOptions options;
    if (!parser.positionalArguments().isEmpty()) {
        options.workspace = parser.positionalArguments().constFirst();
    }
    options.screenshot = parser.value(screenshot);
    return options;
}

// Problems also go to stderr, so a studio started from a terminal says what went wrong.
void mirrorProblemsToStderr(sbx::LogHub& hub) {
    hub.subscribe([](const sbx::LogRecord& record) {
        if (record.level >= sbx::LogLevel::Warning) {
            std::fprintf(stderr, "signalbox: %s: %s\n",
                         std::string(toString(record.level)).c_str(), record.message.c_str());
        }
    });
}

void scheduleScreenshot(MainWindow& window, const QString& path) {
    // Give the window time to lay out and paint before taking the picture.
    QTimer::singleShot(1000, &window, [&window, path] {
        window.logBridge().flush();
        const bool saved = window.grab().save(path);
        if (!saved) {
            std::fprintf(stderr, "signalbox: cannot save screenshot to %s\n",
                         path.toLocal8Bit().constData());
        }
        QApplication::exit(saved ? 0 : 1);
    });
}

}  // namespace

int runStudio(QApplication& app) {
    QApplication::setOrganizationName(QStringLiteral("Signalbox"));
    QApplication::setApplicationName(QStringLiteral("signalbox"));
    QApplication::setApplicationDisplayName(QStringLiteral("Signalbox"));
    QApplication::setApplicationVersion(QString::fromLatin1(sbx::kVersion));
    QApplication::setDesktopFileName(QStringLiteral("org.signalbox.Signalbox"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/signalbox.svg")));

    StudioSettings settings;
    const auto language = installTranslations(app, chooseLocale(settings.languageOverride()));
    const auto options = parseOptions(app);
    applyTheme(app, settings.theme());

    sbx::LogHub log;
    mirrorProblemsToStderr(log);
    WorkspaceController workspaces(settings, log);
    MainWindow window(settings, log, workspaces);
    log.log(sbx::LogLevel::Info, "studio",
            QApplication::translate("Studio", "Signalbox %1 started (language: %2)")
                .arg(QString::fromLatin1(sbx::kVersion),
                     language.isEmpty() ? QStringLiteral("en") : language)
                .toStdString());
    window.show();
    workspaces.openInitial(options.workspace);
    if (!options.screenshot.isEmpty()) {
        scheduleScreenshot(window, options.screenshot);
    }
    return QApplication::exec();
}
