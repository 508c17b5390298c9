#include "prometheus.h"

#include <functional>
#include <tuple>
#include <vector>

namespace sbx::management {

namespace {

using observe::Destination;

std::string labelsOf(const Destination& d) {
    return "{vhost=\"" + escapeLabelValue(d.vhost) + "\",name=\"" + escapeLabelValue(d.name) +
           "\",kind=\"" + std::string(observe::toString(d.kind)) + "\"}";
}

void family(std::string& out, std::string_view name, std::string_view type, std::string_view help) {
    out += "# HELP ";
    out += name;
    out += ' ';
    out += escapeHelp(help);
    out += "\n# TYPE ";
    out += name;
    out += ' ';
    out += type;
    out += '\n';
}

void sample(std::string& out, std::string_view name, std::string_view labels, std::uint64_t value) {
    out += name;
    out += labels;
    out += ' ';
    out += std::to_string(value);
    out += '\n';
}

struct DestinationMetric {
    std::string_view name;
    std::string_view type;
    std::string_view help;
    std::function<std::uint64_t(const Destination&)> value;
};

const std::vector<DestinationMetric>& destinationMetrics() {
    static const std::vector<DestinationMetric> metrics{
        {"sbx_destination_messages_ready", "gauge", "Messages ready for delivery (queue depth)",
         [](const Destination& d) { return d.messagesReady; }},
        {"sbx_destination_messages_unacked", "gauge", "Messages delivered but not acknowledged",
         [](const Destination& d) { return d.messagesUnacked; }},
        {"sbx_destination_bytes", "gauge", "Payload bytes of ready and unacknowledged messages",
         [](const Destination& d) { return d.bytes; }},
        {"sbx_destination_consumers", "gauge", "Consumers or subscribers",
         [](const Destination& d) { return std::uint64_t{d.consumers}; }},
        {"sbx_destination_messages_published_total", "counter", "Messages that entered",
         [](const Destination& d) { return d.counters.published; }},
        {"sbx_destination_messages_delivered_total", "counter",
         "Messages handed to consumers or subscribers",
         [](const Destination& d) { return d.counters.delivered; }},
        {"sbx_destination_messages_acked_total", "counter", "Messages acknowledged",
         [](const Destination& d) { return d.counters.acked; }},
        {"sbx_destination_messages_redelivered_total", "counter", "Messages delivered again",
         [](const Destination& d) { return d.counters.redelivered; }},
        {"sbx_destination_messages_dropped_total", "counter",
         "Messages rejected by a limit, expired or dead-lettered away",
         [](const Destination& d) { return d.counters.dropped; }},
    };
    return metrics;
}

void renderBroker(std::string& out, const observe::BrokerOverview& o) {
    const std::pair<std::string_view, std::uint64_t> gauges[] = {
        {"sbx_broker_uptime_seconds", o.uptimeSeconds},
        {"sbx_broker_connections", o.connections},
        {"sbx_broker_messages_ready", o.messagesReady},
        {"sbx_broker_messages_unacked", o.messagesUnacked},
    };
    const std::string_view gaugeHelp[] = {"Seconds since the broker started", "Connected clients",
                                          "Messages ready in all queues",
                                          "Messages unacknowledged in all queues"};
    for (std::size_t i = 0; i < std::size(gauges); ++i) {
        family(out, gauges[i].first, "gauge", gaugeHelp[i]);
        sample(out, gauges[i].first, "", gauges[i].second);
    }
    const std::tuple<std::string_view, std::uint64_t, std::string_view> counters[] = {
        {"sbx_broker_messages_published_total", o.counters.published, "Messages published"},
        {"sbx_broker_messages_delivered_total", o.counters.delivered, "Messages delivered"},
        {"sbx_broker_messages_acked_total", o.counters.acked, "Messages acknowledged"},
        {"sbx_broker_messages_redelivered_total", o.counters.redelivered, "Messages redelivered"},
        {"sbx_broker_messages_dropped_total", o.counters.dropped, "Messages dropped"},
    };
    for (const auto& [name, value, help] : counters) {
        family(out, name, "counter", help);
        sample(out, name, "", value);
    }
}

}  // namespace

std::string escapeLabelValue(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (const char c : value) {
        if (c == '\\') {
            out += "\\\\";
        } else if (c == '"') {
            out += "\\\"";
        } else if (c == '\n') {
            out += "\\n";
        } else {
            out += c;
        }
    }
    return out;
}

std::string escapeHelp(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        if (c == '\\') {
            out += "\\\\";
        } else if (c == '\n') {
            out += "\\n";
        } else {
            out += c;
        }
    }
    return out;
}

std::string renderPrometheus(const observe::BrokerSnapshot& snapshot,
                             const ManagementCounters& management) {
    std::string out;
    renderBroker(out, snapshot.overview);
    // Labels once per destination rather than once per sample.
    std::vector<std::string> labels;
    labels.reserve(snapshot.destinations.size());
    for (const auto& d : snapshot.destinations) {
        labels.push_back(labelsOf(d));
    }
    for (const auto& metric : destinationMetrics()) {
        family(out, metric.name, metric.type, metric.help);
        for (std::size_t i = 0; i < snapshot.destinations.size(); ++i) {
            sample(out, metric.name, labels[i], metric.value(snapshot.destinations[i]));
        }
    }
    family(out, "sbx_management_event_clients", "gauge", "WebSocket clients of /api/v1/events");
    sample(out, "sbx_management_event_clients", "", management.eventClients);
    family(out, "sbx_management_event_batches_dropped_total", "counter",
           "Event batches not sent to WebSocket clients that read too slowly");
    sample(out, "sbx_management_event_batches_dropped_total", "", management.eventBatchesDropped);
    family(out, "sbx_management_live_tails", "gauge",
           "WebSocket clients of /api/v1/messages/live (one message watch each)");
    sample(out, "sbx_management_live_tails", "", management.liveTails);
    family(out, "sbx_management_live_messages_lost_total", "counter",
           "Messages not sent to live-tail clients that read too slowly");
    sample(out, "sbx_management_live_messages_lost_total", "", management.liveMessagesLost);
    return out;
}

}  // namespace sbx::management
