// The studio attached to a remote `sbx broker` process over its management API: the
// message browser's Live mode follows a queue and an MQTT topic of that broker through
// /api/v1/messages/live, with messages published by pika and mosquitto_pub.
#include <gtest/gtest.h>

#include <QDir>
#include <QLabel>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "broker_controller.h"
#include "child_process.h"
#include "connections_ui.h"
#include "main_window.h"
#include "message_browser_model.h"
#include "message_browser_page.h"
#include "monitor_controller.h"
#include "process.h"
#include "source_monitor.h"
#include "studio_settings.h"
#include "trace_model.h"
#include "trace_page.h"
#include "workspace_controller.h"

namespace {

using namespace std::chrono_literals;

std::uint16_t portOf(const std::string& line) {
    return static_cast<std::uint16_t>(std::stoi(line.substr(line.rfind(':') + 1)));
}

class RemoteLiveTail : public testing::Test {
protected:
    void SetUp() override {
        remote_ = std::make_unique<sbx::test::ChildProcess>(
            std::vector<std::string>{SBX_CLI_PATH, "broker", "--amqp-port", "0", "--mqtt-port", "0",
                                     "--http-port", "0", "--sys-interval", "0"});
        const auto http = remote_->readLineContaining("listening http ", 20s);
        ASSERT_FALSE(http.empty()) << "the remote broker printed no http listener";
        http_ = portOf(http);
        for (const auto& line : remote_->lines()) {
            if (line.starts_with("listening mqtt ")) {
                mqtt_ = portOf(line);
            } else if (line.starts_with("listening amqp ")) {
                amqp_ = portOf(line);
            }
        }
        ASSERT_NE(mqtt_, 0);
        ASSERT_NE(amqp_, 0);
        QString error;
        monitor_ = window_.monitors().attachRemote("127.0.0.1", http_, &error);
        ASSERT_NE(monitor_, nullptr) << error.toStdString();
    }

    void pika(const std::string& body) {
        const std::string script =
            "import sys, pika\n"
            "c = pika.BlockingConnection(pika.ConnectionParameters('127.0.0.1', "
            "int(sys.argv[1])))\n"
            "ch = c.channel()\n"
            "ch.confirm_delivery()\n" +
            body + "c.close()\n";
        const auto result =
            sbx::test::runProcess({"/usr/bin/python3", "-c", script, std::to_string(amqp_)});
        ASSERT_EQ(result.exitCode, 0) << result.err;
    }

    static bool shows(MessageBrowserModel& model, const std::vector<std::string>& payloads) {
        if (model.rowCount() < static_cast<int>(payloads.size())) {
            return false;
        }
        for (std::size_t i = 0; i < payloads.size(); ++i) {
            if (model.message(static_cast<int>(i)).payload != payloads[i]) {
                return false;
            }
        }
        return true;
    }

    // The number after `name ` in the remote broker's /metrics.
    std::string metric(const std::string& name) const {
        const auto text =
            sbx::test::runProcess(
                {"curl", "-sS", "--fail", "http://127.0.0.1:" + std::to_string(http_) + "/metrics"})
                .out;
        const auto at = text.find("\n" + name + " ");
        if (at == std::string::npos) {
            return "(missing)";
        }
        const auto start = at + name.size() + 2;
        return text.substr(start, text.find('\n', start) - start);
    }

    std::unique_ptr<sbx::test::ChildProcess> remote_;
    std::uint16_t http_ = 0;
    std::uint16_t mqtt_ = 0;
    std::uint16_t amqp_ = 0;
    StudioSettings settings_;
    sbx::LogHub log_;
    WorkspaceController workspaces_{settings_, log_};
    BrokerController broker_{log_};  // the embedded broker stays stopped: only the remote
    MainWindow window_{settings_, log_, workspaces_, broker_};
    SourceMonitor* monitor_ = nullptr;
};

TEST_F(RemoteLiveTail, LiveModeShowsEveryMessagePublishedToTheRemoteBroker) {
    EXPECT_TRUE(monitor_->capabilities().has(sbx::observe::Capability::LiveMessages));
    pika("ch.queue_declare('remote.orders')\n");

    MessageBrowserPage page(*monitor_);
    page.browse(QStringLiteral("queue://remote.orders"));
    page.setLive(true);
    ASSERT_TRUE(page.tailing()) << page.status().text().toStdString();
    // The watch starts on the monitor's worker (the WebSocket handshake is off the GUI).
    ASSERT_TRUE(QTest::qWaitFor([&] { return page.tailStarted(); }, 10000))
        << page.status().text().toStdString();
    EXPECT_EQ(metric("sbx_management_live_tails"), "1");

    pika(
        "for i in range(5):\n"
        "    ch.basic_publish('', 'remote.orders', b'order %d' % i,\n"
        "                     pika.BasicProperties(content_type='text/plain'))\n");
    auto& model = page.model();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return shows(model, {"order 0", "order 1", "order 2", "order 3", "order 4"});
        },
        10000))
        << model.rowCount() << " rows; " << page.status().text().toStdString();
    EXPECT_EQ(model.message(0).destinationId, "queue://remote.orders");

    page.resize(1200, 700);
    QDir().mkpath(QStringLiteral(SBX_SCREENSHOT_DIR));
    EXPECT_TRUE(page.grab().save(QStringLiteral(SBX_SCREENSHOT_DIR "/remote-live-tail-queue.png")));

    // Another destination: the tail follows an MQTT topic of the remote broker instead.
    page.browse(QStringLiteral("topic:remote/live"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return page.tailStarted(); }, 10000));
    for (int i = 0; i < 3; ++i) {
        const auto pub = sbx::test::runProcess({"mosquitto_pub", "-h", "127.0.0.1", "-p",
                                                std::to_string(mqtt_), "-t", "remote/live", "-m",
                                                "{\"n\": " + std::to_string(i) + "}"});
        ASSERT_EQ(pub.exitCode, 0) << pub.err;
    }
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return shows(model, {"{\"n\": 0}", "{\"n\": 1}", "{\"n\": 2}"});
        },
        10000))
        << model.rowCount() << " rows; " << page.status().text().toStdString();
    EXPECT_EQ(model.message(0).routingKey, "remote/live");

    // Live off: the remote broker drops its watch.
    page.setLive(false);
    EXPECT_FALSE(page.tailing());
    EXPECT_TRUE(QTest::qWaitFor([&] { return metric("sbx_management_live_tails") == "0"; }, 10000))
        << metric("sbx_management_live_tails");
}

// The remote broker gone: Live answers at once (the watch is opened on the monitor's
// worker, not the GUI thread), then says why the tail is unavailable and goes on peeking.
TEST_F(RemoteLiveTail, UnreachableRemoteBrokerDoesNotFreezeLiveMode) {
    MessageBrowserPage page(*monitor_);
    page.browse(QStringLiteral("topic:remote/gone"));
    remote_->kill();
    int ticks = 0;
    QTimer ticker;
    QObject::connect(&ticker, &QTimer::timeout, [&] { ++ticks; });
    ticker.start(1);
    page.setLive(true);
    EXPECT_TRUE(page.tailing());
    EXPECT_FALSE(page.tailStarted());
    ASSERT_TRUE(QTest::qWaitFor([&] { return !page.tailing(); }, 15000))
        << page.status().text().toStdString();
    EXPECT_TRUE(page.status().text().contains(QStringLiteral("Live tail unavailable")))
        << page.status().text().toStdString();
    EXPECT_GT(ticks, 0);
}

// The trace view of a remote broker: its hop events come over /api/v1/events and the
// trace reads as it does for the embedded broker.
TEST_F(RemoteLiveTail, TraceViewFollowsTheRemoteBrokersMessages) {
    pika("ch.queue_declare('remote.traced')\n");
    auto* page = qobject_cast<TracePage*>(
        window_.connections().openMessageView(monitor_, QStringLiteral("trace"), QString()));
    ASSERT_NE(page, nullptr);
    EXPECT_EQ(window_.tabs().currentWidget(), page);
    page->setFollow(true, QStringLiteral("corr-remote"));
    // The hop stream connects in the background; publish until a trace shows up.
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            pika(
                "ch.basic_publish('', 'remote.traced', b'x', "
                "pika.BasicProperties(correlation_id='corr-remote-1'))\n"
                "m, p, b = ch.basic_get('remote.traced')\n"
                "ch.basic_ack(m.delivery_tag)\n");
            const auto found = page->index().find("corr-remote-1");
            return !found.empty() &&
                   page->index().trace(found.front()).state() == sbx::observe::HopKind::Acked;
        },
        15000));
    ASSERT_TRUE(page->search(QStringLiteral("corr-remote-1")));
    EXPECT_TRUE(
        page->model().path().startsWith(QStringLiteral("published → routed → delivered → acked")))
        << page->model().path().toStdString();
    EXPECT_NE(window_.monitors().embedded().sourceName(), monitor_->sourceName());
}

}  // namespace
