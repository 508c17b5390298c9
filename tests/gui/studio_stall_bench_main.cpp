// The studio under a steady load through its embedded broker: how late its event loop
// runs (a 2 ms timer's lateness, p50/p99/p99.9/max) and how much memory it holds (VmRSS)
// at the start and after every checkpoint (each 1M messages) up to the end (10M), with the
// monitoring views open as a developer would have them: the broker explorer, the
// dashboard, the message browser live on a topic under load and the trace view
// following every message. The load is `sbx bench mqtt` in a child process.
//
// Not a ctest at full size (it runs for minutes); the smoke ctest runs 200k messages.
//   QT_QPA_PLATFORM=offscreen build/<dir>/tests/gui/sbx_studio_stall_bench
//       [--messages 10000000] [--checkpoint 1000000] [--rate 50000] [--publishers 10]
//       [--max-p99-ms 50] [--views dashboard,trace,messages]
#include <QApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "broker_controller.h"
#include "event_loop_stall_meter.h"
#include "main_window.h"
#include "message_browser_page.h"
#include "monitor_controller.h"
#include "sbx/common/log_hub.h"
#include "studio_environment.h"
#include "studio_settings.h"
#include "trace_page.h"
#include "workspace_controller.h"

namespace {

struct BenchOptions {
    std::uint64_t messages = 10'000'000;
    std::uint64_t checkpoint = 1'000'000;
    int rate = 50'000;  // messages per second, all publishers together
    int publishers = 10;
    double maxP99Ms = 0;  // fail above it; 0: report only
    QStringList views = {QStringLiteral("dashboard"), QStringLiteral("trace"),
                         QStringLiteral("messages")};
};

BenchOptions parseOptions(const QStringList& args) {
    BenchOptions o;
    for (int i = 1; i + 1 < args.size(); i += 2) {
        const auto& name = args[i];
        const auto& value = args[i + 1];
        if (name == QLatin1String("--messages")) {
            o.messages = value.toULongLong();
        } else if (name == QLatin1String("--checkpoint")) {
            o.checkpoint = value.toULongLong();
        } else if (name == QLatin1String("--rate")) {
            o.rate = value.toInt();
        } else if (name == QLatin1String("--publishers")) {
            o.publishers = value.toInt();
        } else if (name == QLatin1String("--max-p99-ms")) {
            o.maxP99Ms = value.toDouble();
        } else if (name == QLatin1String("--views")) {
            o.views = value.split(QLatin1Char(','), Qt::SkipEmptyParts);
        } else {
            std::fprintf(stderr, "unknown option %s\n", qPrintable(name));
            std::exit(2);
        }
    }
    o.checkpoint = std::min(o.checkpoint, o.messages);
    return o;
}

double residentMiB() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0) {
            return std::stod(line.substr(6)) / 1024.0;  // kB
        }
    }
    return 0;
}

// Drives the load, takes the readings at the checkpoints and prints them.
class StallBench : public QObject {
public:
    StallBench(BenchOptions options, BrokerController& broker)
        : options_(options), broker_(broker) {}

    void start(std::uint16_t mqttPort) {
        std::printf(
            "studio stall bench: %llu messages at %d msg/s (sbx bench mqtt, %d publishers, "
            "%d subscribers, QoS 0, 64 B)\n",
            static_cast<unsigned long long>(options_.messages), options_.rate, options_.publishers,
            options_.publishers);
        std::printf("%-14s %12s %10s %9s %9s %9s %9s %10s\n", "phase", "messages", "msg/s",
                    "p50 ms", "p99 ms", "p99.9 ms", "max ms", "RSS MiB");
        std::printf("%-14s %12s %10s %9s %9s %9s %9s %10.1f\n", "start", "0", "-", "-", "-", "-",
                    "-", residentMiB());
        std::fflush(stdout);
        baseline_ = broker_.stats().messagesReceived;
        nextCheckpoint_ = options_.checkpoint;
        meter_.start();
        phaseClock_.start();
        const auto perPublisher = std::max(1, options_.rate / options_.publishers);
        // The load runs until the studio has seen every message and stops it; its own end
        // is only a backstop, long enough for a broker that reaches a tenth of the rate.
        const auto seconds =
            static_cast<long long>(options_.messages / static_cast<std::uint64_t>(options_.rate)) *
                10 +
            60;
        load_.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        load_.start(QStringLiteral(SBX_CLI_PATH),
                    {QStringLiteral("bench"), QStringLiteral("mqtt"), QStringLiteral("--port"),
                     QString::number(mqttPort), QStringLiteral("--publishers"),
                     QString::number(options_.publishers), QStringLiteral("--subscribers"),
                     QString::number(options_.publishers), QStringLiteral("--rate"),
                     QString::number(perPublisher), QStringLiteral("--size"), QStringLiteral("64"),
                     QStringLiteral("--warmup"), QStringLiteral("0"), QStringLiteral("--duration"),
                     QString::number(seconds)});
        connect(&load_, &QProcess::finished, this, [this] {
            if (!done_) {
                std::fprintf(stderr, "sbx bench mqtt ended early:\n%s\n",
                             load_.readAllStandardOutput().constData());
                finish(1);
            }
        });
        progress_.setInterval(200);
        connect(&progress_, &QTimer::timeout, this, &StallBench::checkProgress);
        progress_.start();
    }

private:
    // A row per checkpoint (every --checkpoint messages), so memory reads as a curve.
    void checkProgress() {
        const auto received = broker_.stats().messagesReceived - baseline_;
        while (nextCheckpoint_ <= options_.messages && received >= nextCheckpoint_) {
            const auto from = nextCheckpoint_ - std::min(nextCheckpoint_, options_.checkpoint);
            report(QStringLiteral("%1 → %2").arg(count(from), count(nextCheckpoint_)), received);
            nextCheckpoint_ += options_.checkpoint;
        }
        if (received >= options_.messages) {
            const auto reported = nextCheckpoint_ - options_.checkpoint;
            if (reported < options_.messages) {  // a last, shorter phase
                report(QStringLiteral("%1 → %2").arg(count(reported), count(options_.messages)),
                       received);
            }
            finish(worstP99_ > options_.maxP99Ms && options_.maxP99Ms > 0 ? 1 : 0);
        }
    }

    static QString count(std::uint64_t n) {
        if (n == 0) {
            return QStringLiteral("0");
        }
        return n % 1'000'000 == 0 ? QStringLiteral("%1M").arg(n / 1'000'000)
                                  : QStringLiteral("%1k").arg(n / 1000);
    }

    void report(const QString& phase, std::uint64_t received) {
        const auto s = meter_.summary();
        const auto seconds = static_cast<double>(phaseClock_.nsecsElapsed()) / 1e9;
        const auto rate = static_cast<double>(received - lastReceived_) / seconds;
        std::printf("%-14s %12llu %10.0f %9.2f %9.2f %9.2f %9.2f %10.1f\n", qPrintable(phase),
                    static_cast<unsigned long long>(received), rate, s.p50Ms, s.p99Ms, s.p999Ms,
                    s.maxMs, residentMiB());
        std::fflush(stdout);
        worstP99_ = std::max(worstP99_, s.p99Ms);
        lastReceived_ = received;
        meter_.reset();
        phaseClock_.restart();
    }

    void finish(int code) {
        done_ = true;
        progress_.stop();
        load_.terminate();
        load_.waitForFinished(5000);
        QApplication::exit(code);
    }

    BenchOptions options_;
    BrokerController& broker_;
    EventLoopStallMeter meter_;
    QElapsedTimer phaseClock_;
    QProcess load_;
    QTimer progress_;
    std::uint64_t baseline_ = 0;
    std::uint64_t lastReceived_ = 0;
    std::uint64_t nextCheckpoint_ = 0;
    double worstP99_ = 0;
    bool done_ = false;
};

void openMonitoringViews(MainWindow& window, const QStringList& views) {
    auto& embedded = window.monitors().embedded();
    if (views.contains(QLatin1String("dashboard"))) {
        window.openDashboard(&embedded, QString(), QStringLiteral("Embedded broker"));
    }
    if (views.contains(QLatin1String("trace"))) {
        window.openTrace()->setFollow(true);
    } else if (views.contains(QLatin1String("trace-unfollowed"))) {
        window.openTrace();  // records hops, lists nothing
    }
    if (views.contains(QLatin1String("messages"))) {
        auto* browser = window.openMessageBrowser();
        browser->browse(QStringLiteral("topic:sbx/bench/0"));
        browser->setLive(true);
    }
}

}  // namespace

int main(int argc, char** argv) {
    StudioTestEnvironment environment;  // temp HOME, offscreen
    QApplication app(argc, argv);
    nameApplicationLikeTheStudio();
    const auto options = parseOptions(QApplication::arguments());

    StudioSettings settings;
    sbx::LogHub log;
    WorkspaceController workspaces(settings, log);
    BrokerController broker(log);
    MainWindow window(settings, log, workspaces, broker);
    window.resize(1400, 900);
    window.show();
    auto config = BrokerController::defaultConfig();
    config.mqttPort = 0;
    config.wsPort = 0;
    config.amqpPort = 0;
    QString error;
    if (!broker.start(config, &error)) {
        std::fprintf(stderr, "the embedded broker did not start: %s\n", qPrintable(error));
        return 1;
    }
    const auto port = broker.port("mqtt");
    if (!port) {
        std::fprintf(stderr, "the embedded broker has no MQTT port\n");
        return 1;
    }
    openMonitoringViews(window, options.views);
    StallBench bench(options, broker);
    // Let the window settle (first snapshot, first paint) before measuring.
    QTimer::singleShot(2000, &bench, [&bench, port] { bench.start(*port); });
    return QApplication::exec();
}
