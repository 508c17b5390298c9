#include <CLI/CLI.hpp>
#include <filesystem>
#include <memory>
#include <ostream>

#include "command_context.h"
#include "commands.h"
#include "sbx/workspace/workspace.h"

namespace sbx::cli {

namespace {

struct WorkspaceOptions {
    std::string dir;
    std::string name;
};

void initWorkspace(const WorkspaceOptions& options, CommandContext& context) {
    const std::filesystem::path dir(options.dir);
    auto name = options.name;
    if (name.empty()) {
        name = std::filesystem::absolute(dir).lexically_normal().filename().string();
    }
    auto created = workspace::Workspace::create(dir, name);
    if (!created) {
        context.fail(created.error());
        return;
    }
    context.out << "created workspace \"" << created->name() << "\" in " << created->root().string()
                << '\n';
}

void showWorkspace(const WorkspaceOptions& options, CommandContext& context) {
    auto opened = workspace::Workspace::open(options.dir);
    if (!opened) {
        context.fail(opened.error());
        return;
    }
    context.out << "workspace \"" << opened->name() << "\" in " << opened->root().string() << '\n';
    for (const auto& item : opened->items()) {
        context.out << "  " << item.relativePath.string() << '\n';
    }
}

}  // namespace

void addWorkspaceCommand(CLI::App& app, CommandContext& context) {
    auto* command = app.add_subcommand("workspace", "Create and inspect workspaces");
    command->require_subcommand(1);
    auto options = std::make_shared<WorkspaceOptions>();

    auto* init = command->add_subcommand("init", "Create a new workspace in DIR");
    init->add_option("DIR", options->dir, "Folder to create (must be new or empty)")->required();
    init->add_option("--name", options->name, "Workspace name (default: the folder's name)");
    init->callback([options, &context] { initWorkspace(*options, context); });

    auto* show = command->add_subcommand("show", "List what a workspace in DIR holds");
    show->add_option("DIR", options->dir, "Workspace folder")->required();
    show->callback([options, &context] { showWorkspace(*options, context); });
}

}  // namespace sbx::cli
