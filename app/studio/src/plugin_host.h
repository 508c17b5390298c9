#pragma once

#include <QObject>
#include <memory>

#include "sbx/common/log_hub.h"
#include "sbx/connect/plugin_registry.h"

// The studio's connector plugins: scans PluginRegistry::defaultSearchPath() once at
// start-up (a few dlopen calls, well under a frame) and reports every plugin that could
// not be loaded in the log panel. The registry is shared with worker threads that open
// sessions through it (connection tests, monitors), so it is never rescanned while the
// studio runs: new plugins count from the next start.
class PluginHost : public QObject {
    Q_OBJECT
public:
    explicit PluginHost(sbx::LogHub& log, QObject* parent = nullptr);

    // Scans the default folders; tests call scanFolders() or add() instead.
    void scanDefault();
    void scanFolders(const std::vector<std::filesystem::path>& folders);

    [[nodiscard]] const std::shared_ptr<sbx::connect::PluginRegistry>& registry() const {
        return registry_;
    }
    [[nodiscard]] static QString userPluginFolder();

private:
    sbx::LogHub& log_;
    std::shared_ptr<sbx::connect::PluginRegistry> registry_;
};
