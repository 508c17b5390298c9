#include "studio_app.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTimer>
#include <cstdio>
#include <cstdlib>
#include <optional>

#include "broker_controller.h"
#include "log_bridge.h"
#include "main_window.h"
#include "sbx/common/log_hub.h"
#include "sbx/common/version.h"
#include "start_views.h"
#include "studio_settings.h"
#include "theme.h"
#include "translation_loader.h"
#include "workspace_controller.h"

namespace {

struct StudioOptions {
    QString workspace;
    QString screenshot;
    int screenshotDelayMs = 1000;
    QStringList views;  // tabs to open at start (start_views.h)
    bool startBroker = true;
    std::optional<std::uint16_t> mqttPort;
    std::optional<std::uint16_t> wsPort;
    std::optional<std::uint16_t> amqpPort;
};

std::optional<std::uint16_t> portOption(const QCommandLineParser& parser,
                                        const QCommandLineOption& option) {
    if (!parser.isSet(option)) {
        return std::nullopt;
    }
    bool ok = false;
    const auto port = parser.value(option).toUInt(&ok);
    if (!ok || port > 65535) {
        std::fprintf(stderr, "signalbox: %s is not a port number\n",
                     parser.value(option).toLocal8Bit().constData());
        std::exit(2);
    }
    return static_cast<std::uint16_t>(port);
}

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
    const QCommandLineOption screenshotDelay(
        QStringLiteral("screenshot-delay"),
        QApplication::translate("Studio", "Wait MS milliseconds before the screenshot"),
        QStringLiteral("MS"), QStringLiteral("1000"));
    parser.addOption(screenshotDelay);
    const QCommandLineOption openView(
        QStringLiteral("open"),
        QApplication::translate(
            "Studio",
            "Open a view at start: dashboard, clients, messages=DESTINATION, "
            "publisher[=TEMPLATE], deadletters=QUEUE or trace[=FILTER] (repeatable)"),
        QStringLiteral("VIEW"));
    parser.addOption(openView);
    const QCommandLineOption noBroker(
        QStringLiteral("no-broker"),
        QApplication::translate("Studio", "Do not start the embedded broker"));
    parser.addOption(noBroker);
    const QCommandLineOption mqttPort(
        QStringLiteral("mqtt-port"),
        QApplication::translate("Studio", "Embedded broker MQTT port (default 1883; 0 picks one)"),
        QStringLiteral("PORT"));
    parser.addOption(mqttPort);
    const QCommandLineOption wsPort(
        QStringLiteral("ws-port"),
        QApplication::translate("Studio",
                                "Embedded broker WebSocket port (default 9001; 0 picks one)"),
        QStringLiteral("PORT"));
    parser.addOption(wsPort);
    const QCommandLineOption amqpPort(
        QStringLiteral("amqp-port"),
        QApplication::translate("Studio", "Embedded broker AMQP port (default 5672; 0 picks one)"),
        QStringLiteral("PORT"));
    parser.addOption(amqpPort);
    parser.process(app);
    StudioOptions options;
    if (!parser.positionalArguments().isEmpty()) {
        options.workspace = parser.positionalArguments().constFirst();
    }
    options.screenshot = parser.value(screenshot);
    options.screenshotDelayMs = parser.value(screenshotDelay).toInt();
    options.views = parser.values(openView);
    options.startBroker = !parser.isSet(noBroker);
    options.mqttPort = portOption(parser, mqttPort);
    options.wsPort = portOption(parser, wsPort);
    options.amqpPort = portOption(parser, amqpPort);
    return options;
}

// Problems also go to stderr, so a studio started from a terminal says what went wrong.
void mirrorProblemsToStderr(sbx::LogHub& hub) {
    hub.subscribe([](const sbx::LogRecord& record) {
        if (record.level >= sbx::LogLevel::Warning) {
            std::fprintf(stderr, "signalbox: %s: %s\n", std::string(toString(record.level)).c_str(),
                         record.message.c_str());
        }
    });
}

void scheduleScreenshot(MainWindow& window, const QString& path, int delayMs) {
    // Give the window time to lay out and paint before taking the picture.
    QTimer::singleShot(delayMs, &window, [&window, path] {
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
    BrokerController broker(log);
    // Stop the broker while the window still shows its log.
    QObject::connect(&app, &QCoreApplication::aboutToQuit, &broker, &BrokerController::stop);
    MainWindow window(settings, log, workspaces, broker);
    log.log(sbx::LogLevel::Info, "studio",
            QApplication::translate("Studio", "Signalbox %1 started (language: %2)")
                .arg(QString::fromLatin1(sbx::kVersion),
                     language.isEmpty() ? QStringLiteral("en") : language)
                .toStdString());
    window.show();
    workspaces.openInitial(options.workspace);
    if (options.startBroker) {
        auto config = BrokerController::defaultConfig();
        if (options.mqttPort) {
            config.mqttPort = options.mqttPort;
        }
        if (options.wsPort) {
            config.wsPort = options.wsPort;
        }
        if (options.amqpPort) {
            config.amqpPort = options.amqpPort;
        }
        broker.start(config);
    }
    for (const auto& unknown : openStartViews(window, options.views)) {
        std::fprintf(stderr, "signalbox: %s\n",
                     QApplication::translate("Studio", "unknown view %1")
                         .arg(unknown)
                         .toLocal8Bit()
                         .constData());
    }
    if (!options.screenshot.isEmpty()) {
        scheduleScreenshot(window, options.screenshot, options.screenshotDelayMs);
    }
    return QApplication::exec();
}
