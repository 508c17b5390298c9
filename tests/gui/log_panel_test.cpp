#include "log_panel.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLineEdit>

#include "log_bridge.h"
#include "log_filter_model.h"
#include "log_model.h"

namespace {

sbx::LogRecord record(sbx::LogLevel level, std::string source, std::string message) {
    return {std::chrono::system_clock::now(), level, std::move(source), std::move(message)};
}

TEST(LogModel, PassesModelTesterWhileAppendingAndTrimming) {
    LogModel model(5);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    for (int batch = 0; batch < 4; ++batch) {
        std::vector<sbx::LogRecord> records;
        for (int i = 0; i < 3; ++i) {
            records.push_back(record(sbx::LogLevel::Info, "t", std::to_string(batch * 3 + i)));
        }
        model.append(std::move(records));
    }
    ASSERT_EQ(model.rowCount(), 5);
    // Bounded: the five newest remain, oldest first.
    EXPECT_EQ(model.index(0, LogModel::MessageColumn).data().toString(), "7");
    EXPECT_EQ(model.index(4, LogModel::MessageColumn).data().toString(), "11");
    model.clear();
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(LogFilterModel, FiltersByLevelAndSearchText) {
    LogModel model;
    LogFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.append({record(sbx::LogLevel::Debug, "broker", "tick"),
                  record(sbx::LogLevel::Info, "studio", "Opened workspace Shop"),
                  record(sbx::LogLevel::Warning, "broker", "client c1 slow"),
                  record(sbx::LogLevel::Error, "mqtt", "malformed packet from c2")});

    filter.setMinimumLevel(sbx::LogLevel::Debug);
    EXPECT_EQ(filter.rowCount(), 4);
    filter.setMinimumLevel(sbx::LogLevel::Warning);
    EXPECT_EQ(filter.rowCount(), 2);
    filter.setSearchText("MQTT");  // matches the source, case-insensitively
    ASSERT_EQ(filter.rowCount(), 1);
    EXPECT_EQ(filter.index(0, LogModel::MessageColumn).data().toString(),
              "malformed packet from c2");
    filter.setMinimumLevel(sbx::LogLevel::Debug);
    filter.setSearchText("workspace");
    EXPECT_EQ(filter.rowCount(), 1);
}

TEST(LogPanel, ControlsDriveTheFilter) {
    LogModel model;
    LogPanel panel(model);
    model.append({record(sbx::LogLevel::Info, "studio", "hello"),
                  record(sbx::LogLevel::Error, "broker", "boom")});
    EXPECT_EQ(panel.filterModel().rowCount(), 2);  // Info and above by default
    panel.levelBox().setCurrentIndex(
        panel.levelBox().findData(static_cast<int>(sbx::LogLevel::Error)));
    EXPECT_EQ(panel.filterModel().rowCount(), 1);
    panel.levelBox().setCurrentIndex(0);
    panel.searchEdit().setText("hel");
    EXPECT_EQ(panel.filterModel().rowCount(), 1);
}

TEST(LogBridge, BatchesRecordsFromOtherThreadsIntoTheModel) {
    sbx::LogHub hub;
    LogModel model;
    LogBridge bridge(hub, model);
    std::thread worker([&] {
        for (int i = 0; i < 1000; ++i) {
            hub.log(sbx::LogLevel::Info, "broker", "m" + std::to_string(i));
        }
    });
    worker.join();
    EXPECT_EQ(model.rowCount(), 0);  // nothing reaches the GUI until the batch is flushed
    bridge.flush();
    EXPECT_EQ(model.rowCount(), 1000);
    EXPECT_EQ(bridge.droppedCount(), 0U);
}

}  // namespace
