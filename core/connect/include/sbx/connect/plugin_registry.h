#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "sbx/common/result.h"
#include "sbx/connect/connector.h"

namespace sbx::connect {

struct PluginRecord {
    enum class State { Loaded, Failed, Shadowed };
    std::filesystem::path file;
    State state = State::Failed;
    std::string error;   // why it failed or what shadows it
    ConnectorInfo info;  // when loaded
};

// Finds connector plugins (shared libraries exporting SBX_DEFINE_CONNECTOR_PLUGIN) in a
// list of folders, loads each, and opens sessions through them. A plugin that is not a
// plugin, has another API version, cannot be loaded or throws is recorded as Failed with
// the reason and never takes the caller down; sources it opens are wrapped so that an
// exception from any call becomes an Error (see IsolatedSource). The first folder wins
// when two plugins have the same connector id.
class PluginRegistry {
public:
    PluginRegistry();
    ~PluginRegistry();
    PluginRegistry(const PluginRegistry&) = delete;
    PluginRegistry& operator=(const PluginRegistry&) = delete;

    // Folders searched by default, in order: $SBX_PLUGIN_PATH (colon separated), the
    // user's folder ($XDG_DATA_HOME or ~/.local/share, then signalbox/plugins), the
    // install tree (<exe>/../<libdir>/signalbox/plugins) and the build tree's plugins/.
    static std::vector<std::filesystem::path> defaultSearchPath();
    static std::filesystem::path userPluginFolder();

    void scan(const std::vector<std::filesystem::path>& folders);
    // Loads one file; also used by scan.
    const PluginRecord& load(const std::filesystem::path& file);

    [[nodiscard]] const std::vector<PluginRecord>& plugins() const { return records_; }
    [[nodiscard]] std::vector<ConnectorInfo> connectors() const;
    [[nodiscard]] const ConnectorInfo* find(std::string_view connectorId) const;

    // Opens a session for the profile with its connector, isolated from exceptions.
    Result<std::unique_ptr<observe::BrokerSource>> open(const ConnectionProfile& profile,
                                                        const Credentials& credentials);

    // A connector compiled into the program (tests, the embedded broker's own).
    void add(std::shared_ptr<Connector> connector, std::filesystem::path origin = {});

private:
    struct Loaded;
    std::vector<PluginRecord> records_;
    std::vector<std::unique_ptr<Loaded>> loaded_;
};

}  // namespace sbx::connect
