#pragma once

// The embedded broker started in-process on free ports, seen through its BrokerSource.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "sbx/broker/broker.h"
#include "sbx/observe/broker_source.h"
#include "sbx/observe/hop_event_bus.h"

namespace sbx::broker::test_support {

using namespace std::chrono_literals;

class EmbeddedBrokerTest : public ::testing::Test {
protected:
    void SetUp() override {
        BrokerConfig config;
        config.mqttPort = 0;
        config.amqpPort = 0;
        config.sysIntervalSeconds = 0;
        auto started = Broker::start(config, log_);
        ASSERT_TRUE(started.ok()) << started.error().describe();
        broker_ = std::move(started).value();
    }

    observe::BrokerSource& source() { return broker_->source(); }
    std::uint16_t port(const std::string& protocol) const {
        for (const auto& endpoint : broker_->endpoints()) {
            if (endpoint.protocol == protocol) {
                return endpoint.port;
            }
        }
        return 0;
    }

    observe::BrokerSnapshot snapshot() {
        auto taken = source().snapshot();
        EXPECT_TRUE(taken.ok());
        return taken.ok() ? std::move(taken).value() : observe::BrokerSnapshot{};
    }
    static const observe::Destination* find(const observe::BrokerSnapshot& s,
                                            const std::string& id) {
        auto it = std::find_if(s.destinations.begin(), s.destinations.end(),
                               [&](const auto& d) { return d.id == id; });
        return it == s.destinations.end() ? nullptr : &*it;
    }
    template <typename Predicate>
    static bool waitFor(Predicate done, std::chrono::milliseconds timeout = 10s) {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (std::chrono::steady_clock::now() < deadline) {
            if (done()) {
                return true;
            }
            std::this_thread::sleep_for(20ms);
        }
        return done();
    }

    void declare(observe::DestinationKind kind, const std::string& name,
                 std::vector<observe::Field> arguments = {}, const std::string& type = {}) {
        observe::DeclareRequest request;
        request.kind = kind;
        request.name = name;
        request.type = type;
        request.durable = kind == observe::DestinationKind::Stream;
        request.arguments = std::move(arguments);
        auto status = source().declare(request);
        ASSERT_TRUE(status.ok()) << status.error().describe();
    }
    void bind(const std::string& exchange, const std::string& queue, const std::string& key) {
        observe::BindRequest request;
        request.source = exchange;
        request.destinationId = "queue://" + queue;
        request.routingKey = key;
        auto status = source().bind(request);
        ASSERT_TRUE(status.ok()) << status.error().describe();
    }
    void publish(const std::string& exchange, const std::string& key, const std::string& payload,
                 std::vector<observe::Field> properties = {}) {
        observe::PublishRequest request;
        request.exchange = exchange;
        request.routingKey = key;
        request.payload = payload;
        request.properties = std::move(properties);
        auto status = source().publish(request);
        ASSERT_TRUE(status.ok()) << status.error().describe();
    }

    LogHub log_;
    std::unique_ptr<Broker> broker_;
};

// Collects hop events while alive.
class HopRecorder {
public:
    explicit HopRecorder(observe::BrokerSource& source) : source_(source) {
        id_ = source_.watchHops([this](const std::vector<observe::HopEvent>& batch) {
            std::lock_guard lock(mutex_);
            events_.insert(events_.end(), batch.begin(), batch.end());
        });
    }
    ~HopRecorder() { source_.unwatchHops(id_); }
    HopRecorder(const HopRecorder&) = delete;
    HopRecorder& operator=(const HopRecorder&) = delete;

    std::vector<observe::HopEvent> events() {
        std::lock_guard lock(mutex_);
        return events_;
    }
    std::vector<observe::HopEvent> ofKind(observe::HopKind kind) {
        std::vector<observe::HopEvent> found;
        for (const auto& e : events()) {
            if (e.kind == kind) {
                found.push_back(e);
            }
        }
        return found;
    }

private:
    observe::BrokerSource& source_;
    observe::BrokerSource::ListenerId id_ = 0;
    std::mutex mutex_;
    std::vector<observe::HopEvent> events_;
};

}  // namespace sbx::broker::test_support
