#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QImage>
#include <QSet>
#include <filesystem>
#include <fstream>
#include <thread>

#include "child_process.h"
#include "process.h"
#include "temp_dir.h"

namespace {

namespace fs = std::filesystem;

struct Shot {
    std::string file;
    std::string theme;
    std::string lang;
    std::vector<std::string> extraArgs = {"--mqtt-port", "0", "--ws-port", "0", "--amqp-port", "0"};
};

// Starts the real studio under Xvfb, as a user would see it on first start, and keeps
// the picture in <build>/screenshots for people to look at.
// Checks the picture exists, has the window's size and is not blank.
void checkPicture(const fs::path& path, const std::string& file);

void takeScreenshot(const Shot& shot) {
    sbx::test::TempDir home;
    fs::create_directories(home / "config/Signalbox");
    std::ofstream(home / "config/Signalbox/signalbox.ini")
        << "[appearance]\ntheme=" << shot.theme << "\n";
    fs::create_directories(SBX_SCREENSHOT_DIR);
    const auto path = fs::path(SBX_SCREENSHOT_DIR) / shot.file;
    fs::remove(path);

    sbx::test::ProcessOptions options;
    options.env = {{"HOME", home.path().string()},
                   {"XDG_CONFIG_HOME", (home / "config").string()},
                   {"XDG_DATA_HOME", (home / "data").string()},
                   {"LANG", shot.lang},
                   {"LANGUAGE", ""},
                   {"LC_ALL", ""},
                   {"QT_QPA_PLATFORM", "xcb"}};
    options.timeout = std::chrono::seconds(90);
    std::vector<std::string> argv = {"xvfb-run", "-a", "--server-args=-screen 0 1400x900x24",
                                     SBX_STUDIO_PATH};
    argv.insert(argv.end(), shot.extraArgs.begin(), shot.extraArgs.end());
    argv.insert(argv.end(), {"--screenshot", path.string()});
    const auto result = sbx::test::runProcess(argv, options);
    ASSERT_EQ(result.exitCode, 0) << result.out << result.err;
    checkPicture(path, shot.file);
}

void checkPicture(const fs::path& path, const std::string& file) {
    QImage image(QString::fromStdString(path.string()));
    ASSERT_FALSE(image.isNull()) << path;
    EXPECT_GE(image.width(), 1000);
    EXPECT_GE(image.height(), 600);
    // A blank or unpainted window has a handful of colours; a real one has text and icons.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3) {
        for (int x = 0; x < image.width(); x += 3) {
            colours.insert(image.pixel(x, y));
        }
    }
    EXPECT_GT(colours.size(), 40) << file;
}

std::uint16_t freePort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): the sockets API
    auto* generic = reinterpret_cast<sockaddr*>(&address);
    ::bind(fd, generic, sizeof address);
    ::getsockname(fd, generic, &length);
    ::close(fd);
    return ntohs(address.sin_port);
}

bool accepts(std::uint16_t port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): the sockets API
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    ::close(fd);
    return ok;
}

// Queues with and without consumers, a dead-letter queue holding rejected orders (with
// their x-death history), a stream, MQTT topics and a steady trickle of JSON messages
// with ids, so every view has something to show: invoices are consumed and acked, which
// gives the trace view published -> routed -> delivered -> acked.
constexpr const char* kTraffic = R"(
import sys, json, pika
connection = pika.BlockingConnection(pika.ConnectionParameters('127.0.0.1', int(sys.argv[1]),
    client_properties={'connection_name': 'order-service'}))
channel = connection.channel()
channel.exchange_declare('orders.dlx', 'fanout')
channel.queue_declare('orders.dlq')
channel.queue_bind('orders.dlq', 'orders.dlx')
channel.queue_declare('orders', arguments={'x-dead-letter-exchange': 'orders.dlx'})
channel.queue_declare('invoices')
channel.queue_declare('audit.log', arguments={'x-queue-type': 'stream'}, durable=True)

def order(i):
    return json.dumps({'order': 1000 + i, 'status': 'new',
                       'customer': {'id': 'C-%03d' % (i % 17), 'country': 'DE'},
                       'items': [{'sku': 'SKU-%d' % (i % 5), 'qty': 1 + i % 3, 'price': 9.99}]},
                      indent=None).encode()

def props(i, kind):
    return pika.BasicProperties(content_type='application/json', delivery_mode=2,
        message_id='%s-%d' % (kind, 1000 + i), correlation_id='checkout-%d' % (1000 + i),
        headers={'traceparent': '00-%032x-%016x-01' % (i + 1, i + 1), 'source': 'web-shop'})

# Orders the warehouse rejects die into orders.dlq.
for i in range(4):
    channel.basic_publish('', 'orders', order(900 + i), props(900 + i, 'order'))
for i in range(4):
    method, _, _ = channel.basic_get('orders')
    channel.basic_nack(method.delivery_tag, requeue=False)

consumer = connection.channel()
def on_invoice(ch, method, properties, body):
    ch.basic_ack(method.delivery_tag)
consumer.basic_consume('invoices', on_invoice)
for i in range(600):
    channel.basic_publish('', 'orders', order(i), props(i, 'order'))
    channel.basic_publish('', 'invoices',
        json.dumps({'invoice': 'INV-%d' % (1000 + i), 'order': 1000 + i, 'total': 19.98}).encode(),
        props(i, 'invoice'))
    channel.basic_publish('', 'audit.log', b'{"event": "order-created", "order": %d}' % (1000 + i))
    connection.sleep(0.02 + (i % 20) * 0.002)
    if i == 10:
        print('started', flush=True)
connection.sleep(60)
)";

// Runs the studio with `view` open while traffic flows, and keeps its picture.
void takeMonitoringScreenshot(const std::string& file, const std::string& view) {
    const auto mqtt = freePort();
    const auto amqp = freePort();
    Shot shot{file, "light", "C.UTF-8"};
    shot.extraArgs = {"--mqtt-port",
                      std::to_string(mqtt),
                      "--ws-port",
                      "0",
                      "--amqp-port",
                      std::to_string(amqp),
                      "--open",
                      view,
                      "--screenshot-delay",
                      "12000"};
    std::thread studio([&] { takeScreenshot(shot); });
    bool up = false;
    for (int attempt = 0; attempt < 300 && !up; ++attempt) {
        up = accepts(amqp) && accepts(mqtt);
        if (!up) {
            std::this_thread::sleep_for(
                std::chrono::milliseconds(100));  // probing, not waiting blind
        }
    }
    EXPECT_TRUE(up) << "the studio's broker never listened";
    if (up) {
        for (const auto* topic :
             {"plant/line1/temp", "plant/line1/pressure", "plant/line2/temp", "office/door"}) {
            const auto pub = sbx::test::runProcess({"mosquitto_pub", "-h", "127.0.0.1", "-p",
                                                    std::to_string(mqtt), "-t", topic, "-m",
                                                    "{\"value\": 21.5}", "-r"});
            EXPECT_EQ(pub.exitCode, 0) << pub.err;
        }
        sbx::test::ChildProcess traffic({"/usr/bin/python3", "-c", kTraffic, std::to_string(amqp)});
        EXPECT_FALSE(traffic.readLineContaining("started", std::chrono::seconds(30)).empty());
        studio.join();
        return;
    }
    studio.join();
}

TEST(StudioScreenshot, LightThemeEnglish) {
    takeScreenshot({"studio-light.png", "light", "C.UTF-8"});
}

TEST(StudioScreenshot, DarkThemeEnglish) {
    takeScreenshot({"studio-dark.png", "dark", "C.UTF-8"});
}

TEST(StudioScreenshot, BrokerExplorerAndDashboard) {
    takeMonitoringScreenshot("studio-dashboard.png", "dashboard");
}

TEST(StudioScreenshot, BrokerExplorerAndClients) {
    takeMonitoringScreenshot("studio-clients.png", "clients");
}

TEST(StudioScreenshot, MessageBrowserLiveOnAQueue) {
    takeMonitoringScreenshot("studio-messages.png", "messages=queue://orders");
}

TEST(StudioScreenshot, Publisher) {
    // The demo workspace's AMQP template, loaded from the command line.
    takeMonitoringScreenshot("studio-publisher.png", "publisher=Order paid (AMQP)");
}

TEST(StudioScreenshot, DeadLettersWithTheirHistory) {
    takeMonitoringScreenshot("studio-deadletters.png", "deadletters=queue://orders.dlq");
}

TEST(StudioScreenshot, TraceFollowingInvoices) {
    takeMonitoringScreenshot("studio-trace.png", "trace=invoice");
}

TEST(StudioScreenshot, LightThemeGerman) {
    takeScreenshot({"studio-de.png", "light", "de_DE.UTF-8"});
}

}  // namespace
