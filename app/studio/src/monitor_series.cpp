#include "monitor_series.h"

namespace monitor_series {

using sbx::observe::DestinationKind;

sbx::observe::SeriesKey key(const std::string& source, const std::string& destination,
                            const char* metric) {
    return {source, destination, metric};
}

void record(sbx::observe::MetricHistory& history, const std::string& source,
            const sbx::observe::BrokerSnapshot& snapshot) {
    const auto time = std::chrono::floor<std::chrono::milliseconds>(snapshot.time);
    const auto& overview = snapshot.overview;
    history.append(key(source, kBroker, kDepth), time, static_cast<double>(overview.messagesReady));
    history.append(key(source, kBroker, kUnacked), time,
                   static_cast<double>(overview.messagesUnacked));
    history.append(key(source, kBroker, kInRate), time, overview.rates.published);
    history.append(key(source, kBroker, kOutRate), time, overview.rates.delivered);
    for (const auto& destination : snapshot.destinations) {
        // Exchanges and topics hold no messages; only their rates are worth a chart.
        const bool holdsMessages = destination.kind == DestinationKind::Queue ||
                                   destination.kind == DestinationKind::Stream;
        if (holdsMessages) {
            history.append(key(source, destination.id, kDepth), time,
                           static_cast<double>(destination.messagesReady));
            history.append(key(source, destination.id, kUnacked), time,
                           static_cast<double>(destination.messagesUnacked));
        }
        history.append(key(source, destination.id, kInRate), time, destination.rates.published);
        history.append(key(source, destination.id, kOutRate), time, destination.rates.delivered);
    }
}

}  // namespace monitor_series
