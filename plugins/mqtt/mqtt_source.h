#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "live_tail.h"
#include "mqtt_client.h"
#include "sbx/observe/broker_source.h"
#include "sbx/observe/rate_estimator.h"
#include "source_options.h"
#include "topic_table.h"

namespace sbx::mqtt_connector {

// Any MQTT broker seen through one client connection: the topic tree comes from a
// subscription to the discovery filter (and $SYS/# for the broker's own statistics),
// peek shows the retained and last messages of a topic, watchMessages tails a filter
// live, publish sends with QoS, retain and MQTT 5 properties, and remove/purge clear a
// topic's retained message. MQTT has no queues, bindings or dead letters.
class MqttSource final : public observe::BrokerSource {
public:
    static Result<std::unique_ptr<MqttSource>> open(SourceOptions options);
    ~MqttSource() override;

    [[nodiscard]] std::string name() const override;
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

    // The MQTT 5 subscription identifier of the discovery (and $SYS) subscription.
    static constexpr std::uint32_t kDiscoverySubscription = 1;

private:
    explicit MqttSource(SourceOptions options);
    Status subscribeDiscovery();
    Result<std::uint32_t> subscribeFor(const std::string& filter);
    void onPublish(const mqtt::Publish& publish);
    [[nodiscard]] bool fromDiscovery(const mqtt::Publish& publish) const;
    [[nodiscard]] bool covered(const std::string& filter) const;
    [[nodiscard]] Status connected() const;
    Status clearRetained(const std::string& topic);
    [[nodiscard]] observe::BrokerOverview overview() const;

    struct OwnSubscription {
        std::uint32_t id = 0;
        int watches = 0;
    };

    const SourceOptions options_;
    TopicTable topics_;
    LiveTail live_;
    std::mutex ratesMutex_;
    observe::RateEstimator rates_{std::chrono::milliseconds(1000)};
    std::mutex watchMutex_;
    ListenerId nextWatch_ = 1;
    std::uint32_t nextSubscription_ = kDiscoverySubscription + 1;
    std::map<std::string, OwnSubscription> ownSubscriptions_;  // by filter
    // Last: its reader thread feeds the members above, so it stops before they go.
    std::unique_ptr<MqttClient> client_;
};

// Parses "$SYS" numbers such as "1234" or "1234 seconds".
[[nodiscard]] std::uint64_t leadingNumber(const std::string& text);

}  // namespace sbx::mqtt_connector
