#pragma once

#include <memory>
#include <string>

#include "sbx/observe/broker_source.h"

namespace sbx::connect {

// Forwards every call to a plugin's source and turns an exception thrown by it into an
// Error naming the plugin, so a faulty plugin shows an error instead of ending the
// studio. `keepAlive` holds what the source's code lives in (the loaded library).
class IsolatedSource final : public observe::BrokerSource {
public:
    IsolatedSource(std::unique_ptr<observe::BrokerSource> inner, std::string pluginName,
                   std::shared_ptr<void> keepAlive = {});
    ~IsolatedSource() override;

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

private:
    template <typename Call>
    auto guarded(const char* what, Call&& call) -> decltype(call());

    std::unique_ptr<observe::BrokerSource> inner_;
    std::string pluginName_;
    std::shared_ptr<void> keepAlive_;
};

}  // namespace sbx::connect
