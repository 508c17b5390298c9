#include "sbx/bench/benchmark_options.h"

#include "sbx/bench/payload_stamp.h"

namespace sbx::bench {

namespace {

Error invalid(std::string message) {
    return Error{ErrorCode::InvalidArgument, std::move(message)};
}

}  // namespace

Status validate(const MqttBenchmarkOptions& options) {
    if (options.host.empty()) {
        return invalid("the broker host is empty");
    }
    if (options.port == 0) {
        return invalid("the broker port must be 1..65535");
    }
    if (options.publishers == 0) {
        return invalid("at least one publisher is needed");
    }
    if (options.subscribers == 0) {
        return invalid("at least one subscriber is needed");
    }
    if (options.qos > 2) {
        return invalid("QoS must be 0, 1 or 2");
    }
    if (options.payloadSize < kPayloadStampSize) {
        return invalid("the payload must be at least 16 bytes (send time and sequence number)");
    }
    if (options.payloadSize > std::size_t{256} * 1024 * 1024) {
        return invalid("the payload must be at most 256 MiB (the MQTT packet limit)");
    }
    if (options.ratePerPublisher < 0) {
        return invalid("the rate must not be negative (0 publishes flat out)");
    }
    if (!(options.durationSeconds > 0)) {
        return invalid("the duration must be more than 0 seconds");
    }
    if (options.warmupSeconds < 0 || options.drainSeconds < 0) {
        return invalid("warm-up and drain times must not be negative");
    }
    if (options.inflight == 0) {
        return invalid("the in-flight window must be at least 1");
    }
    return {};
}

std::string versionName(mqtt::ProtocolVersion version) {
    return version == mqtt::ProtocolVersion::V5 ? "5" : "3.1.1";
}

}  // namespace sbx::bench
