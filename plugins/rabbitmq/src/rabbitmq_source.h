#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "amqp_client.h"
#include "destination_ref.h"
#include "management_api.h"
#include "sbx/observe/broker_source.h"

namespace sbx::rabbitmq {

struct SourceSettings {
    std::string name;  // the profile's name, shown as the broker's name
    ManagementApi::Options management;
    AmqpClient::Options amqp;  // vhost set per call
    std::string vhostFilter;   // empty: every vhost the user may see
};

// One RabbitMQ broker: the picture from the management HTTP API, messages over AMQP
// (publish with confirms, stream reads, redrive). Thread-safe: management requests are
// independent HTTP requests; the one AMQP connection is used under a lock.
class RabbitMqSource final : public observe::BrokerSource {
public:
    explicit RabbitMqSource(SourceSettings settings);
    ~RabbitMqSource() override;

    // Reaches the management API once (GET /api/overview): the error open() reports.
    Status check();

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

    static observe::Capabilities supported();

private:
    Result<DestinationRef> resolve(std::string_view destinationId);
    Result<DestinationRef> resolveQueue(std::string_view destinationId, std::string_view verb);
    std::vector<std::string> knownVhosts();
    // The AMQP connection to `vhost`, opened (or re-opened) as needed; amqpMutex_ held.
    Result<AmqpClient*> amqpFor(const std::string& vhost);
    Result<std::string> queueType(const DestinationRef& queue);
    Result<std::vector<observe::ObservedMessage>> peekByRequeue(
        const DestinationRef& queue, const observe::PeekRequest& request);
    Result<std::vector<observe::ObservedMessage>> peekStream(const DestinationRef& queue,
                                                             const observe::PeekRequest& request);
    Result<observe::RedriveResult> redriveWith(AmqpClient& amqp, const DestinationRef& source,
                                               const std::optional<DestinationRef>& target,
                                               const observe::RedriveRequest& request);

    SourceSettings settings_;
    ManagementApi api_;
    std::mutex vhostMutex_;
    std::vector<std::string> vhosts_;
    std::mutex amqpMutex_;
    std::unique_ptr<AmqpClient> amqp_;
};

// "/api/queues/%2F/name": path segments percent-encoded.
[[nodiscard]] std::string apiPath(std::string_view collection, std::string_view vhost,
                                  std::string_view name = {});

// How an AMQP problem reads for someone who only configured the management API.
[[nodiscard]] Error amqpError(const Error& error, const AmqpClient::Options& options);

}  // namespace sbx::rabbitmq
