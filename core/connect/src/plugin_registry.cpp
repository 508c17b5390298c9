#include "sbx/connect/plugin_registry.h"

#include <dlfcn.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <exception>

#include "sbx/connect/isolated_source.h"

namespace sbx::connect {

namespace fs = std::filesystem;

struct PluginRegistry::Loaded {
    std::shared_ptr<void> library;  // dlclose when the last source of it is gone
    std::shared_ptr<Connector> connector;
    ConnectorInfo info;
    fs::path file;
};

namespace {

using VersionFunction = int (*)();
using CreateFunction = Connector* (*)();
using DestroyFunction = void (*)(Connector*);

std::string dlError() {
    const char* text = dlerror();
    return text != nullptr ? text : "unknown error";
}

fs::path executableFolder() {
    std::error_code ec;
    auto exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : exe.parent_path();
}

bool looksLikePlugin(const fs::path& file) {
    const auto name = file.filename().string();
    return file.extension() == ".so" && name.starts_with("libsbx_connector_");
}

}  // namespace

PluginRegistry::PluginRegistry() = default;
PluginRegistry::~PluginRegistry() = default;

fs::path PluginRegistry::userPluginFolder() {
    if (const char* data = std::getenv("XDG_DATA_HOME"); data != nullptr && *data != '\0') {
        return fs::path(data) / "signalbox" / "plugins";
    }
    const char* home = std::getenv("HOME");
    return fs::path(home != nullptr ? home : "/tmp") / ".local" / "share" / "signalbox" / "plugins";
}

std::vector<fs::path> PluginRegistry::defaultSearchPath() {
    std::vector<fs::path> folders;
    if (const char* path = std::getenv("SBX_PLUGIN_PATH"); path != nullptr) {
        std::string_view rest(path);
        while (!rest.empty()) {
            const auto colon = rest.find(':');
            const auto part = rest.substr(0, colon);
            if (!part.empty()) {
                folders.emplace_back(std::string(part));
            }
            rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
        }
    }
    folders.push_back(userPluginFolder());
    const auto exe = executableFolder();
    if (!exe.empty()) {
        folders.push_back(exe.parent_path() / SBX_INSTALL_LIBDIR / "signalbox" / "plugins");
    }
    folders.emplace_back(SBX_BUILD_PLUGIN_DIR);
    return folders;
}

void PluginRegistry::scan(const std::vector<fs::path>& folders) {
    for (const auto& folder : folders) {
        std::error_code ec;
        if (!fs::is_directory(folder, ec)) {
            continue;
        }
        std::vector<fs::path> files;
        for (const auto& entry : fs::directory_iterator(folder, ec)) {
            if (looksLikePlugin(entry.path())) {
                files.push_back(entry.path());
            }
        }
        std::sort(files.begin(), files.end());
        for (const auto& file : files) {
            const bool seen = std::any_of(records_.begin(), records_.end(), [&](const auto& r) {
                return fs::equivalent(r.file, file, ec);
            });
            if (!seen) {
                load(file);
            }
        }
    }
}

const PluginRecord& PluginRegistry::load(const fs::path& file) {
    PluginRecord& record = records_.emplace_back();
    record.file = file;
    void* handle = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
        record.error = "cannot load: " + dlError();
        return record;
    }
    std::shared_ptr<void> library(handle, [](void* h) { dlclose(h); });
    auto version = reinterpret_cast<VersionFunction>(dlsym(handle, "sbx_connector_api_version"));
    auto create = reinterpret_cast<CreateFunction>(dlsym(handle, "sbx_connector_create"));
    auto destroy = reinterpret_cast<DestroyFunction>(dlsym(handle, "sbx_connector_destroy"));
    if (version == nullptr || create == nullptr || destroy == nullptr) {
        record.error = "not a Signalbox connector plugin (its entry points are missing)";
        return record;
    }
    if (const int api = version(); api != kConnectorApiVersion) {
        record.error = "built for connector API " + std::to_string(api) + ", this program has " +
                       std::to_string(kConnectorApiVersion) + " (rebuild the plugin)";
        return record;
    }
    try {
        Connector* raw = create();
        if (raw == nullptr) {
            record.error = "the plugin could not create its connector";
            return record;
        }
        // The deleter keeps the library loaded until the connector is gone.
        std::shared_ptr<Connector> connector(raw, [destroy, library](Connector* c) { destroy(c); });
        record.info = connector->info();
        if (const auto* existing = find(record.info.id); existing != nullptr) {
            record.state = PluginRecord::State::Shadowed;
            record.error =
                "connector '" + record.info.id + "' is already provided by another plugin";
            return record;
        }
        record.state = PluginRecord::State::Loaded;
        loaded_.push_back(std::make_unique<Loaded>(Loaded{library, connector, record.info, file}));
    } catch (const std::exception& e) {
        record.error = std::string("the plugin failed while starting: ") + e.what();
    } catch (...) {
        record.error = "the plugin failed while starting (unknown exception)";
    }
    return record;
}

void PluginRegistry::add(std::shared_ptr<Connector> connector, fs::path origin) {
    PluginRecord& record = records_.emplace_back();
    record.file = std::move(origin);
    record.info = connector->info();
    record.state = PluginRecord::State::Loaded;
    loaded_.push_back(std::make_unique<Loaded>(Loaded{{}, connector, record.info, record.file}));
}

std::vector<ConnectorInfo> PluginRegistry::connectors() const {
    std::vector<ConnectorInfo> infos;
    for (const auto& loaded : loaded_) {
        infos.push_back(loaded->info);
    }
    return infos;
}

const ConnectorInfo* PluginRegistry::find(std::string_view connectorId) const {
    for (const auto& loaded : loaded_) {
        if (loaded->info.id == connectorId) {
            return &loaded->info;
        }
    }
    return nullptr;
}

Result<std::unique_ptr<observe::BrokerSource>> PluginRegistry::open(
    const ConnectionProfile& profile, const Credentials& credentials) {
    const auto found = std::find_if(loaded_.begin(), loaded_.end(), [&](const auto& loaded) {
        return loaded->info.id == profile.connector;
    });
    if (found == loaded_.end()) {
        return Error{ErrorCode::NotFound, "no plugin for '" + profile.connector +
                                              "' brokers is loaded (see Help > Plugins)"};
    }
    const auto& loaded = **found;
    try {
        auto opened = loaded.connector->open(profile, credentials);
        if (!opened) {
            return opened.error();
        }
        // The connector (and through it the library) lives as long as the source.
        return std::unique_ptr<observe::BrokerSource>(std::make_unique<IsolatedSource>(
            std::move(opened).value(), loaded.info.displayName, loaded.connector));
    } catch (const std::exception& e) {
        return Error{ErrorCode::Internal,
                     "the " + loaded.info.displayName + " plugin failed: " + e.what()};
    } catch (...) {
        return Error{ErrorCode::Internal, "the " + loaded.info.displayName + " plugin failed"};
    }
}

}  // namespace sbx::connect
