#include "sbx/workspace/workspace.h"

#include <gtest/gtest.h>

#include <fstream>

#include "temp_dir.h"

namespace sbx::workspace {
namespace {

namespace fs = std::filesystem;

TEST(Workspace, CreateMakesLayoutManifestAndGitignore) {
    test::TempDir temp;
    auto created = Workspace::create(temp / "shop", "Shop");
    ASSERT_TRUE(created.ok()) << created.error().describe();
    EXPECT_EQ(created->name(), "Shop");
    for (auto kind : {ItemKind::Connection, ItemKind::Contract, ItemKind::Pipeline,
                      ItemKind::Template, ItemKind::Filter}) {
        EXPECT_TRUE(fs::is_directory(created->folderFor(kind))) << folderName(kind);
    }
    EXPECT_TRUE(fs::is_regular_file(temp / "shop" / Workspace::kManifestName));
    std::ifstream gitignore(temp / "shop" / ".gitignore");
    std::string line;
    std::getline(gitignore, line);
    EXPECT_EQ(line, ".signalbox/");
    EXPECT_EQ(created->telemetryDatabasePath().parent_path().filename(), ".signalbox");
}

TEST(Workspace, OpenReadsWhatCreateWrote) {
    test::TempDir temp;
    ASSERT_TRUE(Workspace::create(temp / "w", "Orders").ok());
    auto opened = Workspace::open(temp / "w");
    ASSERT_TRUE(opened.ok()) << opened.error().describe();
    EXPECT_EQ(opened->name(), "Orders");
    EXPECT_EQ(opened->root(), fs::absolute(temp / "w").lexically_normal());
}

TEST(Workspace, CreateRefusesNonEmptyFolderAndExistingWorkspace) {
    test::TempDir temp;
    fs::create_directories(temp / "project");
    std::ofstream(temp / "project" / "main.c") << "int main(){}";
    auto intoProject = Workspace::create(temp / "project", "P");
    ASSERT_FALSE(intoProject.ok());
    EXPECT_EQ(intoProject.error().code, ErrorCode::AlreadyExists);
    EXPECT_FALSE(fs::exists(temp / "project" / Workspace::kManifestName));

    ASSERT_TRUE(Workspace::create(temp / "w", "W").ok());
    auto again = Workspace::create(temp / "w", "W");
    ASSERT_FALSE(again.ok());
    EXPECT_NE(again.error().message.find("already holds a workspace"), std::string::npos);
}

TEST(Workspace, CreateNeedsAName) {
    test::TempDir temp;
    auto created = Workspace::create(temp / "w", "");
    ASSERT_FALSE(created.ok());
    EXPECT_EQ(created.error().code, ErrorCode::InvalidArgument);
}

TEST(Workspace, OpenExplainsWhatIsWrong) {
    test::TempDir temp;
    auto missing = Workspace::open(temp / "nope");
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);

    fs::create_directories(temp / "plain");
    auto plain = Workspace::open(temp / "plain");
    ASSERT_FALSE(plain.ok());
    EXPECT_NE(plain.error().message.find("not a Signalbox workspace"), std::string::npos);

    fs::create_directories(temp / "broken");
    std::ofstream(temp / "broken" / Workspace::kManifestName) << "{ not json";
    auto broken = Workspace::open(temp / "broken");
    ASSERT_FALSE(broken.ok());
    EXPECT_EQ(broken.error().code, ErrorCode::ParseError);

    fs::create_directories(temp / "future");
    std::ofstream(temp / "future" / Workspace::kManifestName) << R"({"format": 99})";
    auto future = Workspace::open(temp / "future");
    ASSERT_FALSE(future.ok());
    EXPECT_EQ(future.error().code, ErrorCode::Unsupported);
}

TEST(Workspace, ItemsListsFilesByKindSortedAndSkipsHiddenFiles) {
    test::TempDir temp;
    auto created = Workspace::create(temp / "w", "W");
    ASSERT_TRUE(created.ok());
    std::ofstream(created->folderFor(ItemKind::Contract) / "b.yaml") << "x";
    std::ofstream(created->folderFor(ItemKind::Contract) / "a.json") << "x";
    std::ofstream(created->folderFor(ItemKind::Contract) / ".swp") << "x";
    std::ofstream(created->folderFor(ItemKind::Connection) / "local.json") << "x";

    const auto items = created->items();
    ASSERT_EQ(items.size(), 3U);
    EXPECT_EQ(items[0].kind, ItemKind::Connection);
    EXPECT_EQ(items[0].relativePath, fs::path("connections/local.json"));
    EXPECT_EQ(items[1].relativePath, fs::path("contracts/a.json"));
    EXPECT_EQ(items[2].relativePath, fs::path("contracts/b.yaml"));
}

TEST(Workspace, NameFallsBackToFolderName) {
    test::TempDir temp;
    fs::create_directories(temp / "unnamed");
    std::ofstream(temp / "unnamed" / Workspace::kManifestName) << R"({"format": 1})";
    auto opened = Workspace::open(temp / "unnamed");
    ASSERT_TRUE(opened.ok());
    EXPECT_EQ(opened->name(), "unnamed");
}

}  // namespace
}  // namespace sbx::workspace
