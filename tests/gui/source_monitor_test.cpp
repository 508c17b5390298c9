#include "source_monitor.h"

#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "fake_broker_source.h"
#include "monitor_series.h"
#include "sbx/observe/metric_history.h"

namespace {

using namespace std::chrono_literals;

std::shared_ptr<FakeBrokerSource> fakeWithQueue(std::uint64_t depth) {
    auto source = std::make_shared<FakeBrokerSource>("fake");
    sbx::observe::BrokerSnapshot snapshot;
    snapshot.overview.messagesReady = depth;
    snapshot.destinations = {makeQueue("orders", depth)};
    source->setSnapshot(snapshot);
    return source;
}

TEST(SourceMonitor, PollsOffTheGuiThreadAndRecordsHistory) {
    QTemporaryDir dir;
    auto history = sbx::observe::MetricHistory::open(
        std::filesystem::path(dir.filePath("telemetry.sqlite").toStdString()));
    ASSERT_TRUE(history.ok());
    std::shared_ptr<sbx::observe::MetricHistory> shared = std::move(history).value();
    auto source = fakeWithQueue(42);

    SourceMonitor monitor;
    monitor.setHistory(shared);
    monitor.setInterval(50ms);
    QSignalSpy snapshots(&monitor, &SourceMonitor::snapshotReady);
    monitor.bind(source);
    ASSERT_TRUE(snapshots.wait(5000));
    EXPECT_EQ(monitor.sourceName(), "fake");
    EXPECT_TRUE(monitor.healthy());
    ASSERT_TRUE(monitor.lastSnapshot());
    EXPECT_EQ(monitor.lastSnapshot()->destinations.at(0).messagesReady, 42U);
    ASSERT_TRUE(snapshots.wait(5000));  // and again at the next tick

    ASSERT_TRUE(shared->flush().ok());
    const auto now =
        std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now());
    const auto points = shared->query(monitor_series::key("fake", "queue://orders", "depth"),
                                      now - 1min, now + 1min, 100);
    ASSERT_TRUE(points.ok());
    ASSERT_FALSE(points->points.empty());
    EXPECT_EQ(points->points.back().last, 42);
    const auto broker =
        shared->query(monitor_series::key("fake", "broker", "depth"), now - 1min, now + 1min, 100);
    ASSERT_TRUE(broker.ok());
    EXPECT_FALSE(broker->points.empty());
}

TEST(SourceMonitor, ReportsAnUnreachableSourceAndItsRecovery) {
    auto source = fakeWithQueue(1);
    source->failWith("connection refused");
    SourceMonitor monitor;
    monitor.setInterval(50ms);
    QSignalSpy status(&monitor, &SourceMonitor::statusChanged);
    monitor.bind(source);
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return monitor.status().contains("connection refused"); }, 5000));
    EXPECT_FALSE(monitor.healthy());
    source->setSnapshot({});
    ASSERT_TRUE(QTest::qWaitFor([&] { return monitor.healthy(); }, 5000));
    EXPECT_EQ(monitor.status(), "Connected");
}

TEST(SourceMonitor, ForwardsHopBatchesAndRunsCommands) {
    auto source = fakeWithQueue(1);
    SourceMonitor monitor;
    monitor.setWatchHops(true);
    monitor.bind(source);
    ASSERT_EQ(source->listenerCount(), 1U);
    QSignalSpy hops(&monitor, &SourceMonitor::hopsReceived);
    std::vector<sbx::observe::HopEvent> batch(3);
    std::thread broker([&] { source->emitHops(batch); });
    broker.join();
    ASSERT_TRUE(hops.wait(5000));
    EXPECT_EQ(hops.count(), 1);
    EXPECT_EQ(hops.at(0).at(0).value<HopBatchPtr>()->size(), 3U);

    QSignalSpy finished(&monitor, &SourceMonitor::commandFinished);
    monitor.submit("Purge orders", [](sbx::observe::BrokerSource& s) -> sbx::Status {
        auto purged = s.purge("queue://orders");
        return purged ? sbx::Status{} : sbx::Status{purged.error()};
    });
    monitor.submit("Disconnect", [](auto& s) { return s.disconnectClient("unknown"); });
    monitor.submit(
        "Browse orders", [](auto&) { return sbx::Status{}; }, SourceMonitor::Notice::Quiet);
    ASSERT_TRUE(QTest::qWaitFor([&] { return finished.count() == 3; }, 5000));
    EXPECT_EQ(finished.at(0).at(1).toString(), "");
    EXPECT_FALSE(finished.at(0).at(2).toBool());
    EXPECT_EQ(finished.at(1).at(1).toString(), "no client unknown");
    EXPECT_TRUE(finished.at(2).at(2).toBool()) << "a repeated read is not news";
    EXPECT_EQ(source->commands(), std::vector<std::string>{"purge queue://orders"});

    monitor.unbind();
    EXPECT_EQ(source->listenerCount(), 0U);
    EXPECT_FALSE(monitor.bound());
}

TEST(SourceMonitor, UnbindWaitsForThePollInFlight) {
    // A source that answers slowly, then is destroyed right after unbind().
    struct SlowSource : FakeBrokerSource {
        std::atomic<bool> inside{false};
        sbx::Result<sbx::observe::BrokerSnapshot> snapshot() override {
            inside = true;
            std::this_thread::sleep_for(200ms);  // a slow network, not a wait for readiness
            auto result = FakeBrokerSource::snapshot();
            inside = false;
            return result;
        }
    };
    auto source = std::make_shared<SlowSource>();
    SourceMonitor monitor;
    monitor.bind(source);
    ASSERT_TRUE(QTest::qWaitFor([&] { return source->inside.load(); }, 5000));
    monitor.unbind();
    EXPECT_FALSE(source->inside.load());
    EXPECT_EQ(source.use_count(), 1);
}

}  // namespace
