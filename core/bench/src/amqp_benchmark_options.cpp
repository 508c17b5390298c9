#include "sbx/bench/amqp_benchmark_options.h"

#include <algorithm>

#include "sbx/bench/payload_stamp.h"

namespace sbx::bench {

namespace {

Error invalid(std::string message) {
    return Error{ErrorCode::InvalidArgument, std::move(message)};
}

Status validateEndpoint(const AmqpBenchmarkOptions& options) {
    if (options.host.empty()) {
        return invalid("the broker host is empty");
    }
    if (options.port == 0) {
        return invalid("the broker port must be 1..65535");
    }
    if (options.user.empty()) {
        return invalid("the user name is empty");
    }
    return {};
}

Status validateLoad(const AmqpBenchmarkOptions& options) {
    if (options.producers == 0) {
        return invalid("at least one producer is needed");
    }
    if (options.consumers == 0) {
        return invalid("at least one consumer is needed");
    }
    if (options.payloadSize < kPayloadStampSize) {
        return invalid("the payload must be at least 16 bytes (send time and sequence number)");
    }
    if (options.ratePerProducer < 0) {
        return invalid("the rate must not be negative (0 publishes flat out)");
    }
    if (!(options.durationSeconds > 0)) {
        return invalid("the duration must be more than 0 seconds");
    }
    if (options.warmupSeconds < 0 || options.drainSeconds < 0) {
        return invalid("warm-up and drain times must not be negative");
    }
    return {};
}

// RabbitMQ refuses these at basic.consume; saying so up front reads better.
Status validateStreams(const AmqpBenchmarkOptions& options) {
    if (!usesStreams(options)) {
        return {};
    }
    if (options.autoAck) {
        return invalid("stream queues need manual acknowledgement (drop --auto-ack)");
    }
    if (options.prefetch == 0) {
        return invalid("stream queues need a prefetch (--prefetch N)");
    }
    return {};
}

}  // namespace

Status validate(const AmqpBenchmarkOptions& options) {
    for (const auto& check : {validateEndpoint, validateLoad, validateStreams}) {
        if (auto status = check(options); !status) {
            return status;
        }
    }
    return {};
}

Result<std::vector<AmqpArgument>> parseAmqpArguments(std::string_view text) {
    std::vector<AmqpArgument> arguments;
    if (text.empty()) {
        return arguments;
    }
    std::size_t start = 0;
    while (true) {
        const auto comma = text.find(',', start);
        const auto entry =
            text.substr(start, comma == std::string_view::npos ? comma : comma - start);
        const auto equals = entry.find('=');
        if (equals == std::string_view::npos || equals == 0) {
            return invalid("'" + std::string(entry) + "' is not name=value");
        }
        arguments.push_back(AmqpArgument{std::string(entry.substr(0, equals)),
                                         std::string(entry.substr(equals + 1))});
        if (comma == std::string_view::npos) {
            return arguments;
        }
        start = comma + 1;
    }
}

Result<AmqpExchangeType> parseExchangeType(std::string_view name) {
    for (const auto type :
         {AmqpExchangeType::Direct, AmqpExchangeType::Fanout, AmqpExchangeType::Topic}) {
        if (name == exchangeTypeName(type)) {
            return type;
        }
    }
    return invalid("the exchange type must be direct, fanout or topic");
}

std::string_view exchangeTypeName(AmqpExchangeType type) {
    switch (type) {
        case AmqpExchangeType::Direct:
            return "direct";
        case AmqpExchangeType::Fanout:
            return "fanout";
        case AmqpExchangeType::Topic:
            return "topic";
    }
    return "direct";
}

bool usesStreams(const AmqpBenchmarkOptions& options) {
    return std::any_of(options.queueArguments.begin(), options.queueArguments.end(),
                       [](const AmqpArgument& argument) {
                           return argument.name == "x-queue-type" && argument.value == "stream";
                       });
}

bool queuePerConsumer(const AmqpBenchmarkOptions& options) {
    return options.exchangeType == AmqpExchangeType::Fanout;
}

std::uint32_t deliveriesPerMessage(const AmqpBenchmarkOptions& options) {
    return queuePerConsumer(options) || usesStreams(options) ? options.consumers : 1;
}

}  // namespace sbx::bench
