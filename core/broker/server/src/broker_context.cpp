#include "broker_context.h"

#include "amqp_hop_observer.h"

namespace sbx::broker {

BrokerContext::BrokerContext(const BrokerConfig& brokerConfig, LogHub& logHub,
                             store::DurableStore* durableStore)
    : config(brokerConfig),
      log(logHub),
      store(durableStore),
      router(*this),
      registry(*this),
      amqpAccess(brokerConfig.amqp),
      amqpMemoryAlarm(brokerConfig.limits.amqpMemoryHighWatermark) {
    auto addHost = [this](const std::string& name) {
        amqp::VirtualHostOptions options;
        options.name = name;
        options.messageIds = messageIds_;
        auto observer = std::make_shared<AmqpHopObserver>(*this, name);
        options.messageObserver = observer;
        amqpObservers.push_back(std::move(observer));
        if (store != nullptr) {
            auto hooks = std::make_shared<AmqpStoreHooks>(*store, name);
            options.storeHooks = hooks;
            amqpStores.try_emplace(name, std::move(hooks));
        }
        amqpHosts.try_emplace(name, std::make_unique<amqp::VirtualHost>(std::move(options)));
    };
    addHost("/");
    for (const auto& name : brokerConfig.amqp.vhosts) {
        addHost(name);
    }
}

}  // namespace sbx::broker
