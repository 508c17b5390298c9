// The studio side of connector plugins: Help > Plugins, the connection dialog (Test on
// a worker thread, Save without the password), profiles watched from the workspace with
// reconnect state in the explorer, nesting and dead letters of plugin destinations, and
// alerts with explorer badges against the embedded broker.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <fstream>
#include <thread>

#include "alert_controller.h"
#include "broker_controller.h"
#include "broker_explorer_dock.h"
#include "broker_tree_model.h"
#include "connection_controller.h"
#include "connection_dialog.h"
#include "connection_tester.h"
#include "connections_ui.h"
#include "firing_alerts_model.h"
#include "main_window.h"
#include "message_browser_model.h"
#include "message_browser_page.h"
#include "model_checker.h"
#include "monitor_controller.h"
#include "plugin_host.h"
#include "plugins_dialog.h"
#include "process.h"
#include "sbx/connect/network_stream.h"
#include "secret_store.h"
#include "source_monitor.h"
#include "studio_settings.h"
#include "workspace_controller.h"

namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

// A port nothing listens on: bound once to learn a free number, then closed.
std::uint16_t closedPort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    ::close(fd);
    return ntohs(address.sin_port);
}

// What a connector's session shows: a queue, a dead-letter destination and a stream with
// two consumer groups (parentId), as the Redis and NATS plugins report them.
class LoopbackSource final : public sbx::observe::BrokerSource {
public:
    std::string name() const override { return "loopback"; }
    sbx::observe::Capabilities capabilities() const override {
        return sbx::observe::Capabilities{}.add(sbx::observe::Capability::Peek);
    }
    sbx::Result<sbx::observe::BrokerSnapshot> snapshot() override {
        sbx::observe::BrokerSnapshot snapshot;
        snapshot.overview.product = "Loopback 1.0";
        snapshot.overview.vhosts = {"0"};
        const auto add = [&](std::string id, std::string name, sbx::observe::DestinationKind kind,
                             std::uint64_t ready, std::string parent = {}, bool dead = false) {
            sbx::observe::Destination d;
            d.id = std::move(id);
            d.name = std::move(name);
            d.vhost = "0";
            d.kind = kind;
            d.messagesReady = ready;
            d.consumers = 1;
            d.parentId = std::move(parent);
            d.deadLetters = dead;
            snapshot.destinations.push_back(std::move(d));
        };
        using Kind = sbx::observe::DestinationKind;
        add("stream:orders", "orders", Kind::Stream, 1520);
        add("group:orders/billing", "billing", Kind::Queue, 12, "stream:orders");
        add("group:orders/shipping", "shipping", Kind::Queue, 3, "stream:orders");
        add("pending:orders/billing", "billing (pending > 5 min)", Kind::Queue, 4, "", true);
        add("queue:invoices", "invoices", Kind::Queue, 0);
        return snapshot;
    }
    sbx::Result<std::vector<sbx::observe::ObservedMessage>> peek(
        const sbx::observe::PeekRequest& request) override {
        if (!request.allowRequeue) {
            return sbx::Error{sbx::ErrorCode::Unsupported,
                              "RabbitMQ cannot peek without consuming: the test says so"};
        }
        sbx::observe::ObservedMessage message;
        message.destinationId = request.destinationId;
        message.payload = "requeued";
        return std::vector<sbx::observe::ObservedMessage>{message};
    }
    sbx::Status publish(const sbx::observe::PublishRequest&) override { return no(); }
    sbx::Result<std::uint64_t> purge(std::string_view) override { return no(); }
    sbx::Status remove(std::string_view) override { return no(); }
    sbx::Status declare(const sbx::observe::DeclareRequest&) override { return no(); }
    sbx::Status bind(const sbx::observe::BindRequest&) override { return no(); }
    sbx::Status unbind(const sbx::observe::BindRequest&) override { return no(); }
    sbx::Status disconnectClient(std::string_view) override { return no(); }
    sbx::Result<sbx::observe::RedriveResult> redrive(const sbx::observe::RedriveRequest&) override {
        return no();
    }
    ListenerId watchHops(HopListener) override { return 0; }
    void unwatchHops(ListenerId) override {}

private:
    static sbx::Error no() { return sbx::Error{sbx::ErrorCode::Unsupported, "not here"}; }
};

// A connector compiled into the test that really connects (NetworkStream), so a refused
// port gives the words every plugin gives. Option "delay_ms" waits before connecting, so
// the test can watch the GUI keep running while a Test is under way.
class LoopbackConnector final : public sbx::connect::Connector {
public:
    sbx::connect::ConnectorInfo info() const override {
        sbx::connect::ConnectorInfo info;
        info.id = "loopback";
        info.displayName = "Loopback";
        info.version = "0.1";
        info.defaultPort = 4222;
        info.fields.push_back({"database",
                               "Database",
                               sbx::connect::ProfileField::Kind::Number,
                               "0",
                               {},
                               "The database number"});
        info.fields.push_back({"mode",
                               "Mode",
                               sbx::connect::ProfileField::Kind::Choice,
                               "fast",
                               {"fast", "safe"},
                               ""});
        info.fields.push_back({"delay_ms",
                               "Connect delay (ms)",
                               sbx::connect::ProfileField::Kind::Number,
                               "0",
                               {},
                               ""});
        info.capabilities.add(sbx::observe::Capability::Peek);
        return info;
    }
    sbx::Result<std::unique_ptr<sbx::observe::BrokerSource>> open(
        const sbx::connect::ConnectionProfile& profile, const sbx::connect::Credentials&) override {
        std::this_thread::sleep_for(
            std::chrono::milliseconds(std::stoi(profile.option("delay_ms", "0"))));
        auto stream = sbx::connect::NetworkStream::connect(profile.host, profile.port, profile.tls,
                                                           profile.timeout);
        if (!stream) {
            return stream.error();
        }
        return std::unique_ptr<sbx::observe::BrokerSource>(std::make_unique<LoopbackSource>());
    }
};

// A socket that listens (the kernel completes connects into its backlog) until destroyed.
class Listener {
public:
    Listener() : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        ::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address);
        ::listen(fd_, 64);
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length);
        port_ = ntohs(address.sin_port);
    }
    ~Listener() { ::close(fd_); }
    Listener(const Listener&) = delete;
    Listener& operator=(const Listener&) = delete;
    [[nodiscard]] std::uint16_t port() const { return port_; }

private:
    int fd_;
    std::uint16_t port_ = 0;
};

void writeFile(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path) << text;
}

class Connections : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        qputenv("SBX_PLUGIN_PATH", SBX_TEST_PLUGIN_DIR);
        qputenv("SBX_KEYCHAIN", "memory");
    }

    void SetUp() override {
        window = std::make_unique<MainWindow>(settings, log, workspaces, broker);
        ui().plugins().registry()->add(std::make_shared<LoopbackConnector>());
        QString error;
        ASSERT_TRUE(workspaces.create(workspaceDir.path(), QStringLiteral("ops"), &error))
            << error.toStdString();
    }

    ConnectionsUi& ui() { return window->connections(); }
    fs::path root() const { return fs::path(workspaceDir.path().toStdString()); }

    QString brokerType(const QString& name) {
        const auto row = window->brokers().model().brokerIndex(name);
        return row.isValid() ? row.siblingAtColumn(BrokerTreeModel::TypeColumn).data().toString()
                             : QString();
    }

    void saveScreenshot(QWidget& widget, const char* file) {
        QDir().mkpath(QStringLiteral(SBX_SCREENSHOT_DIR));
        EXPECT_TRUE(
            widget.grab().save(QStringLiteral(SBX_SCREENSHOT_DIR "/") + QString::fromLatin1(file)));
    }

    QTemporaryDir workspaceDir;
    QTemporaryDir data;
    StudioSettings settings;
    sbx::LogHub log;
    WorkspaceController workspaces{settings, log};
    BrokerController broker{log};
    std::unique_ptr<MainWindow> window;
};

TEST_F(Connections, PluginsDialogListsLoadedAndFailedPlugins) {
    auto* action = window->findChild<QAction*>(QStringLiteral("action.help.plugins"));
    ASSERT_NE(action, nullptr);
    action->trigger();
    auto* dialog = window->findChild<PluginsDialog*>();
    ASSERT_NE(dialog, nullptr);
    auto& table = dialog->table();
    QStringList states;
    bool fakeLoaded = false;
    for (int row = 0; row < table.rowCount(); ++row) {
        const auto connector = table.item(row, PluginsDialog::ConnectorColumn)->text();
        const auto state = table.item(row, PluginsDialog::StateColumn)->text();
        const auto file = table.item(row, PluginsDialog::FileColumn)->text();
        states << file + QStringLiteral(": ") + state;
        if (connector == QLatin1String("Fake (fake)") && state == QLatin1String("Loaded")) {
            fakeLoaded = true;
            EXPECT_EQ(table.item(row, PluginsDialog::VersionColumn)->text(), "1.2.3");
        }
    }
    EXPECT_TRUE(fakeLoaded) << states.join('\n').toStdString();
    const auto joined = states.join('\n');
    // The throwing plugin and the one of another API version say why, and nothing crashed.
    EXPECT_TRUE(joined.contains(QRegularExpression(
        QStringLiteral("libsbx_connector_broken\\.so: Failed: .*info exploded"))))
        << joined.toStdString();
    EXPECT_TRUE(joined.contains(QRegularExpression(
        QStringLiteral("libsbx_connector_future\\.so: Failed: built for connector API"))))
        << joined.toStdString();
    EXPECT_TRUE(joined.contains(QStringLiteral("Shadowed"))) << joined.toStdString();
    dialog->close();
}

TEST_F(Connections, TestButtonReportsARefusedPortWithoutBlocking) {
    auto* dialog = ui().showAddConnection();
    ASSERT_NE(dialog, nullptr);
    dialog->connectorChoice().setCurrentIndex(dialog->connectorChoice().findData("loopback"));
    EXPECT_EQ(dialog->portEdit().value(), 4222);  // the connector's default
    dialog->nameEdit().setText(QStringLiteral("Staging"));
    const auto port = closedPort();
    dialog->portEdit().setValue(port);
    // The connector's own fields are part of the form.
    auto* delay = dialog->findChild<QLineEdit*>(QStringLiteral("connection.option.delay_ms"));
    ASSERT_NE(delay, nullptr);
    delay->setText(QStringLiteral("800"));
    const auto profile = dialog->profile();
    EXPECT_EQ(profile.options.at("mode"), "fast");
    EXPECT_EQ(profile.options.at("delay_ms"), "800");

    // The connect waits 800 ms on the worker; meanwhile the event loop keeps ticking.
    int ticks = 0;
    QTimer ticker;
    ticker.setInterval(20);
    QObject::connect(&ticker, &QTimer::timeout, [&] { ++ticks; });
    ticker.start();
    QSignalSpy finished(dialog, &ConnectionDialog::testFinished);
    dialog->testButton().click();
    EXPECT_TRUE(dialog->testing());
    EXPECT_FALSE(dialog->testButton().isEnabled());
    EXPECT_TRUE(dialog->resultLabel().text().startsWith(QStringLiteral("Connecting to")));
    ASSERT_TRUE(finished.wait(10000));
    EXPECT_GE(ticks, 20);
    EXPECT_FALSE(finished.at(0).at(0).toBool());
    const auto text = dialog->resultLabel().text();
    EXPECT_TRUE(
        text.startsWith(QStringLiteral("connection refused by 127.0.0.1:") + QString::number(port)))
        << text.toStdString();
    EXPECT_TRUE(dialog->testButton().isEnabled());
    saveScreenshot(*dialog, "studio-connection-dialog.png");
}

TEST_F(Connections, SavingWritesTheProfileWithoutThePassword) {
    auto* dialog = ui().showAddConnection();
    ASSERT_NE(dialog, nullptr);
    dialog->connectorChoice().setCurrentIndex(dialog->connectorChoice().findData("fake"));
    dialog->nameEdit().setText(QStringLiteral("Fake Production"));
    dialog->hostEdit().setText(QStringLiteral("127.0.0.1"));
    dialog->userEdit().setText(QStringLiteral("ops"));
    dialog->passwordEdit().setText(QStringLiteral("secret"));
    QSignalSpy saved(dialog, &ConnectionDialog::saved);
    ASSERT_TRUE(dialog->save().isEmpty());
    ASSERT_EQ(saved.count(), 1);

    QFile file(QString::fromStdString((root() / "connections" / "fake-production.json").string()));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const auto json = QString::fromUtf8(file.readAll());
    EXPECT_TRUE(json.contains(QStringLiteral("\"fake\""))) << json.toStdString();
    EXPECT_TRUE(json.contains(QStringLiteral("\"ops\""))) << json.toStdString();
    EXPECT_FALSE(json.contains(QStringLiteral("secret"))) << json.toStdString();
    EXPECT_EQ(ui().secrets().backend(), SecretStore::Backend::Memory);
    EXPECT_TRUE(dialog->findChild<QLabel*>(QStringLiteral("connection.secretNote"))
                    ->text()
                    .contains(QStringLiteral("memory")));

    // Saved means watched: the fake plugin (which wants the password "secret") reports.
    auto* monitor = ui().connections().monitorOf("fake-production");
    ASSERT_NE(monitor, nullptr);
    EXPECT_TRUE(QTest::qWaitFor([&] { return monitor->lastSnapshot() != nullptr; }, 10000))
        << monitor->status().toStdString();
}

TEST_F(Connections, WorkspaceProfilesAreWatchedAndUnreachableOnesReconnect) {
    Listener listener;
    const auto refused = closedPort();
    writeFile(root() / "connections" / "staging.json",
              R"({"id": "staging", "name": "Staging Redis", "connector": "loopback",
                  "host": "127.0.0.1", "port": )" +
                  std::to_string(listener.port()) + "}");
    writeFile(root() / "connections" / "prod.json",
              R"({"id": "prod", "name": "Production NATS", "connector": "loopback",
                  "host": "127.0.0.1", "port": )" +
                  std::to_string(refused) + "}");
    writeFile(root() / "connections" / "fake.json",
              R"({"id": "fake", "name": "Fake", "connector": "fake", "host": "127.0.0.1"})");
    ui().secrets().write(QStringLiteral("signalbox/fake"), QStringLiteral("secret"));
    sbx::broker::BrokerConfig config;
    config.mqttPort = 0;
    config.amqpPort = 0;
    config.dataDir = data.path().toStdString();
    QString error;
    ASSERT_TRUE(broker.start(config, &error)) << error.toStdString();
    ASSERT_TRUE(workspaces.open(workspaceDir.path(), &error)) << error.toStdString();
    ASSERT_EQ(ui().connections().profiles().size(), 3U);
    // Rules name brokers by their profile id.
    sbx::alerts::AlertRule backlog;
    backlog.id = "orders-backlog";
    backlog.name = "Orders backlog";
    backlog.broker = "staging";
    backlog.destination = "orders";
    backlog.condition = sbx::alerts::Condition::DepthAbove;
    backlog.threshold = 1000;
    sbx::alerts::AlertRule away = backlog;
    away.id = "prod-away";
    away.name = "Production away";
    away.broker = "prod";
    away.destination = "*";
    away.condition = sbx::alerts::Condition::Unreachable;
    ASSERT_TRUE(ui().alerts().saveRules({backlog, away}).isEmpty());

    auto& model = window->brokers().model();
    // The reachable broker: its stream holds its consumer groups; the dead-letter
    // destination is badged.
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return model.findDestination("Staging Redis", "group:orders/billing").isValid(); },
        10000));
    const auto group = model.findDestination("Staging Redis", "group:orders/billing");
    EXPECT_EQ(group.parent().data(BrokerTreeModel::DestinationIdRole).toString(), "stream:orders");
    const auto dead = model.findDestination("Staging Redis", "pending:orders/billing");
    EXPECT_TRUE(dead.data(BrokerTreeModel::BadgesRole).toInt() & BrokerTreeModel::DeadLetters);
    // The unreachable one says why and when it tries again, and the window never froze.
    EXPECT_TRUE(QTest::qWaitFor(
        [&] { return brokerType("Production NATS").contains(QStringLiteral("reconnecting in")); },
        10000))
        << brokerType("Production NATS").toStdString();
    EXPECT_TRUE(brokerType("Production NATS").startsWith(QStringLiteral("reconnecting in")));
    EXPECT_TRUE(brokerType("Production NATS").contains(QString::number(refused)));
    // Alerts: a badge on the stream above its threshold and on the unreachable broker.
    EXPECT_TRUE(QTest::qWaitFor(
        [&] {
            const auto stream = model.findDestination("Staging Redis", "stream:orders");
            return (stream.data(BrokerTreeModel::BadgesRole).toInt() & BrokerTreeModel::Alert) != 0;
        },
        10000));
    EXPECT_TRUE(QTest::qWaitFor(
        [&] {
            return (model.brokerIndex("Production NATS").data(BrokerTreeModel::BadgesRole).toInt() &
                    BrokerTreeModel::Alert) != 0;
        },
        10000));
    EXPECT_EQ(ui().alerts().model().rowCount(), 2);
    EXPECT_TRUE(QTest::qWaitFor(
        [&] { return model.findDestination("Fake", "queue:/orders").isValid(); }, 10000));
    EXPECT_TRUE(model.brokerIndex("embedded").isValid());

    // Views of a plugin broker: the peek RabbitMQ refuses is retried with consent.
    auto* staging = ui().connections().monitorOf("staging");
    auto* page = qobject_cast<MessageBrowserPage*>(
        ui().openMessageView(staging, QStringLiteral("messages"), QString()));
    ASSERT_NE(page, nullptr);
    int asked = 0;
    page->requeueConsent().setAsk([&](const QString&) {
        ++asked;
        return true;
    });
    page->browse(QStringLiteral("queue:invoices"));
    EXPECT_TRUE(QTest::qWaitFor([&] { return page->model().rowCount() == 1; }, 10000))
        << page->status().text().toStdString();
    EXPECT_EQ(asked, 1);

    window->resize(1400, 860);
    window->show();
    window->brokers().view().expandAll();
    window->window()->activateWindow();
    QTest::qWait(300);
    window->brokers().view().expandAll();
    // The fake broker's single queue says little; fold it so the others fit.
    auto& brokers = window->brokers();
    brokers.view().collapse(brokers.proxy().mapFromSource(model.brokerIndex("Fake")));
    saveScreenshot(*window, "studio-connections-explorer.png");

    // Removing a connection stops watching it and deletes its file.
    ui().connections().removeProfile("prod");
    EXPECT_FALSE(fs::exists(root() / "connections" / "prod.json"));
    EXPECT_TRUE(
        QTest::qWaitFor([&] { return !model.brokerIndex("Production NATS").isValid(); }, 5000));
}

TEST_F(Connections, DepthAlertOnTheEmbeddedBrokerShowsABadge) {
    sbx::broker::BrokerConfig config;
    config.mqttPort = 0;
    config.amqpPort = 0;
    config.dataDir = data.path().toStdString();
    QString error;
    ASSERT_TRUE(broker.start(config, &error)) << error.toStdString();
    window->monitors().embedded().setInterval(200ms);
    sbx::alerts::AlertRule rule;
    rule.id = "orders-depth";
    rule.name = "Orders piling up";
    rule.broker = "embedded";
    rule.destination = "orders";
    rule.condition = sbx::alerts::Condition::DepthAbove;
    rule.threshold = 2;
    ASSERT_TRUE(ui().alerts().saveRules({rule}).isEmpty());
    EXPECT_TRUE(fs::exists(root() / "alerts.json"));

    const auto published = sbx::test::runProcess({"/usr/bin/python3", "-c", R"(
import sys, pika
connection = pika.BlockingConnection(pika.ConnectionParameters('127.0.0.1', int(sys.argv[1])))
channel = connection.channel()
channel.confirm_delivery()
channel.queue_declare(queue='orders')
for i in range(3):
    channel.basic_publish(exchange='', routing_key='orders', body=b'order %d' % i)
connection.close()
)",
                                                  std::to_string(*broker.port("amqp"))});
    ASSERT_EQ(published.exitCode, 0) << published.err;

    auto& model = window->brokers().model();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const auto orders = model.findDestination("embedded", "queue://orders");
            return orders.isValid() &&
                   (orders.data(BrokerTreeModel::BadgesRole).toInt() & BrokerTreeModel::Alert) != 0;
        },
        10000));
    const auto orders = model.findDestination("embedded", "queue://orders");
    EXPECT_TRUE(orders.data(Qt::ToolTipRole).toString().contains(QStringLiteral("3")));
    auto& alerts = ui().alerts().model();
    ASSERT_EQ(alerts.rowCount(), 1);
    EXPECT_EQ(alerts.index(0, FiringAlertsModel::RuleColumn).data().toString(), "Orders piling up");
    EXPECT_EQ(alerts.index(0, FiringAlertsModel::BrokerColumn).data().toString(), "embedded");
}

TEST(FiringAlertsModelTest, PassesTheModelTester) {
    FiringAlertsModel model;
    ModelChecker checker(&model);
    std::vector<sbx::alerts::Alert> alerts(3);
    for (int i = 0; i < 3; ++i) {
        alerts[i].ruleName = "rule " + std::to_string(i);
        alerts[i].broker = "embedded";
        alerts[i].destinationId = "queue://q" + std::to_string(i);
        alerts[i].since = std::chrono::system_clock::now() + std::chrono::seconds(i);
    }
    model.setAlerts(alerts);
    EXPECT_EQ(model.rowCount(), 3);
    EXPECT_EQ(model.index(0, FiringAlertsModel::RuleColumn).data().toString(), "rule 2");
    model.setAlerts({});
    EXPECT_EQ(model.rowCount(), 0);
    EXPECT_TRUE(checker.problems().isEmpty()) << checker.report();
}

}  // namespace
