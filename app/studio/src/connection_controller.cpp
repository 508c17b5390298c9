#include "connection_controller.h"

#include "monitor_controller.h"
#include "plugin_host.h"
#include "sbx/connect/reconnecting_source.h"
#include "secret_store.h"
#include "source_monitor.h"
#include "workspace_controller.h"

namespace {

QString text(const std::string& value) {
    return QString::fromStdString(value);
}

}  // namespace

ConnectionController::ConnectionController(PluginHost& plugins, SecretStore& secrets,
                                           MonitorController& monitors,
                                           WorkspaceController& workspaces, sbx::LogHub& log,
                                           QObject* parent)
    : QObject(parent),
      plugins_(plugins),
      secrets_(secrets),
      monitors_(monitors),
      workspaces_(workspaces),
      log_(log) {
    connect(&workspaces_, &WorkspaceController::workspaceChanged, this,
            &ConnectionController::reload);
    reload();
}

ConnectionController::~ConnectionController() = default;

std::optional<std::filesystem::path> ConnectionController::connectionsDir() const {
    const auto& workspace = workspaces_.current();
    if (!workspace) {
        return std::nullopt;
    }
    return workspace->root() / "connections";
}

const sbx::connect::ConnectionProfile* ConnectionController::profileOf(
    const SourceMonitor* monitor) const {
    for (auto it = monitorsById_.begin(); it != monitorsById_.end(); ++it) {
        if (it.value() == monitor && monitor != nullptr) {
            for (const auto& profile : profiles_) {
                if (text(profile.id) == it.key()) {
                    return &profile;
                }
            }
        }
    }
    return nullptr;
}

SourceMonitor* ConnectionController::monitorOf(const std::string& profileId) const {
    return monitorsById_.value(text(profileId));
}

QString ConnectionController::connectionState(const SourceMonitor* monitor) const {
    const auto* profile = profileOf(monitor);
    const auto source = profile == nullptr ? nullptr : sourcesById_.value(text(profile->id));
    if (!source) {
        return {};
    }
    const auto health = source->health();
    if (health.state == sbx::connect::ReconnectingSource::State::Connected ||
        health.failedAttempts == 0) {
        return {};
    }
    const auto wait = std::chrono::ceil<std::chrono::seconds>(
        health.nextAttempt - sbx::connect::ReconnectingSource::Clock::now());
    return tr("reconnecting in %1 s: %2")
        .arg(std::max<qint64>(0, wait.count()))
        .arg(text(health.lastError));
}

void ConnectionController::reload() {
    for (const auto& profile : std::vector(profiles_)) {
        disconnectProfile(profile.id);
    }
    profiles_.clear();
    const auto dir = connectionsDir();
    if (dir) {
        auto loaded = sbx::connect::loadProfiles(*dir);
        for (const auto& problem : loaded.problems) {
            log_.log(sbx::LogLevel::Warning, "connections", problem);
        }
        for (const auto& profile : loaded.profiles) {
            connectProfile(profile);
        }
    }
    emit connectionsChanged();
}

void ConnectionController::connectProfile(const sbx::connect::ConnectionProfile& profile) {
    disconnectProfile(profile.id);
    std::erase_if(profiles_, [&](const auto& known) { return known.id == profile.id; });
    profiles_.push_back(profile);
    const auto id = text(profile.id);
    const auto generation = nextGeneration_++;
    generations_.insert(id, generation);
    // The keychain may take a while (or ask to be unlocked); the monitor starts then.
    secrets_.read(
        text(profile.secretKey()), this, [this, profile, generation](const QString& secret) {
            auto password = secret;
            if (password.isEmpty()) {
                password = text(sbx::connect::credentialsFromEnvironment(profile).password);
            }
            watch(profile, password, generation);
        });
    emit connectionsChanged();
}

QString ConnectionController::uniqueSourceName(
    const sbx::connect::ConnectionProfile& profile) const {
    const auto name = profile.name.empty() ? text(profile.id) : text(profile.name);
    for (auto* monitor : monitors_.monitors()) {
        if (monitor->sourceName() == name) {
            return QStringLiteral("%1 (%2)").arg(name, text(profile.id));
        }
    }
    return name;
}

void ConnectionController::watch(const sbx::connect::ConnectionProfile& profile,
                                 const QString& password, std::uint64_t generation) {
    const auto id = text(profile.id);
    if (generations_.value(id) != generation) {
        return;  // edited or removed meanwhile
    }
    const auto& registry = plugins_.registry();
    const auto* info = registry->find(profile.connector);
    if (info == nullptr) {
        log_.log(sbx::LogLevel::Warning, "connections",
                 tr("Connection “%1” needs the %2 plugin, which is not loaded (see Help > Plugins)")
                     .arg(text(profile.name), text(profile.connector))
                     .toStdString());
    }
    const auto capabilities = info != nullptr ? info->capabilities : sbx::observe::Capabilities{};
    auto source = std::make_shared<sbx::connect::ReconnectingSource>(
        uniqueSourceName(profile).toStdString(), capabilities,
        [registry, profile, credentials = sbx::connect::Credentials{password.toStdString()}] {
            return registry->open(profile, credentials);
        });
    auto* monitor = monitors_.adopt(source, QStringLiteral("monitor.connection"));
    monitorsById_.insert(id, monitor);
    sourcesById_.insert(id, source);
    log_.log(sbx::LogLevel::Info, "connections",
             tr("Watching %1 at %2:%3")
                 .arg(monitor->sourceName(), text(profile.host))
                 .arg(profile.port)
                 .toStdString());
    emit connectionsChanged();
}

void ConnectionController::disconnectProfile(const std::string& profileId) {
    const auto id = text(profileId);
    generations_.remove(id);
    sourcesById_.remove(id);
    if (auto monitor = monitorsById_.take(id)) {
        monitors_.detach(monitor);
    }
}

void ConnectionController::removeProfile(const std::string& profileId) {
    const auto* profile = [&]() -> const sbx::connect::ConnectionProfile* {
        for (const auto& known : profiles_) {
            if (known.id == profileId) {
                return &known;
            }
        }
        return nullptr;
    }();
    if (profile != nullptr) {
        secrets_.remove(text(profile->secretKey()));
    }
    disconnectProfile(profileId);
    std::erase_if(profiles_, [&](const auto& known) { return known.id == profileId; });
    if (const auto dir = connectionsDir()) {
        if (auto status = sbx::connect::deleteProfile(*dir, profileId); !status) {
            log_.log(sbx::LogLevel::Warning, "connections", status.error().describe());
        }
    }
    emit connectionsChanged();
}
