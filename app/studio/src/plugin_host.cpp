#include "plugin_host.h"

#include <QElapsedTimer>

PluginHost::PluginHost(sbx::LogHub& log, QObject* parent)
    : QObject(parent), log_(log), registry_(std::make_shared<sbx::connect::PluginRegistry>()) {}

void PluginHost::scanDefault() {
    scanFolders(sbx::connect::PluginRegistry::defaultSearchPath());
}

void PluginHost::scanFolders(const std::vector<std::filesystem::path>& folders) {
    QElapsedTimer timer;
    timer.start();
    const auto before = registry_->plugins().size();
    registry_->scan(folders);
    const auto& records = registry_->plugins();
    int loaded = 0;
    for (auto i = before; i < records.size(); ++i) {
        const auto& record = records[i];
        const auto file = QString::fromStdString(record.file.string());
        switch (record.state) {
            case sbx::connect::PluginRecord::State::Loaded:
                ++loaded;
                break;
            case sbx::connect::PluginRecord::State::Shadowed:
                log_.log(sbx::LogLevel::Info, "plugins",
                         tr("Plugin %1 not used: %2")
                             .arg(file, QString::fromStdString(record.error))
                             .toStdString());
                break;
            case sbx::connect::PluginRecord::State::Failed:
                log_.log(sbx::LogLevel::Warning, "plugins",
                         tr("Plugin %1 failed to load: %2")
                             .arg(file, QString::fromStdString(record.error))
                             .toStdString());
                break;
        }
    }
    log_.log(sbx::LogLevel::Info, "plugins",
             tr("%n connector plugin(s) loaded in %1 ms", nullptr, loaded)
                 .arg(timer.elapsed())
                 .toStdString());
}

QString PluginHost::userPluginFolder() {
    return QString::fromStdString(sbx::connect::PluginRegistry::userPluginFolder().string());
}
