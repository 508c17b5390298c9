#include "sbx/workspace/workspace.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <nlohmann/json.hpp>
#include <system_error>

namespace sbx::workspace {

namespace fs = std::filesystem;

namespace {

constexpr std::array kAllKinds{ItemKind::Connection, ItemKind::Contract, ItemKind::Pipeline,
                               ItemKind::Template, ItemKind::Filter};

Error ioError(const std::string& what, const fs::path& path, const std::error_code& ec) {
    return Error{ErrorCode::IoError, what + " " + path.string() + ": " + ec.message()};
}

Status writeTextFile(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) {
        return Error{ErrorCode::IoError, "cannot write " + path.string()};
    }
    out << text;
    out.close();
    if (!out) {
        return Error{ErrorCode::IoError, "cannot write " + path.string()};
    }
    return {};
}

bool isEmptyDirectory(const fs::path& dir) {
    std::error_code ec;
    return fs::is_directory(dir, ec) && fs::directory_iterator(dir, ec) == fs::directory_iterator();
}

}  // namespace

std::string_view folderName(ItemKind kind) {
    switch (kind) {
        case ItemKind::Connection:
            return "connections";
        case ItemKind::Contract:
            return "contracts";
        case ItemKind::Pipeline:
            return "pipelines";
        case ItemKind::Template:
            return "templates";
        case ItemKind::Filter:
            return "filters";  // the message browser's saved filters
    }
    return "other";
}

fs::path Workspace::folderFor(ItemKind kind) const {
    return root_ / folderName(kind);
}

bool Workspace::isWorkspace(const fs::path& dir) {
    std::error_code ec;
    return fs::is_regular_file(dir / kManifestName, ec);
}

Result<Workspace> Workspace::create(const fs::path& dir, const std::string& name) {
    if (name.empty()) {
        return Error{ErrorCode::InvalidArgument, "a workspace needs a name"};
    }
    std::error_code ec;
    if (isWorkspace(dir)) {
        return Error{ErrorCode::AlreadyExists, dir.string() + " already holds a workspace"};
    }
    if (fs::exists(dir, ec) && !isEmptyDirectory(dir)) {
        return Error{ErrorCode::AlreadyExists,
                     dir.string() + " exists and is not an empty folder; choose a new folder"};
    }
    fs::create_directories(dir, ec);
    if (ec) {
        return ioError("cannot create", dir, ec);
    }
    for (auto kind : kAllKinds) {
        fs::create_directories(dir / folderName(kind), ec);
        if (ec) {
            return ioError("cannot create", dir / folderName(kind), ec);
        }
    }
    const nlohmann::json manifest = {{"format", kFormatVersion}, {"name", name}};
    if (auto status = writeTextFile(dir / kManifestName, manifest.dump(2) + "\n"); !status) {
        return status.error();
    }
    // Telemetry (metric history, traces, logs) is local state and never goes into git.
    if (auto status = writeTextFile(dir / ".gitignore", ".signalbox/\n"); !status) {
        return status.error();
    }
    return Workspace(fs::absolute(dir).lexically_normal(), name);
}

Result<Workspace> Workspace::open(const fs::path& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        return Error{ErrorCode::NotFound, dir.string() + " is not a folder"};
    }
    const auto manifestPath = dir / kManifestName;
    std::ifstream in(manifestPath, std::ios::binary);
    if (!in) {
        return Error{ErrorCode::NotFound, dir.string() + " is not a Signalbox workspace (no " +
                                              std::string(kManifestName) + ")"};
    }
    const auto manifest = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (manifest.is_discarded() || !manifest.is_object()) {
        return Error{ErrorCode::ParseError, manifestPath.string() + " is not valid JSON"};
    }
    const auto format = manifest.value("format", 0);
    if (format < 1 || format > kFormatVersion) {
        return Error{ErrorCode::Unsupported, manifestPath.string() + " has format " +
                                                 std::to_string(format) +
                                                 "; this version of Signalbox reads format " +
                                                 std::to_string(kFormatVersion)};
    }
    auto name = manifest.value("name", std::string{});
    if (name.empty()) {
        name = fs::absolute(dir).lexically_normal().filename().string();
    }
    return Workspace(fs::absolute(dir).lexically_normal(), std::move(name));
}

std::vector<WorkspaceItem> Workspace::items() const {
    std::vector<WorkspaceItem> result;
    for (auto kind : kAllKinds) {
        std::error_code ec;
        const auto folder = folderFor(kind);
        std::vector<fs::path> files;
        for (fs::recursive_directory_iterator it(folder, ec), end; !ec && it != end;
             it.increment(ec)) {
            if (it->is_regular_file(ec) && it->path().filename().string().front() != '.') {
                files.push_back(fs::relative(it->path(), root_, ec));
            }
        }
        std::sort(files.begin(), files.end());
        for (auto& file : files) {
            result.push_back(WorkspaceItem{kind, std::move(file)});
        }
    }
    return result;
}

}  // namespace sbx::workspace
