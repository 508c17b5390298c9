#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "sbx/broker/amqp/virtual_host.h"

namespace sbx::broker::amqp::test {

// A fixed wall-clock start (2024-01-01T00:00:00Z) so x-death times are known numbers.
inline const TimePoint kT0 = TimePoint(std::chrono::seconds(1704067200));
inline constexpr std::uint64_t kT0Seconds = 1704067200;

inline TimePoint at(std::int64_t ms) {
    return kT0 + Milliseconds(ms);
}

// Records what a queue pushes; `accept` false plays a flow-controlled channel.
class RecordingSink : public ConsumerSink {
public:
    bool deliver(const Delivery& delivery) override {
        if (!accept) {
            ++refused;
            return false;
        }
        deliveries.push_back(delivery);
        return true;
    }
    void cancelledByBroker(const std::string& consumerTag) override {
        cancelledTags.push_back(consumerTag);
    }

    [[nodiscard]] std::vector<std::string> bodies() const {
        std::vector<std::string> out;
        for (const auto& d : deliveries) {
            out.push_back(d.message->body);
        }
        return out;
    }

    bool accept = true;
    int refused = 0;
    std::vector<Delivery> deliveries;
    std::vector<std::string> cancelledTags;
};

inline AmqpMessage message(std::string exchange, std::string routingKey, std::string body) {
    AmqpMessage m;
    m.exchange = std::move(exchange);
    m.routingKey = std::move(routingKey);
    m.body = std::move(body);
    return m;
}

inline FieldTable table(std::vector<sbx::amqp::FieldTableEntry> entries) {
    return FieldTable{std::move(entries)};
}

inline VirtualHostOptions options() {
    VirtualHostOptions o;
    o.nameSeed = 42;
    return o;
}

// Declares a plain classic queue (or with arguments); fails the test on error.
inline void declare(VirtualHost& vhost, const std::string& name, FieldTable arguments = {},
                    TimePoint now = kT0) {
    QueueDeclare d;
    d.name = name;
    d.arguments = std::move(arguments);
    auto ok = vhost.declareQueue(d, now);
    ASSERT_TRUE(ok.ok()) << ok.error().text;
}

inline void publish(VirtualHost& vhost, AmqpMessage m, TimePoint now = kT0) {
    auto result = vhost.publish(std::move(m), now);
    ASSERT_TRUE(result.ok()) << result.error().text;
}

inline void publishTo(VirtualHost& vhost, const std::string& queue, const std::string& body,
                      TimePoint now = kT0) {
    publish(vhost, message("", queue, body), now);
}

struct Consumer {
    std::shared_ptr<RecordingSink> sink = std::make_shared<RecordingSink>();
    std::shared_ptr<Queue> queue;
    ConsumerId id = 0;
};

inline Consumer consume(VirtualHost& vhost, const std::string& queue, std::uint16_t prefetch = 0,
                        ChannelId channel = 1, std::string tag = "ctag", TimePoint now = kT0,
                        FieldTable arguments = {}) {
    Consumer c;
    ConsumeRequest r;
    r.connection = 1;
    r.channel = channel;
    r.consumerTag = std::move(tag);
    r.prefetch = prefetch;
    r.sink = c.sink;
    r.arguments = std::move(arguments);
    auto ok = vhost.consume(queue, std::move(r), now);
    EXPECT_TRUE(ok.ok()) << (ok.ok() ? "" : ok.error().text);
    if (ok.ok()) {
        c.queue = ok->queue;
        c.id = ok->consumer;
    }
    return c;
}

inline const std::string& stringHeader(const AmqpMessage& m, std::string_view key) {
    static const std::string kMissing = "<missing>";
    if (!m.properties.headers) {
        return kMissing;
    }
    const FieldValue* v = m.properties.headers->find(key);
    return v != nullptr && v->asString() != nullptr ? *v->asString() : kMissing;
}

}  // namespace sbx::broker::amqp::test
