#pragma once

#include <string>

#include "sbx/observe/broker_snapshot.h"
#include "sbx/observe/metric_history.h"
#include "sbx/observe/metric_series.h"

// How the studio names the metric series it keeps for a broker, so the monitor that
// writes them and the dashboard that reads them agree. The broker itself is the
// destination "broker"; destinations use their snapshot id ("queue:/orders").
namespace monitor_series {

inline constexpr const char* kBroker = "broker";
inline constexpr const char* kDepth = "depth";
inline constexpr const char* kUnacked = "unacked";
inline constexpr const char* kInRate = "in_rate";
inline constexpr const char* kOutRate = "out_rate";

[[nodiscard]] sbx::observe::SeriesKey key(const std::string& source, const std::string& destination,
                                          const char* metric);

// Appends depth, unacked and in/out rates of the broker and of every queue and stream,
// and the rates of exchanges and topics, stamped with the snapshot's time.
void record(sbx::observe::MetricHistory& history, const std::string& source,
            const sbx::observe::BrokerSnapshot& snapshot);

}  // namespace monitor_series
