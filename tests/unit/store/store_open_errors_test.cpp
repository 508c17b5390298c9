#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "store_test_support.h"
#include "temp_dir.h"

namespace sbx::store {
namespace {

namespace fs = std::filesystem;

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

TEST(StoreOpenErrors, FileThatIsNotADatabaseIsRefusedAndLeftAlone) {
    sbx::test::TempDir temp;
    const auto file = test::databaseFile(temp.path());
    const std::string garbage(8192, 'x');
    std::ofstream(file, std::ios::binary) << garbage;

    auto store = DurableStore::open(temp.path());
    ASSERT_FALSE(store.ok());
    EXPECT_TRUE(contains(store.error().message, "file is not a database")) << store.error().message;
    EXPECT_TRUE(contains(store.error().message, file.string())) << store.error().message;
    EXPECT_EQ(readFile(file), garbage);
}

TEST(StoreOpenErrors, SecondStoreOnTheSameDataDirIsRefusedUntilTheFirstCloses) {
    sbx::test::TempDir temp;
    auto first = test::openStore(temp.path());
    ASSERT_NE(first, nullptr);

    auto second = DurableStore::open(temp.path());
    ASSERT_FALSE(second.ok());
    EXPECT_EQ(second.error().code, ErrorCode::AlreadyExists);
    EXPECT_TRUE(contains(second.error().message, "another broker is using " + temp.path().string()))
        << second.error().message;

    first.reset();
    EXPECT_NE(test::openStore(temp.path()), nullptr);
}

TEST(StoreOpenErrors, DataDirThatCannotBeCreatedIsReported) {
    sbx::test::TempDir temp;
    std::ofstream(temp / "blocker") << "a file where a folder should go";
    const auto dataDir = temp / "blocker" / "data";

    auto store = DurableStore::open(dataDir);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.error().code, ErrorCode::IoError);
    EXPECT_TRUE(
        contains(store.error().message, "cannot create the broker data dir " + dataDir.string()))
        << store.error().message;
}

TEST(StoreOpenErrors, DataDirThatIsAFileIsReported) {
    sbx::test::TempDir temp;
    std::ofstream(temp / "data") << "not a folder";
    auto store = DurableStore::open(temp / "data");
    ASSERT_FALSE(store.ok());
    EXPECT_TRUE(contains(store.error().message, (temp / "data").string())) << store.error().message;
}

TEST(StoreOpenErrors, SchemaFromANewerSignalboxIsRefused) {
    sbx::test::TempDir temp;
    ASSERT_NE(test::openStore(temp.path()), nullptr);
    {
        test::RawDatabase raw(test::databaseFile(temp.path()), SQLITE_OPEN_READWRITE);
        raw.execute("UPDATE version_info SET version = 99");
    }
    auto store = DurableStore::open(temp.path());
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.error().code, ErrorCode::Unsupported);
    EXPECT_TRUE(contains(store.error().message, "schema 99")) << store.error().message;
}

TEST(StoreOpenErrors, FailedOpenReleasesTheDataDir) {
    sbx::test::TempDir temp;
    const auto file = test::databaseFile(temp.path());
    std::ofstream(file, std::ios::binary) << std::string(4096, 'x');
    ASSERT_FALSE(DurableStore::open(temp.path()).ok());
    fs::remove(file);
    EXPECT_NE(test::openStore(temp.path()), nullptr);
}

}  // namespace
}  // namespace sbx::store
