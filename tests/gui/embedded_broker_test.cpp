#include <gtest/gtest.h>

#include <QAction>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "broker_controller.h"
#include "child_process.h"
#include "main_window.h"
#include "overview_page.h"
#include "process.h"
#include "studio_settings.h"
#include "workspace_controller.h"

namespace {

sbx::broker::BrokerConfig freePorts(const QString& dataDir) {
    sbx::broker::BrokerConfig config;
    config.mqttPort = 0;
    config.wsPort = 0;
    config.amqpPort = 0;
    config.sysIntervalSeconds = 1;
    config.dataDir = dataDir.toStdString();
    return config;
}

std::string portText(std::uint16_t port) {
    return std::to_string(port);
}

// The studio's embedded broker serves ordinary clients (mosquitto_pub / mosquitto_sub).
TEST(EmbeddedBroker, ServesRealClientsAndShowsWhereItListens) {
    QTemporaryDir data;
    StudioSettings settings;
    sbx::LogHub log;
    WorkspaceController workspaces(settings, log);
    BrokerController broker(log);
    MainWindow window(settings, log, workspaces, broker);
    QString error;
    ASSERT_TRUE(broker.start(freePorts(data.path()), &error)) << error.toStdString();
    const auto port = broker.port("mqtt");
    ASSERT_TRUE(port.has_value());
    ASSERT_TRUE(broker.port("ws").has_value());

    const auto* status = window.findChild<QLabel*>(QStringLiteral("label.brokerStatus"));
    ASSERT_NE(status, nullptr);
    EXPECT_TRUE(status->text().contains(QStringLiteral("MQTT 127.0.0.1:%1").arg(*port)))
        << status->text().toStdString();
    EXPECT_TRUE(window.overview().brokerText().contains(QString::number(*port)));

    // A retained message, then a v5 subscriber that must get it.
    const auto pub =
        sbx::test::runProcess({"mosquitto_pub", "-h", "127.0.0.1", "-p", portText(*port), "-t",
                               "studio/test", "-m", "hello studio", "-r", "-q", "1", "-V", "5"});
    ASSERT_EQ(pub.exitCode, 0) << pub.err;
    const auto sub =
        sbx::test::runProcess({"mosquitto_sub", "-h", "127.0.0.1", "-p", portText(*port), "-t",
                               "studio/#", "-C", "1", "-v", "-V", "311", "-W", "10"});
    ASSERT_EQ(sub.exitCode, 0) << sub.err;
    EXPECT_EQ(sub.out, "studio/test hello studio\n");

    // AMQP clients reach the same embedded broker (amqp-tools from Debian).
    const auto amqpPort = broker.port("amqp");
    ASSERT_TRUE(amqpPort.has_value());
    EXPECT_TRUE(status->text().contains(QStringLiteral("AMQP 127.0.0.1:%1").arg(*amqpPort)));
    const auto declared = sbx::test::runProcess(
        {"amqp-declare-queue", "--url", "amqp://guest:guest@127.0.0.1:" + portText(*amqpPort), "-q",
         "studio-queue"});
    ASSERT_EQ(declared.exitCode, 0) << declared.err;
    EXPECT_EQ(declared.out, "studio-queue\n");

    const auto stats = broker.stats();
    EXPECT_GE(stats.messagesReceived, 1U);
    EXPECT_GE(stats.retainedMessages, 1U);
}

// The status bar counts the clients of every protocol, not only MQTT's.
TEST(EmbeddedBroker, StatusBarCountsAmqpAndMqttClients) {
    QTemporaryDir data;
    StudioSettings settings;
    sbx::LogHub log;
    WorkspaceController workspaces(settings, log);
    BrokerController broker(log);
    MainWindow window(settings, log, workspaces, broker);
    QString error;
    ASSERT_TRUE(broker.start(freePorts(data.path()), &error)) << error.toStdString();
    sbx::test::ChildProcess amqpClient(
        {"/usr/bin/python3", "-c",
         "import pika, sys, time\n"
         "c = pika.BlockingConnection(pika.ConnectionParameters('127.0.0.1', " +
             portText(*broker.port("amqp")) +
             "))\n"
             "print('connected', flush=True)\n"
             "time.sleep(60)\n"});
    ASSERT_TRUE(amqpClient.waitForLines(1, std::chrono::seconds(10)));
    sbx::test::ChildProcess mqttClient({"/usr/bin/mosquitto_sub", "-h", "127.0.0.1", "-p",
                                        portText(*broker.port("mqtt")), "-t", "x", "-W", "60"});
    const auto* label = window.findChild<QLabel*>(QStringLiteral("label.brokerStats"));
    ASSERT_NE(label, nullptr);
    EXPECT_TRUE(QTest::qWaitFor(
        [&] { return label->text().startsWith(QStringLiteral("Clients: 2 ")); }, 10000))
        << label->text().toStdString();
    EXPECT_EQ(broker.stats().clientsConnected, 1U);  // $SYS's MQTT-only count
}

TEST(EmbeddedBroker, StopAndStartFromTheMenu) {
    QTemporaryDir data;
    StudioSettings settings;
    sbx::LogHub log;
    WorkspaceController workspaces(settings, log);
    BrokerController broker(log);
    MainWindow window(settings, log, workspaces, broker);
    ASSERT_TRUE(broker.start(freePorts(data.path())));
    auto* stop = window.findChild<QAction*>(QStringLiteral("action.broker.stop"));
    auto* start = window.findChild<QAction*>(QStringLiteral("action.broker.start"));
    ASSERT_NE(stop, nullptr);
    ASSERT_NE(start, nullptr);
    EXPECT_TRUE(stop->isEnabled());
    EXPECT_FALSE(start->isEnabled());

    stop->trigger();
    EXPECT_FALSE(broker.running());
    EXPECT_TRUE(start->isEnabled());
    EXPECT_EQ(window.findChild<QLabel*>(QStringLiteral("label.brokerStatus"))->text(),
              "Broker stopped");

    start->trigger();
    EXPECT_TRUE(broker.running());
    const auto sub = sbx::test::runProcess({"mosquitto_pub", "-h", "127.0.0.1", "-p",
                                            portText(*broker.port("mqtt")), "-t", "x", "-m", "y"});
    EXPECT_EQ(sub.exitCode, 0) << sub.err;
}

TEST(EmbeddedBroker, TakenPortFallsBackToAFreeOne) {
    QTemporaryDir first;
    QTemporaryDir second;
    sbx::LogHub log;
    BrokerController holder(log);
    ASSERT_TRUE(holder.start(freePorts(first.path())));
    auto config = freePorts(second.path());
    config.mqttPort = holder.port("mqtt");
    config.wsPort.reset();
    BrokerController broker(log);
    QString error;
    ASSERT_TRUE(broker.start(config, &error)) << error.toStdString();
    EXPECT_NE(broker.port("mqtt"), holder.port("mqtt"));
}

TEST(EmbeddedBroker, UnusableDataDirSaysWhy) {
    sbx::LogHub log;
    BrokerController broker(log);
    auto config = freePorts(QStringLiteral("/proc/version/not-a-dir"));
    QString error;
    EXPECT_FALSE(broker.start(config, &error));
    EXPECT_FALSE(error.isEmpty());
    EXPECT_TRUE(broker.statusText().startsWith("Broker not running"))
        << broker.statusText().toStdString();
}

}  // namespace
