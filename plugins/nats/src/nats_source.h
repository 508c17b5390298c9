#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "dead_letter_book.h"
#include "live_subscription.h"
#include "nats_connection.h"
#include "nats_settings.h"
#include "sbx/observe/broker_source.h"
#include "sbx/observe/rate_estimator.h"

namespace sbx::nats {

// One NATS server: snapshots from its monitoring endpoints, everything else over the
// client protocol. A command connection (guarded by a mutex) serves publish, peek and
// the JetStream API; live tails and the max-deliveries advisories each read on a
// connection and thread of their own.
class NatsSource final : public observe::BrokerSource {
public:
    static Result<std::unique_ptr<NatsSource>> open(NatsSettings settings);
    ~NatsSource() override;

    [[nodiscard]] std::string name() const override { return settings_.name; }
    [[nodiscard]] observe::Capabilities capabilities() const override;
    static void capabilitiesInto(observe::Capabilities& capabilities);
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

private:
    NatsSource(NatsSettings settings, std::unique_ptr<NatsConnection> command);

    // Runs `call` on the command connection, made again first if it broke or went stale.
    template <typename Call>
    auto withConnection(Call&& call) -> decltype(call(std::declval<NatsConnection&>()));
    Status ensureConnected();
    Result<nlohmann::json> monitoring(const std::string& target) const;
    Error explainMonitoringFailure(const Error& cause);
    void startAdvisories();
    void noteAdvisories(std::vector<NatsFrame>&& frames);
    Result<std::vector<std::string>> subjectsToWatch(const observe::MessageWatch& watch);
    Result<std::vector<observe::ObservedMessage>> peekDeadLetters(const std::string& stream,
                                                                  const std::string& consumer,
                                                                  std::size_t maxCount);
    Status republish(NatsConnection& connection, const std::string& subject,
                     const std::vector<observe::Field>& headers, std::string_view payload);

    const NatsSettings settings_;
    std::mutex commandMutex_;
    std::unique_ptr<NatsConnection> command_;
    DeadLetterBook deadLetters_;
    std::unique_ptr<LiveSubscription> advisories_;
    std::mutex rateMutex_;
    observe::RateEstimator rates_{std::chrono::milliseconds(1000)};
    std::mutex watchMutex_;
    std::map<ListenerId, std::unique_ptr<LiveSubscription>> watches_;
    ListenerId nextWatch_ = 1;
};

template <typename Call>
auto NatsSource::withConnection(Call&& call) -> decltype(call(std::declval<NatsConnection&>())) {
    std::lock_guard lock(commandMutex_);
    if (auto ready = ensureConnected(); !ready) {
        return ready.error();
    }
    auto result = call(*command_);
    if (!command_->isOpen()) {
        command_.reset();  // a timeout or a broken connection: made again next time
    }
    return result;
}

// A NATS message as the browser shows it: subject, headers, payload; JetStream's stream
// sequence and time when it came from a stream.
[[nodiscard]] observe::ObservedMessage toObserved(const NatsFrame& frame,
                                                  const std::string& destinationId);

// Splits "a/b" into its two parts; false without the slash.
bool splitPair(std::string_view text, std::string& first, std::string& second);

}  // namespace sbx::nats
