#include "sbx/management/json_mapping.h"

#include <gtest/gtest.h>

#include "fake_broker_source.h"

namespace sbx::management {
namespace {

using observe::DestinationKind;

TEST(JsonMapping, SnapshotRoundTripsWithCamelCaseNames) {
    test::FakeBrokerSource source;
    const auto snapshot = *source.snapshot();
    const Json json = snapshot;
    EXPECT_EQ(json["time"], "2023-11-14T22:13:20.123Z");
    EXPECT_EQ(json["overview"]["counters"]["published"], 42);
    const auto& orders = json["destinations"][0];
    EXPECT_EQ(orders["id"], "queue:/orders");
    EXPECT_EQ(orders["kind"], "queue");
    EXPECT_EQ(orders["messagesReady"], 3);
    EXPECT_EQ(orders["arguments"][0]["name"], "x-message-ttl");
    EXPECT_TRUE(orders.contains("autoDelete"));
    EXPECT_TRUE(orders.contains("deadLetterRoutingKey"));
    EXPECT_EQ(json["clients"][0]["subscriptions"][0]["destinationId"], "topic:sensors/#");

    auto back = fromJson<observe::BrokerSnapshot>(json);
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(back->time, snapshot.time);
    ASSERT_EQ(back->destinations.size(), snapshot.destinations.size());
    for (std::size_t i = 0; i < snapshot.destinations.size(); ++i) {
        EXPECT_EQ(back->destinations[i].id, snapshot.destinations[i].id);
        EXPECT_EQ(back->destinations[i].kind, snapshot.destinations[i].kind);
        EXPECT_EQ(back->destinations[i].lastValue, snapshot.destinations[i].lastValue);
        EXPECT_EQ(back->destinations[i].arguments, snapshot.destinations[i].arguments);
    }
    EXPECT_EQ(back->bindings[0].routingKey, "orders.#");
    EXPECT_EQ(back->clients[0].subscriptions[0].qos, 1);
    EXPECT_EQ(back->overview.vhosts, snapshot.overview.vhosts);
}

TEST(JsonMapping, BinaryPayloadTravelsAsBase64AndTextAsText) {
    observe::ObservedMessage binary;
    binary.payload = std::string("\x00\xff\xfe", 3);
    const Json b = binary;
    EXPECT_EQ(b["payloadEncoding"], "base64");
    EXPECT_EQ(b["payload"], "AP/+");
    EXPECT_EQ(fromJson<observe::ObservedMessage>(b)->payload, binary.payload);

    observe::ObservedMessage text;
    text.payload = "grüße";
    const Json t = text;
    EXPECT_EQ(t["payloadEncoding"], "utf8");
    EXPECT_EQ(t["payload"], "grüße");
    // A lone continuation byte or a truncated sequence is not text.
    observe::Destination cut;
    cut.lastValue = std::string("gr\xc3", 3);
    EXPECT_EQ(Json(cut)["lastValueEncoding"], "base64");
}

TEST(JsonMapping, RequestsTakeDefaultsForMissingFields) {
    auto publish = fromJson<observe::PublishRequest>(Json{{"exchange", "amq.direct"},
                                                          {"routingKey", "k"},
                                                          {"payload", "aGk="},
                                                          {"payloadEncoding", "base64"}});
    ASSERT_TRUE(publish.ok());
    EXPECT_EQ(publish->protocol, "amqp");
    EXPECT_EQ(publish->vhost, "/");
    EXPECT_EQ(publish->payload, "hi");

    auto declare = fromJson<observe::DeclareRequest>(Json{{"kind", "stream"}, {"name", "s"}});
    ASSERT_TRUE(declare.ok());
    EXPECT_EQ(declare->kind, DestinationKind::Stream);
    EXPECT_TRUE(declare->durable);

    auto redrive = fromJson<observe::RedriveRequest>(Json::object());
    ASSERT_TRUE(redrive.ok());
    EXPECT_EQ(redrive->maxCount, SIZE_MAX);
    EXPECT_FALSE(redrive->targetId.has_value());
    const Json all = *redrive;
    EXPECT_FALSE(all.contains("maxCount"));
    auto targeted =
        fromJson<observe::RedriveRequest>(Json{{"targetId", "queue:/b"}, {"maxCount", 7}});
    EXPECT_EQ(targeted->targetId, "queue:/b");
    EXPECT_EQ(targeted->maxCount, 7U);
}

TEST(JsonMapping, WrongTypesAndUnknownNamesAreClearErrors) {
    auto kind = fromJson<observe::DeclareRequest>(Json{{"kind", "bucket"}});
    ASSERT_FALSE(kind.ok());
    EXPECT_EQ(kind.error().code, ErrorCode::InvalidArgument);
    EXPECT_NE(
        kind.error().message.find("kind: 'bucket' is not one of exchange, queue, stream, topic"),
        std::string::npos)
        << kind.error().message;

    auto qos = fromJson<observe::PublishRequest>(Json{{"qos", "high"}});
    ASSERT_FALSE(qos.ok());
    EXPECT_NE(qos.error().message.find("qos"), std::string::npos);

    auto base64 = fromJson<observe::PublishRequest>(
        Json{{"payload", "not base64!"}, {"payloadEncoding", "base64"}});
    ASSERT_FALSE(base64.ok());
    EXPECT_NE(base64.error().message.find("payload: not valid base64"), std::string::npos);
}

TEST(JsonMapping, HopEventsAndCapabilities) {
    observe::HopEvent event;
    event.time = std::chrono::system_clock::time_point(std::chrono::milliseconds(5));
    event.kind = observe::HopKind::DeadLettered;
    event.messageId = 99;
    event.ids.traceparent = "00-abc-def-01";
    const Json json = event;
    EXPECT_EQ(json["kind"], "dead-lettered");
    EXPECT_EQ(json["ids"]["traceparent"], "00-abc-def-01");
    auto back = fromJson<observe::HopEvent>(json);
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back->kind, observe::HopKind::DeadLettered);
    EXPECT_EQ(back->time, event.time);
    EXPECT_EQ(back->ids, event.ids);

    observe::Capabilities caps;
    caps.add(observe::Capability::PublishMqtt)
        .add(observe::Capability::Redrive)
        .add(observe::Capability::LiveMessages);
    const Json c = caps;
    EXPECT_EQ(c, Json({"publishMqtt", "redrive", "liveMessages"}));
    auto parsed = fromJson<observe::Capabilities>(
        Json({"redrive", "fromTheFuture", "liveMessages", "publishMqtt"}));
    EXPECT_EQ(parsed->bits, caps.bits);
}

TEST(JsonMapping, MessageBatchRoundTrips) {
    observe::MessageBatch batch;
    batch.lost = 7;
    observe::ObservedMessage first;
    first.destinationId = "topic:plant/+/temp";
    first.routingKey = "plant/a/temp";
    first.payload = "21.5";
    first.properties = {{"qos", "1"}, {"retain", "false"}};
    first.headers = {{"site", "north"}};
    first.time = std::chrono::system_clock::time_point(std::chrono::milliseconds(1700000000123));
    observe::ObservedMessage second;
    second.payload = std::string("\x00\xff", 2);
    second.position = 3;
    batch.messages = {first, second};

    const Json json = batch;
    EXPECT_EQ(json["lost"], 7);
    ASSERT_EQ(json["messages"].size(), 2U);
    EXPECT_EQ(json["messages"][0], Json(first)) << "each message as peek renders it";
    EXPECT_EQ(json["messages"][1]["payloadEncoding"], "base64");

    auto back = fromJson<observe::MessageBatch>(json);
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(back->lost, 7U);
    ASSERT_EQ(back->messages.size(), 2U);
    EXPECT_EQ(back->messages[0].routingKey, "plant/a/temp");
    EXPECT_EQ(back->messages[0].properties, first.properties);
    EXPECT_EQ(back->messages[0].headers, first.headers);
    EXPECT_EQ(back->messages[0].time, first.time);
    EXPECT_EQ(back->messages[1].payload, second.payload);
    EXPECT_EQ(back->messages[1].position, 3U);

    // The live endpoint's frame carries a "type" too; readers ignore it, and an empty
    // frame is a batch of nothing.
    auto frame = fromJson<observe::MessageBatch>(Json::parse(R"({"type":"messages","lost":2})"));
    ASSERT_TRUE(frame.ok());
    EXPECT_TRUE(frame->messages.empty());
    EXPECT_EQ(frame->lost, 2U);
    EXPECT_FALSE(fromJson<observe::MessageBatch>(Json::parse(R"({"lost":"many"})")).ok());
}

TEST(JsonMapping, TimesAreIsoUtcAndZeroIsNull) {
    EXPECT_EQ(Json(observe::Client{})["connectedAt"], nullptr);
    const auto t = std::chrono::system_clock::time_point(std::chrono::milliseconds(1000));
    EXPECT_EQ(formatTime(t), "1970-01-01T00:00:01.000Z");
    EXPECT_EQ(*parseTime("1970-01-01T00:00:01Z"), t);
    EXPECT_EQ(*parseTime("1970-01-01T00:00:01.5Z"), t + std::chrono::milliseconds(500));
    EXPECT_FALSE(parseTime("yesterday").ok());
    EXPECT_FALSE(parseTime("1970-01-01T00:00:01.Z").ok());
}

TEST(JsonMapping, ParseJsonReportsGarbage) {
    EXPECT_FALSE(parseJson("{not json").ok());
    EXPECT_EQ(parseJson("{not json").error().code, ErrorCode::ParseError);
    EXPECT_TRUE(parseJson("[1,2]").ok());
}

}  // namespace
}  // namespace sbx::management
