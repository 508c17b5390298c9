#include "sbx/alerts/alert_evaluator.h"

#include <algorithm>
#include <cctype>
#include <optional>

namespace sbx::alerts {

using observe::Destination;
using observe::DestinationKind;

namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool holdsDeadLetters(const Destination& d) {
    if (d.deadLetters) {
        return true;
    }
    const auto name = lower(d.name);
    return d.kind == DestinationKind::Queue &&
           (name.ends_with("dlq") || name.find("dead") != std::string::npos);
}

bool isConsumerGroup(const Destination& d) {
    return !d.parentId.empty() && !d.deadLetters;
}

std::string label(const Destination& d) {
    return d.name.empty() ? d.id : d.name;
}

// The measured value when `rule` holds for `d`.
std::optional<std::uint64_t> measure(const AlertRule& rule, const Destination& d) {
    switch (rule.condition) {
        case Condition::DepthAbove:
            if (d.kind != DestinationKind::Exchange && d.messagesReady > rule.threshold) {
                return d.messagesReady;
            }
            return std::nullopt;
        case Condition::NoConsumers:
            if (d.kind == DestinationKind::Queue && d.parentId.empty() && !holdsDeadLetters(d) &&
                d.consumers == 0) {
                return 0;
            }
            return std::nullopt;
        case Condition::LagAbove:
            if ((isConsumerGroup(d) || (d.kind == DestinationKind::Queue && d.consumers > 0)) &&
                d.messagesReady > rule.threshold) {
                return d.messagesReady;
            }
            return std::nullopt;
        case Condition::DeadLettersPresent: {
            const auto count = d.messagesReady + d.messagesUnacked;
            if (holdsDeadLetters(d) && count > 0) {
                return count;
            }
            return std::nullopt;
        }
        case Condition::Unreachable:
            return std::nullopt;
    }
    return std::nullopt;
}

std::string describe(const AlertRule& rule, const Destination& d, std::uint64_t value) {
    const auto name = label(d);
    switch (rule.condition) {
        case Condition::DepthAbove:
            return name + ": " + std::to_string(value) + " ready messages (above " +
                   std::to_string(rule.threshold) + ")";
        case Condition::NoConsumers:
            return name + ": no consumers";
        case Condition::LagAbove:
            return name + ": consumer lag " + std::to_string(value) + " (above " +
                   std::to_string(rule.threshold) + ")";
        case Condition::DeadLettersPresent:
            return name + ": " + std::to_string(value) + " dead letters";
        case Condition::Unreachable:
            break;
    }
    return name;
}

}  // namespace

AlertEvaluator::AlertEvaluator(std::vector<AlertRule> rules) : rules_(std::move(rules)) {}

void AlertEvaluator::setRules(std::vector<AlertRule> rules) {
    rules_ = std::move(rules);
    // Alerts of rules that changed or went away start over.
    std::erase_if(tracked_, [this](const auto& entry) {
        return std::none_of(rules_.begin(), rules_.end(), [&](const AlertRule& rule) {
            return rule.id == std::get<0>(entry.first) && rule.enabled;
        });
    });
}

void AlertEvaluator::hold(const AlertRule& rule, const std::string& broker,
                          const std::string& destinationId, std::uint64_t value,
                          std::string message, Clock::time_point now) {
    auto [it, inserted] = tracked_.try_emplace(Key{rule.id, broker, destinationId});
    Tracked& tracked = it->second;
    if (inserted) {
        tracked.alert.ruleId = rule.id;
        tracked.alert.ruleName = rule.name;
        tracked.alert.condition = rule.condition;
        tracked.alert.broker = broker;
        tracked.alert.destinationId = destinationId;
        tracked.alert.since = now;
    }
    tracked.alert.value = value;
    tracked.alert.message = std::move(message);
    tracked.seen = true;
}

std::vector<AlertChange> AlertEvaluator::observe(const std::string& broker,
                                                 const Result<observe::BrokerSnapshot>& snapshot,
                                                 Clock::time_point now) {
    for (auto& [key, tracked] : tracked_) {
        if (std::get<1>(key) == broker) {
            // Without a snapshot only Unreachable can be judged; the others keep their state.
            tracked.seen = !snapshot && tracked.alert.condition != Condition::Unreachable;
        }
    }
    for (const auto& rule : rules_) {
        if (!rule.enabled || !globMatch(rule.broker, broker)) {
            continue;
        }
        if (rule.condition == Condition::Unreachable) {
            if (!snapshot) {
                hold(rule, broker, {}, 0, broker + " is unreachable: " + snapshot.error().message,
                     now);
            }
            continue;
        }
        if (!snapshot) {
            continue;
        }
        for (const auto& destination : snapshot->destinations) {
            if (!globMatch(rule.destination, destination.name) &&
                !globMatch(rule.destination, destination.id)) {
                continue;
            }
            if (const auto value = measure(rule, destination)) {
                hold(rule, broker, destination.id, *value, describe(rule, destination, *value),
                     now);
            }
        }
    }
    std::vector<AlertChange> changes;
    for (auto it = tracked_.begin(); it != tracked_.end();) {
        Tracked& tracked = it->second;
        if (std::get<1>(it->first) != broker) {
            ++it;
            continue;
        }
        if (!tracked.seen) {
            if (tracked.fired) {
                changes.push_back({AlertChange::Kind::Resolved, tracked.alert});
            }
            it = tracked_.erase(it);
            continue;
        }
        const auto rule = std::find_if(rules_.begin(), rules_.end(),
                                       [&](const auto& r) { return r.id == tracked.alert.ruleId; });
        if (!tracked.fired && rule != rules_.end() &&
            now - tracked.alert.since >= rule->forDuration) {
            tracked.fired = true;
            changes.push_back({AlertChange::Kind::Fired, tracked.alert});
        }
        ++it;
    }
    return changes;
}

std::vector<AlertChange> AlertEvaluator::forget(const std::string& broker) {
    std::vector<AlertChange> changes;
    for (auto it = tracked_.begin(); it != tracked_.end();) {
        if (std::get<1>(it->first) == broker) {
            if (it->second.fired) {
                changes.push_back({AlertChange::Kind::Resolved, it->second.alert});
            }
            it = tracked_.erase(it);
        } else {
            ++it;
        }
    }
    return changes;
}

std::vector<Alert> AlertEvaluator::firing() const {
    std::vector<Alert> alerts;
    for (const auto& [key, tracked] : tracked_) {
        if (tracked.fired) {
            alerts.push_back(tracked.alert);
        }
    }
    return alerts;
}

std::vector<Alert> AlertEvaluator::firingFor(const std::string& broker,
                                             const std::string& destinationId) const {
    std::vector<Alert> alerts;
    for (const auto& [key, tracked] : tracked_) {
        if (tracked.fired && std::get<1>(key) == broker &&
            (destinationId.empty() || std::get<2>(key) == destinationId)) {
            alerts.push_back(tracked.alert);
        }
    }
    return alerts;
}

}  // namespace sbx::alerts
