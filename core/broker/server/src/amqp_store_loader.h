#pragma once

#include "sbx/common/result.h"

namespace sbx::broker {

class BrokerContext;

// Start-up, before listeners accept: rebuilds every vhost's durable exchanges, durable
// queues with their persistent messages (in publish order, redelivered when they had gone
// out before) and durable bindings from the store. Unreadable records and entities of a
// vhost no longer configured are logged and skipped, never fatal; message queues whose
// queue record is gone are dropped.
Status loadAmqpState(BrokerContext& context);

}  // namespace sbx::broker
