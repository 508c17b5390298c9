#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

#include "sbx/common/log_hub.h"
#include "sbx/connect/connection_profile.h"

namespace sbx::connect {
class ReconnectingSource;
}
class MonitorController;
class PluginHost;
class SecretStore;
class SourceMonitor;
class WorkspaceController;

// The open workspace's connection profiles, each watched like an attached broker: a
// ReconnectingSource around PluginRegistry::open (backoff while the broker is away) bound
// to a SourceMonitor, whose worker thread does the blocking connects, so several brokers
// are watched at once and an unreachable one never freezes the window.
class ConnectionController : public QObject {
    Q_OBJECT
public:
    ConnectionController(PluginHost& plugins, SecretStore& secrets, MonitorController& monitors,
                         WorkspaceController& workspaces, sbx::LogHub& log,
                         QObject* parent = nullptr);
    ~ConnectionController() override;

    // <workspace>/connections, or nothing without a workspace.
    [[nodiscard]] std::optional<std::filesystem::path> connectionsDir() const;
    [[nodiscard]] const std::vector<sbx::connect::ConnectionProfile>& profiles() const {
        return profiles_;
    }
    [[nodiscard]] const sbx::connect::ConnectionProfile* profileOf(
        const SourceMonitor* monitor) const;
    [[nodiscard]] SourceMonitor* monitorOf(const std::string& profileId) const;
    // "reconnecting in 4 s: <why>" while a profile's broker is away, empty while connected
    // or for monitors that are not a profile's.
    [[nodiscard]] QString connectionState(const SourceMonitor* monitor) const;

    // Starts watching a saved profile, or restarts it with its new settings.
    void connectProfile(const sbx::connect::ConnectionProfile& profile);
    // Stops watching it and deletes its file and its password.
    void removeProfile(const std::string& profileId);

signals:
    void connectionsChanged();

private:
    void reload();
    void disconnectProfile(const std::string& profileId);
    void watch(const sbx::connect::ConnectionProfile& profile, const QString& password,
               std::uint64_t generation);
    [[nodiscard]] QString uniqueSourceName(const sbx::connect::ConnectionProfile& profile) const;

    PluginHost& plugins_;
    SecretStore& secrets_;
    MonitorController& monitors_;
    WorkspaceController& workspaces_;
    sbx::LogHub& log_;
    std::vector<sbx::connect::ConnectionProfile> profiles_;
    QHash<QString, QPointer<SourceMonitor>> monitorsById_;
    QHash<QString, std::shared_ptr<sbx::connect::ReconnectingSource>> sourcesById_;
    QHash<QString, std::uint64_t> generations_;  // secrets read for an older request are dropped
    std::uint64_t nextGeneration_ = 1;
};
