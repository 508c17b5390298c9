#pragma once

#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "sbx/broker/amqp/virtual_host.h"
#include "sbx/broker/broker.h"
#include "sbx/observe/broker_source.h"
#include "sbx/observe/rate_estimator.h"

namespace sbx::broker {

class BrokerContext;

// A destination id taken apart: "queue:<vhost>/<name>", "exchange:<vhost>/<name>",
// "topic:<topic>". Vhost names may contain '/', so the vhost is the longest known one
// the rest starts with.
struct DestinationRef {
    observe::DestinationKind kind = observe::DestinationKind::Queue;  // Queue for streams too
    std::string vhost;
    std::string name;
};

// The embedded broker as an observe::BrokerSource: reads the AMQP model, the MQTT
// sessions, the topic activity and the client directory directly, and drives them through
// the same paths client operations take (so a management publish routes, counts and
// crosses the MQTT bridge like any other). Split by concern: embedded_source_snapshot.cpp,
// embedded_source_peek.cpp, embedded_source_commands.cpp, embedded_source_redrive.cpp.
class EmbeddedSource final : public observe::BrokerSource {
public:
    EmbeddedSource(BrokerContext& context, const std::vector<ListeningEndpoint>& endpoints);

    [[nodiscard]] std::string name() const override { return "embedded"; }
    [[nodiscard]] observe::Capabilities capabilities() const override;

    Result<observe::BrokerSnapshot> snapshot() override;
    Result<std::vector<observe::ObservedMessage>> peek(
        const observe::PeekRequest& request) override;
    Status publish(const observe::PublishRequest& request) override;
    Result<std::uint64_t> purge(std::string_view destinationId) override;
    Status remove(std::string_view destinationId) override;
    Status declare(const observe::DeclareRequest& request) override;
    Status bind(const observe::BindRequest& request) override;
    Status unbind(const observe::BindRequest& request) override;
    Status disconnectClient(std::string_view clientId) override;
    Result<observe::RedriveResult> redrive(const observe::RedriveRequest& request) override;
    ListenerId watchHops(HopListener listener) override;
    void unwatchHops(ListenerId id) override;
    Result<ListenerId> watchMessages(const observe::MessageWatch& watch,
                                     MessageListener listener) override;
    void unwatchMessages(ListenerId id) override;

    [[nodiscard]] Result<DestinationRef> parseId(std::string_view id) const;

private:
    void syncRouteWatching();

    // embedded_source_snapshot.cpp
    void addOverview(observe::BrokerSnapshot& snapshot) const;
    void addVhost(amqp::VirtualHost& host, observe::BrokerSnapshot& snapshot) const;
    void addTopics(observe::BrokerSnapshot& snapshot) const;
    void addClients(observe::BrokerSnapshot& snapshot) const;
    void addOfflineSessions(observe::BrokerSnapshot& snapshot) const;

    // embedded_source_commands.cpp
    Result<amqp::VirtualHost*> hostOf(std::string_view vhost) const;
    Status publishMqtt(const observe::PublishRequest& request);
    Status publishAmqp(const observe::PublishRequest& request);
    // The model's publish path as a client's publish takes it: routes, counts, hop events,
    // the MQTT bridge.
    amqp::AmqpResult<amqp::PublishResult> publishAmqpMessage(amqp::VirtualHost& host,
                                                             amqp::AmqpMessage message,
                                                             const std::string& clientId);
    Status changeBinding(const observe::BindRequest& request, bool add);

    // embedded_source_peek.cpp
    Result<std::vector<observe::ObservedMessage>> peekQueue(const DestinationRef& ref,
                                                            const observe::PeekRequest& request);
    Result<std::vector<observe::ObservedMessage>> peekTopic(const DestinationRef& ref) const;

    BrokerContext& context_;
    const std::vector<ListeningEndpoint>& endpoints_;
    std::mutex watchMutex_;  // watchMessages / unwatchMessages
    std::mutex ratesMutex_;  // snapshots may come from several threads
    // Rates over windows of at least a second, however many callers take snapshots.
    observe::RateEstimator rates_{std::chrono::seconds(1)};
};

}  // namespace sbx::broker
