#include <gtest/gtest.h>

#include <filesystem>

#include "process.h"
#include "sbx/common/version.h"
#include "temp_dir.h"

namespace sbx {
namespace {

test::ProcessResult sbx(std::vector<std::string> args) {
    args.insert(args.begin(), SBX_CLI_PATH);
    return test::runProcess(args);
}

TEST(Cli, VersionPrintsVersionAndSucceeds) {
    const auto result = sbx({"version"});
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_EQ(result.out, std::string("sbx ") + kVersion + "\n");
    EXPECT_TRUE(result.err.empty());
}

TEST(Cli, NoSubcommandIsAUsageError) {
    const auto result = sbx({});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("subcommand"), std::string::npos) << result.err;
}

TEST(Cli, UnknownSubcommandIsAUsageError) {
    const auto result = sbx({"frobnicate"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_FALSE(result.err.empty());
}

TEST(Cli, EverySubcommandHasHelp) {
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"--help"}, {"version", "--help"}, {"workspace", "--help"},
             {"workspace", "init", "--help"}, {"workspace", "show", "--help"}}) {
        auto withHelp = args;
        const auto result = sbx(withHelp);
        EXPECT_EQ(result.exitCode, 0) << args.front();
        EXPECT_NE(result.out.find("Usage"), std::string::npos) << result.out;
    }
}

TEST(Cli, WorkspaceInitCreatesAWorkspace) {
    test::TempDir temp;
    const auto dir = (temp / "shop").string();
    const auto result = sbx({"workspace", "init", dir, "--name", "Shop"});
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("created workspace \"Shop\""), std::string::npos) << result.out;
    EXPECT_TRUE(std::filesystem::exists(temp / "shop" / "signalbox-workspace.json"));

    const auto shown = sbx({"workspace", "show", dir});
    EXPECT_EQ(shown.exitCode, 0);
    EXPECT_NE(shown.out.find("workspace \"Shop\""), std::string::npos);
}

TEST(Cli, WorkspaceInitDefaultsNameToFolder) {
    test::TempDir temp;
    const auto result = sbx({"workspace", "init", (temp / "orders").string()});
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("\"orders\""), std::string::npos) << result.out;
}

TEST(Cli, WorkspaceInitFailsClearlyOnExistingWorkspace) {
    test::TempDir temp;
    const auto dir = (temp / "w").string();
    ASSERT_EQ(sbx({"workspace", "init", dir}).exitCode, 0);
    const auto again = sbx({"workspace", "init", dir});
    EXPECT_EQ(again.exitCode, 1);
    EXPECT_NE(again.err.find("sbx: error: already exists"), std::string::npos) << again.err;
    EXPECT_TRUE(again.out.empty());
}

TEST(Cli, WorkspaceInitWithoutDirIsAUsageError) {
    const auto result = sbx({"workspace", "init"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("DIR"), std::string::npos) << result.err;
}

TEST(Cli, WorkspaceShowRejectsNonWorkspace) {
    test::TempDir temp;
    const auto result = sbx({"workspace", "show", temp.path().string()});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.err.find("not a Signalbox workspace"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace sbx
