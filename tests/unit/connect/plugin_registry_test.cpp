#include "sbx/connect/plugin_registry.h"

#include <gtest/gtest.h>

#include <fstream>

#include "temp_dir.h"

namespace sbx::connect {
namespace {

namespace fs = std::filesystem;

const PluginRecord* recordFor(const PluginRegistry& registry, std::string_view fileName) {
    for (const auto& record : registry.plugins()) {
        if (record.file.filename() == fileName) {
            return &record;
        }
    }
    return nullptr;
}

ConnectionProfile fakeProfile() {
    ConnectionProfile profile;
    profile.id = "f";
    profile.connector = "fake";
    return profile;
}

class PluginRegistryTest : public testing::Test {
protected:
    void SetUp() override { registry.scan({SBX_TEST_PLUGIN_DIR}); }
    PluginRegistry registry;
};

TEST_F(PluginRegistryTest, LoadsAWorkingPluginWithItsInfo) {
    const auto* record = recordFor(registry, "libsbx_connector_fake.so");
    ASSERT_NE(record, nullptr);
    EXPECT_EQ(record->state, PluginRecord::State::Loaded) << record->error;
    EXPECT_EQ(record->info.displayName, "Fake");
    EXPECT_EQ(record->info.version, "1.2.3");
    ASSERT_NE(registry.find("fake"), nullptr);
    EXPECT_EQ(registry.find("fake")->defaultPort, 1234);
}

TEST_F(PluginRegistryTest, RefusesAnotherApiVersionWithTheReason) {
    const auto* record = recordFor(registry, "libsbx_connector_future.so");
    ASSERT_NE(record, nullptr);
    EXPECT_EQ(record->state, PluginRecord::State::Failed);
    EXPECT_NE(record->error.find("connector API 999"), std::string::npos) << record->error;
}

TEST_F(PluginRegistryTest, AConnectorThatThrowsIsReportedNotFatal) {
    const auto* record = recordFor(registry, "libsbx_connector_broken.so");
    ASSERT_NE(record, nullptr);
    EXPECT_EQ(record->state, PluginRecord::State::Failed);
    EXPECT_NE(record->error.find("info exploded"), std::string::npos) << record->error;
}

TEST_F(PluginRegistryTest, TheSecondPluginForAConnectorIsShadowed) {
    const auto* record = recordFor(registry, "libsbx_connector_fake_again.so");
    ASSERT_NE(record, nullptr);
    EXPECT_EQ(record->state, PluginRecord::State::Shadowed);
    EXPECT_EQ(registry.connectors().size(), 1U);
}

TEST(PluginRegistryFiles, AFileThatIsNoLibraryIsReported) {
    test::TempDir dir;
    std::ofstream(dir / "libsbx_connector_garbage.so") << "not an ELF file";
    PluginRegistry registry;
    registry.scan({dir.path(), dir / "missing-folder"});
    ASSERT_EQ(registry.plugins().size(), 1U);
    EXPECT_EQ(registry.plugins()[0].state, PluginRecord::State::Failed);
    EXPECT_NE(registry.plugins()[0].error.find("cannot load"), std::string::npos);
}

TEST_F(PluginRegistryTest, OpensASessionThatWorks) {
    auto source = registry.open(fakeProfile(), Credentials{"secret"});
    ASSERT_TRUE(source) << source.error().describe();
    auto snapshot = (*source)->snapshot();
    ASSERT_TRUE(snapshot) << snapshot.error().describe();
    ASSERT_EQ(snapshot->destinations.size(), 1U);
    EXPECT_EQ(snapshot->destinations[0].messagesReady, 7U);
}

TEST_F(PluginRegistryTest, AWrongPasswordComesBackAsItsError) {
    auto source = registry.open(fakeProfile(), Credentials{"nope"});
    ASSERT_FALSE(source);
    EXPECT_EQ(source.error().code, ErrorCode::Unauthenticated);
}

TEST_F(PluginRegistryTest, ExceptionsFromTheSessionBecomeErrors) {
    auto profile = fakeProfile();
    profile.options["snapshot"] = "throw";
    auto source = registry.open(profile, Credentials{"secret"});
    ASSERT_TRUE(source);
    auto snapshot = (*source)->snapshot();
    ASSERT_FALSE(snapshot);
    EXPECT_EQ(snapshot.error().code, ErrorCode::Internal);
    EXPECT_NE(snapshot.error().message.find("Fake plugin failed in snapshot: snapshot exploded"),
              std::string::npos)
        << snapshot.error().message;
    auto peeked = (*source)->peek({});
    ASSERT_FALSE(peeked);
    EXPECT_NE(peeked.error().message.find("peek is broken"), std::string::npos);
}

TEST_F(PluginRegistryTest, AnExceptionFromOpenBecomesAnError) {
    auto profile = fakeProfile();
    profile.options["open"] = "throw";
    auto source = registry.open(profile, Credentials{"secret"});
    ASSERT_FALSE(source);
    EXPECT_NE(source.error().message.find("open exploded"), std::string::npos);
}

TEST_F(PluginRegistryTest, AnUnknownConnectorSaysSo) {
    auto profile = fakeProfile();
    profile.connector = "kafka";
    auto source = registry.open(profile, {});
    ASSERT_FALSE(source);
    EXPECT_EQ(source.error().code, ErrorCode::NotFound);
    EXPECT_NE(source.error().message.find("'kafka'"), std::string::npos);
}

TEST(PluginSearchPath, EnvironmentFoldersComeFirst) {
    setenv("SBX_PLUGIN_PATH", "/a:/b", 1);
    const auto folders = PluginRegistry::defaultSearchPath();
    unsetenv("SBX_PLUGIN_PATH");
    ASSERT_GE(folders.size(), 3U);
    EXPECT_EQ(folders[0], fs::path("/a"));
    EXPECT_EQ(folders[1], fs::path("/b"));
    EXPECT_EQ(folders[2], PluginRegistry::userPluginFolder());
}

}  // namespace
}  // namespace sbx::connect
