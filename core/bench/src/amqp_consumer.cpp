#include "amqp_consumer.h"

#include <charconv>
#include <vector>

#include "sbx/bench/payload_stamp.h"

namespace sbx::bench {

namespace {

// PerfTest's rule for argument values: a long integer when the text is one.
amqp::FieldValue argumentValue(const std::string& text) {
    std::int64_t number = 0;
    const auto* end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, number);
    if (!text.empty() && error == std::errc{} && stop == end) {
        return amqp::FieldValue(number);
    }
    return amqp::FieldValue(text);
}

amqp::FieldTable tableOf(const std::vector<AmqpArgument>& arguments) {
    amqp::FieldTable table;
    for (const auto& argument : arguments) {
        table.set(argument.name, argumentValue(argument.value));
    }
    return table;
}

// Calls the methods one after the other, each after the previous one's reply; `done`
// gets the first failure, or success after the last reply.
void callInTurn(AmqpClient& client, std::vector<amqp::Method> methods,
                std::function<void(Status)> done) {
    struct Steps {
        AmqpClient& client;
        std::vector<amqp::Method> methods;
        std::function<void(Status)> done;
        std::size_t next = 0;
    };
    auto steps = std::make_shared<Steps>(Steps{client, std::move(methods), std::move(done)});
    auto advance = std::make_shared<std::function<void()>>();
    *advance = [steps, advance] {
        if (steps->next == steps->methods.size()) {
            steps->done(Status{});
            *advance = nullptr;  // break the cycle
            return;
        }
        const auto& method = steps->methods[steps->next++];
        steps->client.call(method, [steps, advance](const Result<amqp::Method>& reply) {
            if (!reply) {
                steps->done(reply.error());
                *advance = nullptr;
                return;
            }
            (*advance)();
        });
    };
    (*advance)();
}

}  // namespace

AmqpConsumer::AmqpConsumer(boost::asio::io_context& io, const AmqpBenchmarkOptions& options,
                           std::uint32_t index, AmqpClientSettings settings, const RunClock& clock,
                           AmqpQueuePlan plan)
    : options_(options),
      index_(index),
      clock_(clock),
      plan_(std::move(plan)),
      client_(io, std::move(settings), *this),
      latencies_(std::make_unique<LatencyHistogram>()),
      tracker_(options.producers) {}

void AmqpConsumer::subscribe(const Endpoints& endpoints, std::function<void(Status)> done) {
    client_.connect(endpoints, [this, done = std::move(done)](const Status& connected) {
        if (!connected) {
            done(connected);
            return;
        }
        std::vector<amqp::Method> steps;
        if (options_.prefetch > 0) {
            amqp::BasicQos qos;
            qos.prefetchCount = options_.prefetch;
            steps.emplace_back(qos);
        }
        amqp::QueueDeclare declare;
        declare.queue = plan_.queue;
        declare.durable = options_.persistent || usesStreams(options_);
        declare.arguments = tableOf(options_.queueArguments);
        steps.emplace_back(std::move(declare));
        amqp::QueueBind bind;
        bind.queue = plan_.queue;
        bind.exchange = plan_.exchange;
        bind.routingKey = plan_.bindingKey;
        steps.emplace_back(std::move(bind));
        amqp::BasicConsume consume;
        consume.queue = plan_.queue;
        consume.noAck = options_.autoAck;
        consume.arguments = tableOf(options_.consumerArguments);
        steps.emplace_back(std::move(consume));
        callInTurn(client_, std::move(steps), done);
    });
}

void AmqpConsumer::deleteQueue(std::function<void(Status)> done) {
    if (!plan_.owner || !client_.open()) {
        done(Status{});
        return;
    }
    amqp::QueueDelete remove;
    remove.queue = plan_.queue;
    callInTurn(client_, {amqp::Method(std::move(remove))}, std::move(done));
}

void AmqpConsumer::onDelivery(std::uint64_t deliveryTag, std::span<const std::uint8_t> body) {
    lastTag_ = deliveryTag;
    const auto now = steadyNowNs();
    const auto stamp = readStamp(body);
    if (!stamp) {
        return;  // not one of ours
    }
    if (clock_.measured(now)) {
        receivedMeasured_.fetch_add(1, std::memory_order_relaxed);
    }
    if (tracker_.record(stamp->publisher, stamp->sequence)) {
        distinct_.store(tracker_.distinct(), std::memory_order_relaxed);
        if (clock_.measured(stamp->sentNs)) {
            latencies_->record(now >= stamp->sentNs ? now - stamp->sentNs : 0);
        }
    }
}

// One basic.ack with multiple set covers everything this read delivered.
void AmqpConsumer::onReadHandled() {
    if (options_.autoAck || lastTag_ == ackedTag_) {
        return;
    }
    amqp::BasicAck ack;
    ack.deliveryTag = lastTag_;
    ack.multiple = true;
    client_.send(ack);
    ackedTag_ = lastTag_;
}

void AmqpConsumer::onClosed(bool expected, const std::string& reason) {
    if (!expected) {
        const std::lock_guard lock(errorMutex_);
        error_ = "consumer " + std::to_string(index_) + ": " + reason;
    }
    closed_.store(true);
}

std::string AmqpConsumer::error() const {
    const std::lock_guard lock(errorMutex_);
    return error_;
}

}  // namespace sbx::bench
