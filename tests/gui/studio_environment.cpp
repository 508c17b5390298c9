#include "studio_environment.h"

#include <QCoreApplication>
#include <QDir>

StudioTestEnvironment::StudioTestEnvironment() {
    const QDir root(dir_.path());
    for (const auto* sub : {"home", "config", "data", "cache"}) {
        root.mkpath(QString::fromLatin1(sub));
    }
    qputenv("HOME", root.filePath(QStringLiteral("home")).toLocal8Bit());
    qputenv("XDG_CONFIG_HOME", root.filePath(QStringLiteral("config")).toLocal8Bit());
    qputenv("XDG_DATA_HOME", root.filePath(QStringLiteral("data")).toLocal8Bit());
    qputenv("XDG_CACHE_HOME", root.filePath(QStringLiteral("cache")).toLocal8Bit());
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
}

void nameApplicationLikeTheStudio() {
    QCoreApplication::setOrganizationName(QStringLiteral("Signalbox"));
    QCoreApplication::setApplicationName(QStringLiteral("signalbox"));
}
