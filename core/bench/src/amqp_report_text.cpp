#include <sstream>

#include "report_parts.h"
#include "sbx/bench/amqp_benchmark_report.h"

namespace sbx::bench {

namespace {

using report::format;

std::string describeArguments(const std::vector<AmqpArgument>& arguments) {
    std::string text;
    for (const auto& argument : arguments) {
        text += (text.empty() ? "" : ",") + argument.name + "=" + argument.value;
    }
    return text;
}

std::string describeLoad(const AmqpBenchmarkReport& report) {
    const auto& o = report.options;
    std::ostringstream text;
    text << o.host << ':' << o.port << " vhost " << o.vhost << ", " << o.producers
         << " producer(s) -> " << o.consumers << " consumer(s) via amq."
         << exchangeTypeName(o.exchangeType)
         << (queuePerConsumer(o) ? " (a queue each)" : " (one queue)") << ", " << o.payloadSize
         << " B " << (o.persistent ? "persistent" : "transient") << ", "
         << report::rateText(o.ratePerProducer, "producer") << ", "
         << (o.confirms > 0 ? "confirms (" + std::to_string(o.confirms) + " outstanding)"
                            : std::string("no confirms"))
         << ", " << (o.autoAck ? "auto-ack" : "manual ack");
    if (o.prefetch > 0) {
        text << ", prefetch " << o.prefetch;
    }
    if (!o.queueArguments.empty()) {
        text << ", queue args " << describeArguments(o.queueArguments);
    }
    if (!o.consumerArguments.empty()) {
        text << ", consumer args " << describeArguments(o.consumerArguments);
    }
    text << ", " << format("%.1f s", o.durationSeconds) << " (+"
         << format("%.1f s", o.warmupSeconds) << " warm-up), " << report.threads << " thread(s)";
    return text.str();
}

}  // namespace

std::string renderText(const AmqpBenchmarkReport& report) {
    std::ostringstream text;
    text << "sbx bench amqp: " << describeLoad(report) << '\n';
    report::writeThroughput(text, "sent      ", report.sent);
    if (report.options.confirms > 0) {
        report::writeThroughput(text, "confirmed ", report.confirmed);
    }
    report::writeThroughput(text, "received  ", report.received);
    report::writeLatency(text, report.latency);
    text << "delivery   " << report.deliveries << " of " << report.expectedDeliveries
         << " expected, lost " << report.lost << ", duplicates " << report.duplicates;
    if (report.nacked > 0) {
        text << ", nacked by the broker " << report.nacked;
    }
    text << '\n';
    if (!report.drained) {
        text << "note       not every message arrived within "
             << format("%.1f s", report.options.drainSeconds)
             << " after the end; the rest count as lost\n";
    }
    for (const auto& error : report.errors) {
        text << "error      " << error << '\n';
    }
    return text.str();
}

}  // namespace sbx::bench
