#include "sys_topics.h"

#include <cmath>
#include <utility>
#include <vector>

#include "broker_context.h"
#include "sbx/common/version.h"

namespace sbx::broker {

namespace {

// A one-minute exponentially weighted rate, as mosquitto's load/ topics report.
double smoothed(double previous, double perMinuteNow, std::uint32_t intervalSeconds) {
    const double weight = 1.0 - std::exp(-static_cast<double>(intervalSeconds) / 60.0);
    return previous + weight * (perMinuteNow - previous);
}

}  // namespace

void SysTopics::publish(std::uint32_t intervalSeconds) {
    const auto& c = context_.counters;
    const auto received = c.messagesReceived.load();
    const auto sent = c.messagesSent.load();
    const double scale = 60.0 / intervalSeconds;
    receivedPerMinute_ = smoothed(
        receivedPerMinute_, static_cast<double>(received - lastReceived_) * scale, intervalSeconds);
    sentPerMinute_ =
        smoothed(sentPerMinute_, static_cast<double>(sent - lastSent_) * scale, intervalSeconds);
    lastReceived_ = received;
    lastSent_ = sent;
    const auto uptime = std::chrono::duration_cast<std::chrono::seconds>(
                            std::chrono::steady_clock::now() - context_.startedAt)
                            .count();
    const auto format = [](double v) {
        return std::to_string(static_cast<double>(std::llround(v * 100)) / 100.0);
    };

    const std::vector<std::pair<const char*, std::string>> values = {
        {"$SYS/broker/version", std::string("signalbox ") + kVersion},
        {"$SYS/broker/uptime", std::to_string(uptime) + " seconds"},
        {"$SYS/broker/clients/connected", std::to_string(c.clientsConnected.load())},
        {"$SYS/broker/clients/total", std::to_string(context_.registry.size())},
        {"$SYS/broker/clients/maximum", std::to_string(c.clientsMaximum.load())},
        {"$SYS/broker/messages/received", std::to_string(received)},
        {"$SYS/broker/messages/sent", std::to_string(sent)},
        {"$SYS/broker/messages/stored", std::to_string(c.storedMessages.load())},
        {"$SYS/broker/publish/messages/received", std::to_string(c.publishReceived.load())},
        {"$SYS/broker/publish/messages/sent", std::to_string(c.publishSent.load())},
        {"$SYS/broker/publish/messages/dropped", std::to_string(c.messagesDropped.load())},
        {"$SYS/broker/messages/expired", std::to_string(c.messagesExpired.load())},
        {"$SYS/broker/bytes/received", std::to_string(c.bytesReceived.load())},
        {"$SYS/broker/bytes/sent", std::to_string(c.bytesSent.load())},
        {"$SYS/broker/subscriptions/count", std::to_string(context_.router.subscriptionCount())},
        {"$SYS/broker/retained messages/count", std::to_string(context_.router.retainedCount())},
        {"$SYS/broker/load/messages/received/1min", format(receivedPerMinute_)},
        {"$SYS/broker/load/messages/sent/1min", format(sentPerMinute_)},
    };
    const auto now = std::chrono::system_clock::now();
    for (const auto& [topic, value] : values) {
        auto message = std::make_shared<Message>();
        message->topic = topic;
        message->payload = value;
        message->retain = true;
        message->receivedAt = now;
        message->id = context_.nextMessageId();
        message->publisherClientId = "$SYS";
        context_.router.route(message, nullptr);
    }
}

}  // namespace sbx::broker
