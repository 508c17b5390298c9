// The message views against the real embedded broker: messages published by pika and
// mosquitto_pub, browsed without consuming, filtered, exported and imported, composed in
// the publisher, redriven from a dead-letter queue, and traced hop by hop.
#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include "broker_controller.h"
#include "dead_letter_page.h"
#include "explorer_dock.h"
#include "main_window.h"
#include "message_browser_model.h"
#include "message_browser_page.h"
#include "message_filter_bar.h"
#include "message_view_widget.h"
#include "monitor_controller.h"
#include "payload_json_model.h"
#include "process.h"
#include "publisher_page.h"
#include "source_monitor.h"
#include "start_views.h"
#include "studio_settings.h"
#include "trace_model.h"
#include "trace_page.h"
#include "workspace_controller.h"
#include "workspace_tree_model.h"

namespace {

using namespace std::chrono_literals;

// pika from Debian (python3-pika) with the AMQP port in the environment.
sbx::test::ProcessResult pika(std::uint16_t port, const std::string& body) {
    const std::string script =
        "import os, pika, sys\n"
        "conn = pika.BlockingConnection(pika.ConnectionParameters('127.0.0.1', "
        "int(os.environ['AMQP_PORT'])))\n"
        "ch = conn.channel()\n" +
        body + "conn.close()\n";
    sbx::test::ProcessOptions options;
    options.env["AMQP_PORT"] = std::to_string(port);
    return sbx::test::runProcess({"/usr/bin/python3", "-c", script}, options);
}

// Keeps a picture of the window in <build>/screenshots for people to look at (offscreen
// rendering; the xvfb screenshot test covers the real window).
void keepPicture(QWidget& window, const char* file) {
    window.resize(1400, 900);
    QDir().mkpath(QStringLiteral(SBX_SCREENSHOT_DIR));
    EXPECT_TRUE(
        window.grab().save(QStringLiteral(SBX_SCREENSHOT_DIR "/") + QString::fromLatin1(file)));
}

std::uint64_t depth(std::uint16_t port, const std::string& queue) {
    const auto result =
        pika(port, "print(ch.queue_declare('" + queue + "', passive=True).method.message_count)\n");
    EXPECT_EQ(result.exitCode, 0) << result.err;
    return std::stoull(result.out.empty() ? "0" : result.out);
}

class MessageViews : public testing::Test {
protected:
    void SetUp() override {
        sbx::broker::BrokerConfig config;
        config.mqttPort = 0;
        config.wsPort = 0;
        config.amqpPort = 0;
        config.dataDir = data_.path().toStdString();
        QString error;
        ASSERT_TRUE(broker_.start(config, &error)) << error.toStdString();
        amqp_ = *broker_.port("amqp");
        mqtt_ = *broker_.port("mqtt");
        window_.monitors().embedded().setInterval(200ms);
    }

    // Waits until the monitor has seen `destinationId` (so views can list it).
    void waitForDestination(const std::string& destinationId) {
        auto& monitor = window_.monitors().embedded();
        ASSERT_TRUE(QTest::qWaitFor(
            [&] {
                const auto& s = monitor.lastSnapshot();
                return s && std::any_of(s->destinations.begin(), s->destinations.end(),
                                        [&](const auto& d) { return d.id == destinationId; });
            },
            10000));
    }

    QTemporaryDir data_;
    StudioSettings settings_;
    sbx::LogHub log_;
    WorkspaceController workspaces_{settings_, log_};
    BrokerController broker_{log_};
    MainWindow window_{settings_, log_, workspaces_, broker_};
    std::uint16_t amqp_ = 0;
    std::uint16_t mqtt_ = 0;
};

TEST_F(MessageViews, BrowserPeeksFiltersExportsAndImportsWithoutConsuming) {
    const auto published =
        pika(amqp_,
             "ch.queue_declare('browse-me')\n"
             "ch.basic_publish('', 'browse-me', b'{\"order\":{\"id\":7,\"items\":[1,2]}}', "
             "pika.BasicProperties(content_type='application/json', correlation_id='corr-1', "
             "message_id='m-1', headers={'tenant': 'acme'}))\n"
             "ch.basic_publish('', 'browse-me', b'plain text two')\n"
             "ch.basic_publish('', 'browse-me', b'plain text three', "
             "pika.BasicProperties(headers={'tenant': 'globex'}))\n");
    ASSERT_EQ(published.exitCode, 0) << published.err;
    waitForDestination("queue://browse-me");

    auto* page = window_.openMessageBrowser();
    QAbstractItemModelTester tester(&page->model(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester jsonTester(&page->detail().jsonModel(),
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
    page->browse(QStringLiteral("queue://browse-me"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return page->model().rowCount() == 3; }, 10000))
        << page->status().text().toStdString();

    auto& model = page->model();
    EXPECT_EQ(model.index(0, MessageBrowserModel::ContentType).data().toString(),
              QStringLiteral("application/json"));
    EXPECT_EQ(model.index(0, MessageBrowserModel::CorrelationId).data().toString(),
              QStringLiteral("corr-1"));
    EXPECT_EQ(model.index(0, MessageBrowserModel::MessageId).data().toString(),
              QStringLiteral("m-1"));

    page->table().selectRow(0);
    const auto pretty = page->detail().prettyText().toPlainText();
    EXPECT_TRUE(pretty.contains(QStringLiteral("{\n  \"order\": {\n    \"id\": 7,")))
        << pretty.toStdString();
    EXPECT_EQ(page->detail().jsonModel().rowCount(), 1);  // "order"
    keepPicture(window_, "studio-message-browser.png");
    const auto fields = page->detail().fields().findItems(QStringLiteral("tenant"),
                                                          Qt::MatchRecursive | Qt::MatchExactly);
    ASSERT_EQ(fields.size(), 1);
    EXPECT_EQ(fields.front()->text(1), QStringLiteral("acme"));

    // Browsing consumed nothing.
    EXPECT_EQ(depth(amqp_, "browse-me"), 3U);

    // Filters: payload text, then header value.
    page->filterBar().payloadEdit().setText(QStringLiteral("three"));
    EXPECT_EQ(model.rowCount(), 1);
    page->filterBar().payloadEdit().clear();
    page->filterBar().fieldsEdit().setText(QStringLiteral("tenant=glob"));
    EXPECT_EQ(model.rowCount(), 1);
    EXPECT_EQ(QString::fromStdString(model.message(0).payload), QStringLiteral("plain text three"));
    page->filterBar().fieldsEdit().clear();
    EXPECT_EQ(model.rowCount(), 3);

    // Diff of two selected messages.
    page->table().selectAll();
    page->table().clearSelection();
    page->table().selectionModel()->select(model.index(1, 0),
                                           QItemSelectionModel::Select | QItemSelectionModel::Rows);
    page->table().selectionModel()->select(model.index(2, 0),
                                           QItemSelectionModel::Select | QItemSelectionModel::Rows);
    const auto diff = page->diffSelected();
    EXPECT_TRUE(diff.contains(QStringLiteral("-plain text two\n+plain text three")))
        << diff.toStdString();

    // Export the shown messages, import them: the queue holds each twice, same bytes.
    QTemporaryDir files;
    for (const auto* name : {"messages.jsonl", "messages.csv"}) {
        const auto path = files.filePath(QString::fromLatin1(name));
        ASSERT_TRUE(page->exportTo(path).isEmpty());
    }
    QSignalSpy published2(page, &MessageBrowserPage::publishFinished);
    ASSERT_TRUE(page->importFrom(files.filePath(QStringLiteral("messages.jsonl"))).isEmpty());
    ASSERT_TRUE(published2.wait(10000));
    EXPECT_EQ(published2.front().at(0).toInt(), 3);
    EXPECT_TRUE(published2.front().at(1).toString().isEmpty());
    EXPECT_EQ(depth(amqp_, "browse-me"), 6U);
    page->peek();
    ASSERT_TRUE(QTest::qWaitFor([&] { return model.rowCount() == 6; }, 10000));
    EXPECT_EQ(model.message(3).payload, model.message(0).payload);
    EXPECT_EQ(MessageBrowserModel::field(model.message(3).properties, "correlation-id"),
              QStringLiteral("corr-1"));
    EXPECT_EQ(model.message(5).payload, "plain text three");
}

TEST_F(MessageViews, BrowserShowsMqttRetainedMessage) {
    const auto pub =
        sbx::test::runProcess({"mosquitto_pub", "-h", "127.0.0.1", "-p", std::to_string(mqtt_),
                               "-t", "sensors/t1", "-m", R"({"celsius":21.5})", "-r", "-q", "1",
                               "-V", "5", "-D", "publish", "content-type", "application/json"});
    ASSERT_EQ(pub.exitCode, 0) << pub.err;
    waitForDestination("topic:sensors/t1");
    auto* page = window_.openMessageBrowser();
    page->browse(QStringLiteral("topic:sensors/t1"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return page->model().rowCount() == 1; }, 10000))
        << page->status().text().toStdString();
    page->table().selectRow(0);
    EXPECT_TRUE(
        page->detail().prettyText().toPlainText().contains(QStringLiteral("\"celsius\": 21.5")));
}

TEST_F(MessageViews, PublisherSendsNTimesToAConsumer) {
    ASSERT_EQ(pika(amqp_, "ch.queue_declare('published')\n").exitCode, 0);
    auto* page = window_.openPublisher();
    sbx::observe::PublishRequest request;
    request.routingKey = "published";
    request.payload = R"({"hello":"pika"})";
    request.properties = {{"content-type", "application/json"}};
    request.headers = {{"source", "studio"}};
    page->setRequest(request);
    page->setCount(5);
    page->setRate(100);
    QSignalSpy finished(page, &PublisherPage::finished);
    page->send();
    ASSERT_TRUE(finished.wait(10000));
    EXPECT_EQ(finished.front().at(0).toInt(), 5);
    keepPicture(window_, "studio-publisher.png");
    EXPECT_TRUE(page->result().text().contains(QStringLiteral("5")))
        << page->result().text().toStdString();
    const auto consumed = pika(amqp_,
                               "n = 0\n"
                               "while True:\n"
                               "    m, p, b = ch.basic_get('published', auto_ack=True)\n"
                               "    if m is None: break\n"
                               "    assert b == b'{\"hello\":\"pika\"}', b\n"
                               "    assert p.headers['source'] == 'studio', p.headers\n"
                               "    n += 1\n"
                               "print(n)\n");
    ASSERT_EQ(consumed.exitCode, 0) << consumed.err;
    EXPECT_EQ(consumed.out, "5\n");
}

TEST_F(MessageViews, PublisherSendsMqttToASubscriber) {
    auto* page = window_.openPublisher();
    sbx::observe::PublishRequest request;
    request.protocol = "mqtt";
    request.routingKey = "studio/out";
    request.payload = "from the publisher";
    request.qos = 1;
    request.retain = true;
    page->setRequest(request);
    QSignalSpy finished(page, &PublisherPage::finished);
    page->send();
    ASSERT_TRUE(finished.wait(10000));
    const auto sub =
        sbx::test::runProcess({"mosquitto_sub", "-h", "127.0.0.1", "-p", std::to_string(mqtt_),
                               "-t", "studio/out", "-C", "1", "-W", "10"});
    ASSERT_EQ(sub.exitCode, 0) << sub.err;
    EXPECT_EQ(sub.out, "from the publisher\n");
}

TEST_F(MessageViews, DemoWorkspaceTemplatesLoadAndPublish) {
    ASSERT_TRUE(workspaces_.openInitial(QString()));  // unpacks the demo workspace
    ASSERT_EQ(pika(amqp_,
                   "ch.queue_declare('demo-paid')\n"
                   "ch.queue_bind('demo-paid', 'amq.topic', 'shop.orders.paid')\n")
                  .exitCode,
              0);
    auto* page = window_.openPublisher();
    auto* templates = page->findChild<QComboBox*>(QStringLiteral("publisher.templates"));
    ASSERT_NE(templates, nullptr);
    QStringList names;
    for (int i = 1; i < templates->count(); ++i) {
        names << templates->itemText(i);
    }
    ASSERT_EQ(names, (QStringList{QStringLiteral("Order created (MQTT 5)"),
                                  QStringLiteral("Order paid (AMQP)")}));
    for (int i = 1; i < templates->count(); ++i) {
        templates->setCurrentIndex(i);
        emit templates->activated(i);
        QSignalSpy finished(page, &PublisherPage::finished);
        page->send();
        ASSERT_TRUE(finished.wait(10000));
        EXPECT_EQ(finished.front().at(0).toInt(), 1) << names[i - 1].toStdString();
        EXPECT_TRUE(finished.front().at(1).toString().isEmpty())
            << finished.front().at(1).toString().toStdString();
    }
    EXPECT_EQ(page->request().protocol, "amqp");
    const auto got = pika(amqp_,
                          "m, p, b = ch.basic_get('demo-paid', auto_ack=True)\n"
                          "print(m.routing_key, p.content_type, p.correlation_id, "
                          "p.delivery_mode, p.headers['traceparent'][:2], b'amount' in b)\n");
    ASSERT_EQ(got.exitCode, 0) << got.err;
    EXPECT_EQ(got.out, "shop.orders.paid application/json demo-0001 2 00 True\n");
}

// `signalbox --open publisher=TEMPLATE` starts with a saved template loaded.
TEST_F(MessageViews, StartViewLoadsAPublisherTemplateByName) {
    ASSERT_TRUE(workspaces_.openInitial(QString()));  // the demo, with its templates
    EXPECT_TRUE(openStartViews(window_, {QStringLiteral("publisher=Order paid (AMQP)")}).isEmpty());
    auto* page = qobject_cast<PublisherPage*>(window_.tabs().currentWidget());
    ASSERT_NE(page, nullptr);
    EXPECT_EQ(page->request().exchange, "amq.topic");
    EXPECT_EQ(page->request().routingKey, "shop.orders.paid");
    EXPECT_EQ(openStartViews(window_, {QStringLiteral("publisher=No such template")}),
              QStringList{QStringLiteral("publisher=No such template")});
}

TEST_F(MessageViews, DeadLettersAreListedAndRedrivenExactlyOnce) {
    const auto setup = pika(amqp_,
                            "ch.queue_declare('work-dlq')\n"
                            "ch.queue_declare('work', arguments={'x-dead-letter-exchange': '', "
                            "'x-dead-letter-routing-key': 'work-dlq'})\n"
                            "for i in range(7):\n"
                            "    ch.basic_publish('', 'work', ('job %d' % i).encode())\n"
                            "for i in range(7):\n"
                            "    m, p, b = ch.basic_get('work')\n"
                            "    ch.basic_reject(m.delivery_tag, requeue=False)\n");
    ASSERT_EQ(setup.exitCode, 0) << setup.err;
    ASSERT_EQ(depth(amqp_, "work-dlq"), 7U);
    waitForDestination("queue://work-dlq");

    auto* page = window_.openDeadLetters();
    QAbstractItemModelTester tester(&page->model(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy refreshed(page, &DeadLetterPage::refreshed);
    page->showQueue(QStringLiteral("queue://work-dlq"));
    ASSERT_TRUE(refreshed.wait(10000)) << page->status().text().toStdString();
    ASSERT_EQ(page->model().rowCount(), 7);
    page->table().selectRow(0);
    ASSERT_EQ(page->deaths().topLevelItemCount(), 1);
    EXPECT_EQ(page->deaths().topLevelItem(0)->text(0), QStringLiteral("work"));
    EXPECT_EQ(page->deaths().topLevelItem(0)->text(1), QStringLiteral("rejected"));
    EXPECT_EQ(page->deaths().topLevelItem(0)->text(5), QStringLiteral("work"));
    keepPicture(window_, "studio-dead-letters.png");

    // Cancel after the first batch: what moved is in "work", the rest still in the DLQ.
    page->setBatchSize(3);
    QSignalSpy finished(page, &DeadLetterPage::redriveFinished);
    page->redriveAll();
    page->cancel();
    ASSERT_TRUE(finished.wait(10000));
    const auto moved = finished.front().at(0).toULongLong();
    EXPECT_EQ(moved, 3U);
    EXPECT_EQ(depth(amqp_, "work") + depth(amqp_, "work-dlq"), 7U);

    finished.clear();
    page->redriveAll();
    ASSERT_TRUE(finished.wait(10000));
    EXPECT_TRUE(finished.front().at(1).toString().isEmpty());
    EXPECT_EQ(depth(amqp_, "work-dlq"), 0U);
    EXPECT_EQ(depth(amqp_, "work"), 7U);
    const auto bodies = pika(amqp_,
                             "seen = []\n"
                             "while True:\n"
                             "    m, p, b = ch.basic_get('work', auto_ack=True)\n"
                             "    if m is None: break\n"
                             "    seen.append(b.decode())\n"
                             "print(','.join(sorted(seen)))\n");
    EXPECT_EQ(bodies.out, "job 0,job 1,job 2,job 3,job 4,job 5,job 6\n");
}

TEST_F(MessageViews, TraceShowsAnAmqpMessageFromPublishToAck) {
    ASSERT_EQ(pika(amqp_, "ch.queue_declare('traced')\n").exitCode, 0);
    auto* page = window_.openTrace();
    QAbstractItemModelTester tester(&page->model(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    page->setFollow(true, QStringLiteral("corr-trace"));
    const auto flow = pika(amqp_,
                           "ch.basic_publish('', 'traced', b'x', "
                           "pika.BasicProperties(correlation_id='corr-trace-9'))\n"
                           "m, p, b = ch.basic_get('traced')\n"
                           "ch.basic_ack(m.delivery_tag)\n");
    ASSERT_EQ(flow.exitCode, 0) << flow.err;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const auto found = page->index().find("corr-trace-9");
            // Indexed on the trace worker, then listed by the GUI thread (followed).
            return !found.empty() && page->index().trace(found.front()).hops.size() >= 4 &&
                   page->traces().count() >= 1;
        },
        10000));
    ASSERT_TRUE(page->search(QStringLiteral("corr-trace-9")));
    const auto path = page->model().path();
    EXPECT_TRUE(path.startsWith(QStringLiteral("published → routed → delivered → acked")))
        << path.toStdString();
    EXPECT_TRUE(page->summary().text().contains(QStringLiteral("corr-trace-9")));
    keepPicture(window_, "studio-trace.png");
    EXPECT_FALSE(page->search(QStringLiteral("no-such-id")));
}

// A message that dies in one queue and is consumed from its dead-letter queue reads as
// one trace, asked by either of its broker ids.
TEST_F(MessageViews, TraceFollowsAMessageIntoItsDeadLetterQueue) {
    ASSERT_EQ(pika(amqp_,
                   "ch.queue_declare('dl-parked')\n"
                   "ch.queue_declare('dl-work', arguments={'x-dead-letter-exchange': '', "
                   "'x-dead-letter-routing-key': 'dl-parked'})\n")
                  .exitCode,
              0);
    auto* page = window_.openTrace();
    page->setFollow(true, QStringLiteral("corr-dl"));
    const auto flow = pika(amqp_,
                           "ch.basic_publish('', 'dl-work', b'x', "
                           "pika.BasicProperties(correlation_id='corr-dl-1'))\n"
                           "m, p, b = ch.basic_get('dl-work')\n"
                           "ch.basic_reject(m.delivery_tag, requeue=False)\n"
                           "import time\n"
                           "for _ in range(100):\n"
                           "    m, p, b = ch.basic_get('dl-parked')\n"
                           "    if m: break\n"
                           "    time.sleep(0.05)\n"
                           "ch.basic_ack(m.delivery_tag)\n");
    ASSERT_EQ(flow.exitCode, 0) << flow.err;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const auto found = page->index().find("corr-dl-1");
            return !found.empty() && page->index().trace(found.front()).chain.size() == 2 &&
                   page->index().trace(found.front()).state() == sbx::observe::HopKind::Acked;
        },
        10000));
    ASSERT_TRUE(page->search(QStringLiteral("corr-dl-1")));
    const auto path = page->model().path();
    EXPECT_TRUE(path.startsWith(QStringLiteral("published → routed → delivered")))
        << path.toStdString();
    EXPECT_TRUE(path.contains(QStringLiteral("dead-lettered → routed → delivered → acked")))
        << path.toStdString();
    EXPECT_TRUE(page->summary().text().contains(QStringLiteral("continues as #")))
        << page->summary().text().toStdString();
    const auto chain = page->index().trace(page->index().find("corr-dl-1").front()).chain;
    EXPECT_EQ(page->index().trace(chain.back()).hops.size(),
              static_cast<std::size_t>(page->model().rowCount()));
}

// Across protocols: an MQTT 5 message bridged to amq.topic, consumed and acked by an AMQP
// client, is one trace found by its MQTT correlation data.
TEST_F(MessageViews, TraceFollowsAnMqttMessageToItsAmqpConsumer) {
    ASSERT_EQ(pika(amqp_,
                   "ch.queue_declare('bridged-readings')\n"
                   "ch.queue_bind('bridged-readings', 'amq.topic', 'plant.line1.temp')\n")
                  .exitCode,
              0);
    auto* page = window_.openTrace();
    const auto pub = sbx::test::runProcess(
        {"mosquitto_pub", "-h", "127.0.0.1", "-p", std::to_string(mqtt_), "-V", "5", "-t",
         "plant/line1/temp", "-m", "21.5", "-D", "publish", "correlation-data", "corr-bridge-1"});
    ASSERT_EQ(pub.exitCode, 0) << pub.err;
    const auto consumed = pika(amqp_,
                               "import time\n"
                               "for _ in range(100):\n"
                               "    m, p, b = ch.basic_get('bridged-readings')\n"
                               "    if m: break\n"
                               "    time.sleep(0.05)\n"
                               "ch.basic_ack(m.delivery_tag)\n"
                               "print(b.decode())\n");
    ASSERT_EQ(consumed.exitCode, 0) << consumed.err;
    EXPECT_EQ(consumed.out, "21.5\n");
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const auto found = page->index().find("corr-bridge-1");
            return !found.empty() &&
                   page->index().trace(found.front()).state() == sbx::observe::HopKind::Acked;
        },
        10000));
    ASSERT_TRUE(page->search(QStringLiteral("corr-bridge-1")));
    const auto path = page->model().path();
    EXPECT_TRUE(path.startsWith(QStringLiteral("published → routed")) &&
                path.endsWith(QStringLiteral("routed → delivered → acked")))
        << path.toStdString();
    const auto& model = page->model();
    QStringList protocols;
    for (int row = 0; row < model.rowCount(); ++row) {
        protocols << model.index(row, TraceModel::Protocol).data().toString();
    }
    EXPECT_EQ(protocols.first(), QStringLiteral("mqtt"));
    EXPECT_EQ(protocols.last(), QStringLiteral("amqp"));
    keepPicture(window_, "studio-trace-mqtt-to-amqp.png");
}

// A saved filter is a workspace item: a file in the workspace's filters/ folder that the
// explorer lists under "Message filters" as soon as it is written.
TEST_F(MessageViews, SavedFiltersAreWorkspaceItems) {
    QTemporaryDir folder;
    const auto root = folder.filePath(QStringLiteral("shop"));
    QString error;
    ASSERT_TRUE(workspaces_.create(root, QStringLiteral("Shop"), &error)) << error.toStdString();
    auto* page = window_.openMessageBrowser();
    page->filterBar().payloadEdit().setText(QStringLiteral("error"));
    ASSERT_TRUE(page->filterBar().save(QStringLiteral("errors only")).isEmpty());
    EXPECT_TRUE(QFile::exists(root + QStringLiteral("/filters/errors-only.json")));

    const auto items = workspaces_.current()->items();
    EXPECT_TRUE(std::any_of(items.begin(), items.end(), [](const auto& item) {
        return item.kind == sbx::workspace::ItemKind::Filter &&
               item.relativePath == std::filesystem::path("filters/errors-only.json");
    }));
    const auto& model = window_.explorer().model();
    const auto found =
        model.match(model.index(0, 0), Qt::DisplayRole, QStringLiteral("errors-only.json"), 1,
                    Qt::MatchExactly | Qt::MatchRecursive);
    ASSERT_EQ(found.size(), 1);
    EXPECT_EQ(found.front().parent().data().toString(), QStringLiteral("Message filters"));
}

// Live on a topic: with the source's live tail every message shows, in batches, not
// only the last value a refresh happened to see.
TEST_F(MessageViews, LiveTailShowsEveryMessageOfATopic) {
    auto* page = window_.openMessageBrowser();
    page->browse(QStringLiteral("topic:live/tail"));
    page->setLive(true);
    const bool tailing = page->tailing();
    EXPECT_EQ(tailing, window_.monitors().embedded().capabilities().has(
                           sbx::observe::Capability::LiveMessages));
    if (tailing) {
        ASSERT_TRUE(QTest::qWaitFor([&] { return page->tailStarted(); }, 10000));
    }
    for (int i = 0; i < 5; ++i) {
        const auto pub =
            sbx::test::runProcess({"mosquitto_pub", "-h", "127.0.0.1", "-p", std::to_string(mqtt_),
                                   "-t", "live/tail", "-m", "{\"n\": " + std::to_string(i) + "}"});
        ASSERT_EQ(pub.exitCode, 0) << pub.err;
    }
    auto& model = page->model();
    const auto shows = [&](const std::string& payload) {
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.message(row).payload == payload) {
                return true;
            }
        }
        return false;
    };
    ASSERT_TRUE(QTest::qWaitFor([&] { return shows("{\"n\": 4}"); }, 10000))
        << page->status().text().toStdString();
    if (tailing) {
        for (int i = 0; i < 4; ++i) {
            EXPECT_TRUE(shows("{\"n\": " + std::to_string(i) + "}")) << i;
        }
    }
    page->setLive(false);
    EXPECT_FALSE(page->tailing());
}

}  // namespace
