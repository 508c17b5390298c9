#include <gtest/gtest.h>

#include <algorithm>
#include <condition_variable>
#include <mutex>

#include "broker_process.h"
#include "process.h"
#include "sbx/management/json_mapping.h"
#include "sbx/management/remote_broker_source.h"

namespace sbx::management {
namespace {

using namespace std::chrono_literals;

using test::BrokerProcess;

// pika declares a queue, binds it to amq.topic, publishes over AMQP; mosquitto_pub
// publishes a retained MQTT message that the bridge routes into the same queue.
void publishWithClients(std::uint16_t amqpPort, std::uint16_t mqttPort) {
    const std::string script =
        "import pika, sys\n"
        "c = pika.BlockingConnection(pika.ConnectionParameters('127.0.0.1', int(sys.argv[1])))\n"
        "ch = c.channel()\n"
        "ch.queue_declare('mgmt.orders', durable=True)\n"
        "ch.queue_bind('mgmt.orders', 'amq.topic', 'sensors.#')\n"
        "ch.confirm_delivery()\n"
        "for i in range(3):\n"
        "    ch.basic_publish('', 'mgmt.orders', b'order %d' % i)\n"
        "c.close()\n";
    auto pika = sbx::test::runProcess({"/usr/bin/python3", "-c", script, std::to_string(amqpPort)});
    ASSERT_EQ(pika.exitCode, 0) << pika.err;
    auto mqtt =
        sbx::test::runProcess({"mosquitto_pub", "-h", "127.0.0.1", "-p", std::to_string(mqttPort),
                               "-t", "sensors/t1", "-m", "21.5", "-q", "1", "-r"});
    ASSERT_EQ(mqtt.exitCode, 0) << mqtt.err;
}

TEST_F(BrokerProcess, DestinationsAndMetricsShowWhatClientsPublished) {
    publishWithClients(amqpPort_, mqttPort_);
    auto destinations = parseJson(curl("/api/v1/destinations?vhost=%2F&prefix=mgmt."));
    ASSERT_TRUE(destinations.ok());
    ASSERT_EQ(destinations->size(), 1U) << destinations->dump();
    const auto& queue = (*destinations)[0];
    EXPECT_EQ(queue["id"], "queue://mgmt.orders") << "vhost \"/\", then \"/\", then the name";
    EXPECT_EQ(queue["messagesReady"], 4) << "3 over AMQP, 1 from MQTT through amq.topic";

    auto topic = parseJson(curl("/api/v1/destinations/topic%3Asensors%2Ft1"));
    ASSERT_TRUE(topic.ok());
    EXPECT_EQ((*topic)["lastValue"], "21.5");
    EXPECT_EQ((*topic)["retained"], true);

    auto messages =
        parseJson(curl("/api/v1/destinations/queue%3A%2F%2Fmgmt.orders/messages?count=2"));
    ASSERT_TRUE(messages.ok());
    ASSERT_EQ(messages->size(), 2U) << messages->dump();
    EXPECT_EQ((*messages)[0]["payload"], "order 0");

    const auto metrics = curl("/metrics");
    EXPECT_NE(
        metrics.find(
            "sbx_destination_messages_ready{vhost=\"/\",name=\"mgmt.orders\",kind=\"queue\"} 4"),
        std::string::npos)
        << metrics;
    EXPECT_NE(metrics.find("# TYPE sbx_broker_messages_published_total counter"),
              std::string::npos);
}

TEST_F(BrokerProcess, RemoteBrokerSourceSeesWhatTheHttpJsonSays) {
    publishWithClients(amqpPort_, mqttPort_);
    auto remote = RemoteBrokerSource::connect({.port = httpPort_});
    ASSERT_TRUE(remote.ok()) << remote.error().message;
    EXPECT_TRUE((*remote)->capabilities().has(observe::Capability::HopEvents));
    auto snapshot = (*remote)->snapshot();
    ASSERT_TRUE(snapshot.ok()) << snapshot.error().message;
    auto destinations = parseJson(curl("/api/v1/destinations"));
    auto bindings = parseJson(curl("/api/v1/bindings"));
    ASSERT_TRUE(destinations.ok() && bindings.ok());
    // Rates and clock-driven numbers differ between two snapshots; the content must not.
    const auto content = [](Json list) {
        for (auto& d : list) {
            d.erase("rates");
            d.erase("lastMessageTime");
        }
        return list;
    };
    EXPECT_EQ(content(Json(snapshot->destinations)), content(*destinations));
    EXPECT_EQ(Json(snapshot->bindings), *bindings);

    // And it drives the broker: purge over the remote source, seen over HTTP.
    auto purged = (*remote)->purge("queue://mgmt.orders");
    ASSERT_TRUE(purged.ok()) << purged.error().message;
    EXPECT_EQ(*purged, 4U);
    auto after = parseJson(curl("/api/v1/destinations/queue%3A%2F%2Fmgmt.orders"));
    EXPECT_EQ((*after)["messagesReady"], 0);
    auto missing = (*remote)->purge("queue://no-such-queue");
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
}

TEST_F(BrokerProcess, RemoteHopEventsFollowAPublish) {
    auto remote = RemoteBrokerSource::connect({.port = httpPort_});
    ASSERT_TRUE(remote.ok());
    std::mutex mutex;
    std::condition_variable arrived;
    std::vector<observe::HopEvent> events;
    (*remote)->watchHops([&](const std::vector<observe::HopEvent>& batch) {
        std::lock_guard lock(mutex);
        events.insert(events.end(), batch.begin(), batch.end());
        arrived.notify_all();
    });
    // The stream opens in the background; publish until its events show up.
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    bool seen = false;
    while (!seen && std::chrono::steady_clock::now() < deadline) {
        observe::PublishRequest publish;
        publish.protocol = "mqtt";
        publish.routingKey = "hops/check";
        publish.payload = "x";
        ASSERT_TRUE((*remote)->publish(publish).ok());
        std::unique_lock lock(mutex);
        seen = arrived.wait_for(lock, 500ms, [&] {
            return std::any_of(events.begin(), events.end(), [](const observe::HopEvent& e) {
                return e.kind == observe::HopKind::Published && e.destination == "hops/check";
            });
        });
    }
    EXPECT_TRUE(seen);
}

TEST_F(BrokerProcess, HttpPortInUseFailsTheBroker) {
    auto result = sbx::test::runProcess(
        {SBX_CLI_PATH, "broker", "--mqtt-port", "0", "--http-port", std::to_string(httpPort_)},
        {.timeout = 20s});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.err.find("cannot listen on 127.0.0.1:" + std::to_string(httpPort_)),
              std::string::npos)
        << result.err;
}

}  // namespace
}  // namespace sbx::management
