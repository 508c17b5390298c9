#include <gtest/gtest.h>

#include <fstream>
#include <limits>
#include <sstream>
#include <string>

#include "metric_history_test_support.h"
#include "temp_dir.h"

namespace sbx::observe {
namespace {

using namespace test;
namespace fs = std::filesystem;

const SeriesKey kDepth{"embedded", "queue:orders", "depth"};

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

MetricHistory::Options quickOptions(const FakeClock& clock) {
    auto options = testOptions(clock);
    options.busyTimeout = milliseconds(50);
    return options;
}

TEST(MetricHistoryErrors, FileThatIsNotADatabaseIsRefusedAndLeftAlone) {
    sbx::test::TempDir temp;
    const auto file = temp / "telemetry.sqlite";
    const std::string garbage(8192, 'x');
    std::ofstream(file, std::ios::binary) << garbage;
    FakeClock clock(kT0);

    auto history = MetricHistory::open(file, quickOptions(clock));
    ASSERT_FALSE(history);
    EXPECT_EQ(history.error().code, ErrorCode::ParseError);
    EXPECT_TRUE(
        contains(history.error().message, file.string() + " is not a Signalbox telemetry database"))
        << history.error().message;
    EXPECT_EQ(readFile(file), garbage);
}

TEST(MetricHistoryErrors, PathThatIsAFolderIsRefused) {
    sbx::test::TempDir temp;
    FakeClock clock(kT0);
    auto history = MetricHistory::open(temp.path(), quickOptions(clock));
    ASSERT_FALSE(history);
    EXPECT_EQ(history.error().code, ErrorCode::InvalidArgument);
    EXPECT_TRUE(contains(history.error().message, "is a folder")) << history.error().message;
}

TEST(MetricHistoryErrors, EmptyPathIsRefused) {
    FakeClock clock(kT0);
    auto history = MetricHistory::open(fs::path(), quickOptions(clock));
    ASSERT_FALSE(history);
    EXPECT_EQ(history.error().code, ErrorCode::InvalidArgument);
}

TEST(MetricHistoryErrors, FolderThatCannotBeCreatedIsReported) {
    sbx::test::TempDir temp;
    std::ofstream(temp / "blocker") << "a file where a folder should go";
    const auto file = temp / "blocker" / ".signalbox" / "telemetry.sqlite";
    FakeClock clock(kT0);
    auto history = MetricHistory::open(file, quickOptions(clock));
    ASSERT_FALSE(history);
    EXPECT_EQ(history.error().code, ErrorCode::IoError);
    EXPECT_TRUE(contains(history.error().message,
                         "cannot create the folder " + (temp / "blocker" / ".signalbox").string()))
        << history.error().message;
}

TEST(MetricHistoryErrors, DatabaseLockedByAnotherProgramIsReportedThenOpensOnceFree) {
    sbx::test::TempDir temp;
    const auto file = temp / "telemetry.sqlite";
    FakeClock clock(kT0);
    auto other = std::make_unique<RawDatabase>(file);
    other->execute("PRAGMA journal_mode = WAL");
    other->execute("BEGIN IMMEDIATE");
    other->execute("CREATE TABLE someone_elses (x)");

    auto history = MetricHistory::open(file, quickOptions(clock));
    ASSERT_FALSE(history);
    EXPECT_EQ(history.error().code, ErrorCode::IoError);
    EXPECT_TRUE(contains(history.error().message, file.string() + " is locked by another program"))
        << history.error().message;

    other->execute("COMMIT");
    other.reset();
    EXPECT_NE(openHistory(file, quickOptions(clock)), nullptr);
}

TEST(MetricHistoryErrors, FailedCommitIsReportedAndItsSamplesCommitLater) {
    sbx::test::TempDir temp;
    const auto file = temp / "telemetry.sqlite";
    FakeClock clock(kT0 + minutes(1));
    auto history = openHistory(file, quickOptions(clock));
    ASSERT_NE(history, nullptr);

    RawDatabase other(file);
    other.execute("BEGIN IMMEDIATE");
    history->append(kDepth, kT0, 4.0);
    auto failed = history->flush();
    ASSERT_FALSE(failed);
    EXPECT_TRUE(contains(failed.error().message, "locked by another program"))
        << failed.error().message;
    other.execute("COMMIT");

    ASSERT_TRUE(history->flush());
    const auto result = queryOrFail(*history, kDepth, kT0, kT0 + seconds(1), 10);
    ASSERT_EQ(result.points.size(), 1U);
    EXPECT_EQ(result.points[0].last, 4.0);
}

TEST(MetricHistoryErrors, SchemaFromANewerSignalboxIsRefused) {
    sbx::test::TempDir temp;
    const auto file = temp / "telemetry.sqlite";
    FakeClock clock(kT0);
    ASSERT_NE(openHistory(file, quickOptions(clock)), nullptr);
    RawDatabase(file).execute("UPDATE version_info SET version = 99");

    auto history = MetricHistory::open(file, quickOptions(clock));
    ASSERT_FALSE(history);
    EXPECT_EQ(history.error().code, ErrorCode::Unsupported);
    EXPECT_TRUE(contains(history.error().message, "schema 99")) << history.error().message;
}

TEST(MetricHistoryErrors, OpenRecordsTheSchemaVersionAndTelemetrySettings) {
    sbx::test::TempDir temp;
    const auto file = temp / "telemetry.sqlite";
    FakeClock clock(kT0);
    auto history = openHistory(file, quickOptions(clock));
    ASSERT_NE(history, nullptr);
    RawDatabase raw(file, SQLITE_OPEN_READONLY);
    EXPECT_EQ(raw.queryInt("SELECT version FROM version_info"), 1);
    EXPECT_EQ(raw.queryInt("SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"),
              1);
}

TEST(MetricHistoryErrors, NonFiniteValuesAndOverflowAreDroppedAndCounted) {
    sbx::test::TempDir temp;
    FakeClock clock(kT0 + minutes(1));
    auto options = quickOptions(clock);
    options.maxPending = 3;
    auto history = openHistory(temp / "telemetry.sqlite", std::move(options));
    ASSERT_NE(history, nullptr);

    history->append(kDepth, kT0, std::numeric_limits<double>::quiet_NaN());
    history->append(kDepth, kT0, std::numeric_limits<double>::infinity());
    for (int i = 0; i < 5; ++i) {
        history->append(kDepth, kT0 + seconds(i), 1.0);
    }
    EXPECT_EQ(history->droppedCount(), 4U);
    ASSERT_TRUE(history->flush());
    EXPECT_EQ(queryOrFail(*history, kDepth, kT0, kT0 + minutes(1), 100).points.size(), 3U);
}

}  // namespace
}  // namespace sbx::observe
