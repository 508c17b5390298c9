#include "broker_context.h"

namespace sbx::broker {

BrokerContext::BrokerContext(const BrokerConfig& brokerConfig, LogHub& logHub,
                             store::DurableStore* durableStore)
    : config(brokerConfig), log(logHub), store(durableStore), router(*this), registry(*this) {}

}  // namespace sbx::broker
