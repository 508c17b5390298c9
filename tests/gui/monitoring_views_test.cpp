#include <gtest/gtest.h>

#include <QAbstractProxyModel>
#include <QAction>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <QtCharts/QLineSeries>

#include "broker_controller.h"
#include "broker_explorer_dock.h"
#include "broker_tree_model.h"
#include "child_process.h"
#include "clients_model.h"
#include "clients_page.h"
#include "dashboard_page.h"
#include "fake_broker_source.h"
#include "main_window.h"
#include "message_browser_page.h"
#include "monitor_controller.h"
#include "process.h"
#include "sbx/management/http_server.h"
#include "source_monitor.h"
#include "studio_settings.h"
#include "workspace_controller.h"

namespace {

using namespace std::chrono_literals;

constexpr const char* kPublishOrders = R"(
import sys, pika
connection = pika.BlockingConnection(pika.ConnectionParameters('127.0.0.1', int(sys.argv[1])))
channel = connection.channel()
channel.confirm_delivery()
channel.queue_declare(queue='orders')
for i in range(3):
    channel.basic_publish(exchange='', routing_key='orders', body=b'order %d' % i)
connection.close()
)";

constexpr const char* kConsumer = R"(
import sys, pika
parameters = pika.ConnectionParameters('127.0.0.1', int(sys.argv[1]),
    client_properties={'connection_name': 'studio-test-consumer'})
connection = pika.BlockingConnection(parameters)
channel = connection.channel()
channel.queue_declare(queue='clients-test')
channel.basic_consume(queue='clients-test', on_message_callback=lambda *a: None, auto_ack=True)
print('ready', flush=True)
try:
    channel.start_consuming()
except Exception as error:
    print('closed', type(error).__name__, flush=True)
)";

class MonitoringViews : public ::testing::Test {
protected:
    void SetUp() override {
        sbx::broker::BrokerConfig config;
        config.mqttPort = 0;
        config.amqpPort = 0;
        config.dataDir = data.path().toStdString();
        QString error;
        ASSERT_TRUE(broker.start(config, &error)) << error.toStdString();
        window.monitors().embedded().setInterval(200ms);
    }

    std::string port(const char* protocol) { return std::to_string(*broker.port(protocol)); }

    // Waits for the explorer to show `id` and `column` to read `expected`.
    bool explorerShows(const QString& id, int column, const QString& expected) {
        auto& model = window.brokers().model();
        return QTest::qWaitFor(
            [&] {
                const auto index = model.findDestination("embedded", id);
                return index.isValid() &&
                       index.siblingAtColumn(column).data().toString() == expected;
            },
            10000);
    }

    QTemporaryDir data;
    StudioSettings settings;
    sbx::LogHub log;
    WorkspaceController workspaces{settings, log};
    BrokerController broker{log};
    MainWindow window{settings, log, workspaces, broker};
};

TEST_F(MonitoringViews, ExplorerShowsQueueDepthAndTopicLastValue) {
    const auto published =
        sbx::test::runProcess({"/usr/bin/python3", "-c", kPublishOrders, port("amqp")});
    ASSERT_EQ(published.exitCode, 0) << published.err;
    const auto mqtt = sbx::test::runProcess({"mosquitto_pub", "-h", "127.0.0.1", "-p", port("mqtt"),
                                             "-t", "plant/line1/temp", "-m", "21.5", "-r"});
    ASSERT_EQ(mqtt.exitCode, 0) << mqtt.err;

    EXPECT_TRUE(explorerShows("queue://orders", BrokerTreeModel::ReadyColumn, "3"));
    EXPECT_TRUE(explorerShows("topic:plant/line1/temp", BrokerTreeModel::LastValueColumn, "21.5"));
    auto& model = window.brokers().model();
    const auto topic = model.findDestination("embedded", "topic:plant/line1/temp");
    EXPECT_EQ(topic.data().toString(), "temp");
    EXPECT_EQ(topic.parent().data().toString(), "line1");
    // No consumer on orders: badged.
    const auto orders = model.findDestination("embedded", "queue://orders");
    EXPECT_TRUE(orders.data(BrokerTreeModel::BadgesRole).toInt() & BrokerTreeModel::NoConsumers);

    // Purge from the explorer (confirmed) empties it.
    window.brokers().setConfirm([](const QString&, const QString&) { return true; });
    window.brokers().purge(orders);
    EXPECT_TRUE(explorerShows("queue://orders", BrokerTreeModel::ReadyColumn, "0"));
}

TEST_F(MonitoringViews, DashboardChartsTheQueueFromTheHistory) {
    const auto published =
        sbx::test::runProcess({"/usr/bin/python3", "-c", kPublishOrders, port("amqp")});
    ASSERT_EQ(published.exitCode, 0) << published.err;
    ASSERT_TRUE(explorerShows("queue://orders", BrokerTreeModel::ReadyColumn, "3"));

    auto* dashboard =
        window.openDashboard(&window.monitors().embedded(), "queue://orders", "queue://orders");
    ASSERT_NE(dashboard, nullptr);
    auto history = window.monitors().history();
    ASSERT_TRUE(history);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            EXPECT_TRUE(history->flush().ok());
            dashboard->refresh();
            return dashboard->depthSeries().count() > 0;
        },
        10000));
    EXPECT_FALSE(dashboard->showsEmptyState());
    EXPECT_EQ(dashboard->depthSeries().points().back().y(), 3);
    EXPECT_GT(dashboard->inRateSeries().count(), 0);

    // Paused, it stops following; export writes the same data.
    dashboard->setPaused(true);
    const auto shown = dashboard->pointCount();
    QSignalSpy snapshots(&window.monitors().embedded(), &SourceMonitor::snapshotReady);
    ASSERT_TRUE(snapshots.wait(5000));
    EXPECT_EQ(dashboard->pointCount(), shown);
    QTemporaryDir out;
    QString error;
    ASSERT_TRUE(dashboard->exportCsv(out.filePath("q.csv"), &error)) << error.toStdString();
    QFile csv(out.filePath("q.csv"));
    ASSERT_TRUE(csv.open(QIODevice::ReadOnly));
    const auto text = QString::fromUtf8(csv.readAll());
    EXPECT_TRUE(text.startsWith("metric,time_utc")) << text.left(80).toStdString();
    EXPECT_TRUE(text.contains("\ndepth,")) << text.left(200).toStdString();
    EXPECT_TRUE(dashboard->exportPng(out.filePath("q.png")));
    EXPECT_FALSE(QImage(out.filePath("q.png")).isNull());

    // The whole broker too; a destination that never had data says so.
    auto* whole = window.openDashboard(&window.monitors().embedded(), QString(), "embedded");
    EXPECT_FALSE(whole->showsEmptyState());
    auto* none = window.openDashboard(&window.monitors().embedded(), "queue://never", "never");
    EXPECT_TRUE(none->showsEmptyState());
}

TEST_F(MonitoringViews, ClientsViewListsAndDisconnectsAClient) {
    sbx::test::ChildProcess consumer({"/usr/bin/python3", "-c", kConsumer, port("amqp")});
    ASSERT_FALSE(consumer.readLineContaining("ready", 10s).empty());

    auto* page = window.openClients(&window.monitors().embedded());
    auto& model = page->model();
    int row = -1;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            for (int r = 0; r < model.rowCount(); ++r) {
                if (model.index(r, ClientsModel::NameColumn).data() == "studio-test-consumer") {
                    row = r;
                    return true;
                }
            }
            return false;
        },
        10000));
    EXPECT_EQ(model.index(row, ClientsModel::ProtocolColumn).data().toString(), "AMQP");
    EXPECT_EQ(model.index(row, ClientsModel::VersionColumn).data().toString(), "0-9-1");
    const auto id = model.index(row, ClientsModel::IdColumn).data().toString();
    page->selectClient(id);
    ASSERT_TRUE(page->disconnectButton().isEnabled());
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return page->subscriptions().topLevelItemCount() == 1; }, 10000));
    EXPECT_EQ(page->subscriptions().topLevelItem(0)->text(0), "queue://clients-test");

    bool asked = false;
    page->setConfirm([&](const QString&, const QString& question) {
        asked = question.contains("studio-test-consumer");
        return true;
    });
    page->disconnectSelected();
    EXPECT_TRUE(asked);
    EXPECT_FALSE(consumer.readLineContaining("closed", 10s).empty());
    EXPECT_TRUE(QTest::qWaitFor([&] { return model.rowOf(id) < 0; }, 10000));
}

TEST_F(MonitoringViews, MonitorRebindsWhenTheBrokerRestarts) {
    auto& monitor = window.monitors().embedded();
    ASSERT_TRUE(monitor.bound());
    QSignalSpy snapshots(&monitor, &SourceMonitor::snapshotReady);
    ASSERT_TRUE(snapshots.wait(5000));
    broker.stop();
    EXPECT_FALSE(monitor.bound());
    EXPECT_FALSE(window.brokers().model().brokerIndex("embedded").isValid());
    ASSERT_TRUE(broker.start(broker.lastConfig()));
    EXPECT_TRUE(monitor.bound());
    EXPECT_TRUE(QTest::qWaitFor(
        [&] { return window.brokers().model().brokerIndex("embedded").isValid(); }, 10000));
}

}  // namespace

namespace {

// A remote broker: the management API over a fake source, attached like File › Attach.
TEST_F(MonitoringViews, AttachesARemoteBrokerThroughItsManagementApi) {
    FakeBrokerSource remote("remote");
    sbx::observe::BrokerSnapshot snapshot;
    snapshot.overview.vhosts = {"/"};
    snapshot.destinations = {makeQueue("billing", 12, 0)};
    remote.setSnapshot(snapshot);
    auto server = sbx::management::HttpServer::start(remote, {});
    ASSERT_TRUE(server.ok()) << server.error().message;

    QString error;
    auto* monitor = window.monitors().attachRemote("127.0.0.1", (*server)->port(), &error);
    ASSERT_NE(monitor, nullptr) << error.toStdString();
    const auto name = QStringLiteral("127.0.0.1:%1").arg((*server)->port());
    EXPECT_EQ(monitor->sourceName(), name);
    auto& model = window.brokers().model();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const auto queue = model.findDestination(name, "queue://billing");
            return queue.isValid() &&
                   queue.siblingAtColumn(BrokerTreeModel::ReadyColumn).data() == "12";
        },
        10000));
    // The embedded broker stays beside it.
    EXPECT_TRUE(model.brokerIndex("embedded").isValid() ||
                QTest::qWaitFor([&] { return model.brokerIndex("embedded").isValid(); }, 5000));

    // Unreachable: the explorer says why.
    (*server)->stop();
    EXPECT_TRUE(QTest::qWaitFor([&] { return !monitor->healthy(); }, 15000));
    EXPECT_TRUE(window.brokers().statusLabel().text().contains(name))
        << window.brokers().statusLabel().text().toStdString();

    window.monitors().detach(monitor);
    EXPECT_FALSE(model.brokerIndex(name).isValid());
    EXPECT_EQ(window.monitors().attachRemote("127.0.0.1", (*server)->port(), &error), nullptr);
    EXPECT_FALSE(error.isEmpty());
}

// The Broker menu's message views act on the broker selected in the Brokers dock, and on
// the embedded broker when none is selected.
TEST_F(MonitoringViews, BrokerMenuOpensViewsOfTheSelectedBroker) {
    FakeBrokerSource remote("remote");
    sbx::observe::BrokerSnapshot snapshot;
    snapshot.overview.vhosts = {"/"};
    snapshot.destinations = {makeQueue("billing", 1, 0)};
    remote.setSnapshot(snapshot);
    auto server = sbx::management::HttpServer::start(remote, {});
    ASSERT_TRUE(server.ok()) << server.error().message;
    QString error;
    auto* monitor = window.monitors().attachRemote("127.0.0.1", (*server)->port(), &error);
    ASSERT_NE(monitor, nullptr) << error.toStdString();
    const auto name = QStringLiteral("127.0.0.1:%1").arg((*server)->port());
    auto& model = window.brokers().model();
    ASSERT_TRUE(QTest::qWaitFor([&] { return model.brokerIndex(name).isValid(); }, 10000));

    auto& view = window.brokers().view();
    auto* proxy = qobject_cast<QAbstractProxyModel*>(view.model());
    ASSERT_NE(proxy, nullptr);
    view.setCurrentIndex(proxy->mapFromSource(model.brokerIndex(name)));
    // The fake broker reports hop events but cannot peek.
    auto* trace = window.findChild<QAction*>(QStringLiteral("action.broker.trace"));
    ASSERT_NE(trace, nullptr);
    trace->trigger();
    EXPECT_EQ(window.tabs().currentWidget()->property("sbx.monitor").value<QObject*>(), monitor);
    EXPECT_EQ(window.tabs().currentWidget()->property("sbx.view").toString(), "trace");

    auto* browse = window.findChild<QAction*>(QStringLiteral("action.broker.messageBrowser"));
    ASSERT_NE(browse, nullptr);
    browse->trigger();
    auto* embedded = qobject_cast<MessageBrowserPage*>(window.tabs().currentWidget());
    ASSERT_NE(embedded, nullptr);
    EXPECT_FALSE(embedded->property("sbx.monitor").isValid());
    EXPECT_TRUE(window.statusBar()->currentMessage().contains(name))
        << window.statusBar()->currentMessage().toStdString();

    view.setCurrentIndex(QModelIndex());
    trace->trigger();
    EXPECT_FALSE(window.tabs().currentWidget()->property("sbx.monitor").isValid());
    window.monitors().detach(monitor);
}

// Attach from the menu connects on a thread of its own: the event loop keeps running
// while the remote answers, and a failure comes back with its reason.
TEST_F(MonitoringViews, AttachesARemoteBrokerWithoutBlockingTheWindow) {
    FakeBrokerSource remote("remote");
    sbx::observe::BrokerSnapshot snapshot;
    snapshot.overview.vhosts = {"/"};
    snapshot.destinations = {makeQueue("billing", 3, 0)};
    remote.setSnapshot(snapshot);
    auto server = sbx::management::HttpServer::start(remote, {});
    ASSERT_TRUE(server.ok()) << server.error().message;

    QSignalSpy attached(&window.monitors(), &MonitorController::remoteAttached);
    int ticks = 0;
    QTimer ticker;
    QObject::connect(&ticker, &QTimer::timeout, [&] { ++ticks; });
    ticker.start(1);
    window.monitors().attachRemoteInBackground("127.0.0.1", (*server)->port());
    EXPECT_TRUE(attached.isEmpty()) << "the connect runs later, off the GUI thread";
    ASSERT_TRUE(attached.wait(10000));
    const auto name = QStringLiteral("127.0.0.1:%1").arg((*server)->port());
    EXPECT_EQ(attached.at(0).at(0).toString(), name);
    auto* monitor = attached.at(0).at(1).value<SourceMonitor*>();
    ASSERT_NE(monitor, nullptr) << attached.at(0).at(2).toString().toStdString();
    EXPECT_EQ(monitor->sourceName(), name);
    EXPECT_EQ(window.monitors().attachesInProgress(), 0);
    window.monitors().detach(monitor);

    (*server)->stop();
    attached.clear();
    window.monitors().attachRemoteInBackground("127.0.0.1", (*server)->port());
    ASSERT_TRUE(attached.wait(15000));
    EXPECT_EQ(attached.at(0).at(1).value<SourceMonitor*>(), nullptr);
    EXPECT_FALSE(attached.at(0).at(2).toString().isEmpty());
    EXPECT_GT(ticks, 0);
}

}  // namespace
