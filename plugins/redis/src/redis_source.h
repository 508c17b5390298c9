#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "resp_connection.h"
#include "sbx/observe/broker_source.h"
#include "sbx/observe/rate_estimator.h"
#include "stream_names.h"

namespace sbx::redis {

class LiveTail;

struct RedisSettings {
    std::string name;  // the profile's name, for the overview
    RedisEndpoint endpoint;
    std::string streamPattern = "*";
    std::chrono::milliseconds idle{60000};  // pending longer than this: a dead letter
    std::size_t maxStreams = 10000;         // discovery stops here
    std::size_t maxDeadLetters = 1000;      // idle entries counted per group per snapshot
};

// Redis Streams seen as a broker: streams, their consumer groups (queues under the
// stream), and per group the entries pending longer than the idle time (dead letters).
// One command connection, serialised by a mutex and re-opened on the next call after it
// broke; each live tail has its own connection and thread.
class RedisSource final : public observe::BrokerSource {
public:
    RedisSource(RedisSettings settings, std::unique_ptr<RespConnection> connection);
    ~RedisSource() override;

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

    static observe::Capabilities supported();

private:
    // The command connection, opened again if it broke. Call with mutex_ held.
    Result<RespConnection*> connection();
    // `call` with the connection under the lock; a transport failure drops the connection.
    template <typename Call>
    auto locked(Call&& call) -> decltype(call(std::declval<RespConnection&>()));

    Result<observe::BrokerSnapshot> collect(RespConnection& redis);
    Result<std::vector<observe::ObservedMessage>> peekStream(RespConnection& redis,
                                                             const DestinationRef& ref,
                                                             const observe::PeekRequest& request);
    Result<std::vector<observe::ObservedMessage>> peekGroup(RespConnection& redis,
                                                            const DestinationRef& ref,
                                                            const observe::PeekRequest& request);
    Result<std::vector<observe::ObservedMessage>> peekDeadLetters(
        RespConnection& redis, const DestinationRef& ref, const observe::PeekRequest& request);
    struct RedriveBatch {
        std::uint64_t handled = 0;  // taken from the dead letters (moved, or gone from the stream)
        std::uint64_t moved = 0;    // added to the target again
    };
    Result<RedriveBatch> redriveBatch(RespConnection& redis, const DestinationRef& source,
                                      const std::string& targetKey, std::size_t count);
    Result<std::uint64_t> countDeadLetters(RespConnection& redis, const DestinationRef& ref);
    Result<std::uint64_t> acknowledgeDeadLetters(RespConnection& redis, const DestinationRef& ref);
    Status requireStream(RespConnection& redis, const std::string& key);

    const RedisSettings settings_;
    std::mutex mutex_;
    std::unique_ptr<RespConnection> connection_;

    std::mutex ratesMutex_;
    observe::RateEstimator rates_{std::chrono::milliseconds(1000)};

    std::mutex tailsMutex_;
    ListenerId nextTail_ = 1;
    std::map<ListenerId, std::unique_ptr<LiveTail>> tails_;
    std::vector<std::unique_ptr<LiveTail>> retiredTails_;  // stopped from their own thread
};

}  // namespace sbx::redis
