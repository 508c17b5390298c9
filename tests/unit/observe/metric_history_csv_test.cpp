#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "metric_history_test_support.h"
#include "temp_dir.h"

namespace sbx::observe {
namespace {

using namespace test;

const SeriesKey kDepth{"embedded", "queue:orders", "depth"};

TEST(MetricHistoryCsv, ExportHasAHeaderAndOneLinePerBucket) {
    sbx::test::TempDir temp;
    FakeClock clock(kT0 + minutes(5));
    auto history = openHistory(temp / "telemetry.sqlite", testOptions(clock));
    ASSERT_NE(history, nullptr);
    history->append(kDepth, kT0 + milliseconds(1200), 0.1);
    history->append(kDepth, kT0 + milliseconds(1700), 2.0);
    history->append(kDepth, kT0 + seconds(3), -5.0);
    history->append(kDepth, kT0 + seconds(90), 1e20);  // outside the exported range
    ASSERT_TRUE(history->flush());

    auto csv = history->exportCsv(kDepth, kT0, kT0 + minutes(1));
    ASSERT_TRUE(csv) << csv.error().describe();
    EXPECT_EQ(*csv,
              "time_utc,time_ms,min,max,avg,last,count\n"
              "2026-01-01T00:00:01.000Z,1767225601000,0.1,2,1.05,2,2\n"
              "2026-01-01T00:00:03.000Z,1767225603000,-5,-5,-5,-5,1\n");
}

TEST(MetricHistoryCsv, ExportUsesTheSameResolutionAsAQueryWithoutALimit) {
    sbx::test::TempDir temp;
    FakeClock clock(kT0 + hours(3));
    auto history = openHistory(temp / "telemetry.sqlite", testOptions(clock));
    ASSERT_NE(history, nullptr);
    for (int i = 0; i < 180; ++i) {
        history->append(kDepth, kT0 + seconds(i), static_cast<double>(i));
    }
    ASSERT_TRUE(history->flush());

    auto csv = history->exportCsv(kDepth, kT0, kT0 + hours(1));
    ASSERT_TRUE(csv);
    std::istringstream lines(*csv);
    std::string line;
    std::getline(lines, line);
    EXPECT_EQ(line, "time_utc,time_ms,min,max,avg,last,count");
    std::getline(lines, line);
    EXPECT_EQ(line, "2026-01-01T00:00:00.000Z,1767225600000,0,59,29.5,59,60");
    int rows = 1;
    while (std::getline(lines, line)) {
        ++rows;
    }
    EXPECT_EQ(rows, 3);
}

TEST(MetricHistoryCsv, UnknownSeriesExportsOnlyTheHeader) {
    sbx::test::TempDir temp;
    FakeClock clock(kT0);
    auto history = openHistory(temp / "telemetry.sqlite", testOptions(clock));
    ASSERT_NE(history, nullptr);
    auto csv = history->exportCsv(kDepth, kT0 - minutes(5), kT0);
    ASSERT_TRUE(csv);
    EXPECT_EQ(*csv, "time_utc,time_ms,min,max,avg,last,count\n");
}

}  // namespace
}  // namespace sbx::observe
