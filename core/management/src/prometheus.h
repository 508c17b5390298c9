#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "sbx/observe/broker_snapshot.h"

namespace sbx::management {

// Numbers about the management API itself, exported next to the broker's.
struct ManagementCounters {
    std::uint64_t eventClients = 0;
    std::uint64_t eventBatchesDropped = 0;  // batches not sent to slow WebSocket clients
    std::uint64_t liveTails = 0;            // clients of /api/v1/messages/live
    std::uint64_t liveMessagesLost = 0;     // messages not sent to slow live-tail clients
};

// Prometheus text exposition format 0.0.4: label values escape '\', '"' and newline;
// HELP text escapes '\' and newline.
std::string escapeLabelValue(std::string_view value);
std::string escapeHelp(std::string_view text);

// Broker totals (sbx_broker_*) and per-destination gauges and counters
// (sbx_destination_*{vhost,name,kind}), each family with HELP and TYPE lines.
std::string renderPrometheus(const observe::BrokerSnapshot& snapshot,
                             const ManagementCounters& management);

}  // namespace sbx::management
