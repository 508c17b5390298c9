#pragma once

#include "sbx/common/result.h"

namespace sbx::broker {

class BrokerContext;

// Start-up: rebuilds persistent sessions (subscriptions, queued messages) and retained
// messages from the durable store, and the AMQP side (amqp_store_loader.h). A record that cannot be
// read is logged and skipped, never fatal: one bad row must not keep the broker down.
Status loadPersistedState(BrokerContext& context);

}  // namespace sbx::broker
