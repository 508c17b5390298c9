#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "sbx/common/result.h"

namespace sbx::workspace {

// The parts of a workspace a team keeps in git, one folder each.
enum class ItemKind { Connection, Contract, Pipeline, Template, Filter };

struct WorkspaceItem {
    ItemKind kind;
    std::filesystem::path relativePath;  // relative to the workspace root
};

// A workspace is a folder: a manifest, folders for connections (no secrets), contracts
// and pipelines, and a local `.signalbox/` folder for telemetry that git ignores.
class Workspace {
public:
    static constexpr const char* kManifestName = "signalbox-workspace.json";
    static constexpr int kFormatVersion = 1;

    // Creates the folder layout and manifest. Fails if `dir` already holds a workspace
    // or is a non-empty folder that is not one (we never scatter files into a project).
    static Result<Workspace> create(const std::filesystem::path& dir, const std::string& name);
    // Opens an existing workspace; fails with a readable reason if it is not one.
    static Result<Workspace> open(const std::filesystem::path& dir);
    [[nodiscard]] static bool isWorkspace(const std::filesystem::path& dir);

    [[nodiscard]] const std::filesystem::path& root() const { return root_; }
    [[nodiscard]] const std::string& name() const { return name_; }

    [[nodiscard]] std::filesystem::path folderFor(ItemKind kind) const;
    [[nodiscard]] std::filesystem::path localStateDir() const { return root_ / ".signalbox"; }
    [[nodiscard]] std::filesystem::path telemetryDatabasePath() const {
        return localStateDir() / "telemetry.sqlite";
    }

    // Files in the workspace's known folders, sorted by kind then path.
    [[nodiscard]] std::vector<WorkspaceItem> items() const;

private:
    Workspace(std::filesystem::path root, std::string name)
        : root_(std::move(root)), name_(std::move(name)) {}

    std::filesystem::path root_;
    std::string name_;
};

[[nodiscard]] std::string_view folderName(ItemKind kind);

}  // namespace sbx::workspace
