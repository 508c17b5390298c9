#include "sbx/broker/amqp/dead_letter.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <utility>
#include <vector>

namespace sbx::broker::amqp {

namespace {

using sbx::amqp::FieldTableEntry;
using sbx::amqp::Timestamp;

const std::string* stringAt(const FieldTable& table, std::string_view key) {
    const FieldValue* value = table.find(key);
    return value != nullptr ? value->asString() : nullptr;
}

bool sameEvent(const FieldTable& death, std::string_view queue, std::string_view reason) {
    const std::string* q = stringAt(death, "queue");
    const std::string* r = stringAt(death, "reason");
    return q != nullptr && r != nullptr && *q == queue && *r == reason;
}

// rabbit_misc:sort_field_table: keys in byte order (keysort keeps equal keys in order).
void sortByKey(FieldTable& table) {
    std::stable_sort(
        table.entries.begin(), table.entries.end(),
        [](const FieldTableEntry& a, const FieldTableEntry& b) { return a.name < b.name; });
}

// The routing keys a message was published with: the key, then CC (BCC is stripped on
// publish), as rabbit_basic:header_routes reads them.
FieldArray routingKeysOf(const AmqpMessage& message, const FieldTable& headers) {
    FieldArray keys{FieldValue(message.routingKey)};
    if (const FieldValue* cc = headers.find("CC")) {
        if (const FieldArray* list = cc->asArray()) {
            for (const auto& key : *list) {
                if (key.asString() != nullptr) {
                    keys.push_back(key);
                }
            }
        }
    }
    return keys;
}

// The table of one new death event, in the order rabbit_dead_letter builds it.
FieldTable newEvent(const AmqpMessage& original, const FieldTable& headers, DeadLetterReason reason,
                    std::string_view queue, TimePoint now) {
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch());
    FieldTable event;
    event.entries.push_back({"count", FieldValue(std::int64_t{1})});
    event.entries.push_back({"reason", FieldValue(std::string(toString(reason)))});
    event.entries.push_back({"queue", FieldValue(std::string(queue))});
    event.entries.push_back(
        {"time", FieldValue(Timestamp{static_cast<std::uint64_t>(seconds.count())})});
    event.entries.push_back({"exchange", FieldValue(original.exchange)});
    event.entries.push_back({"routing-keys", FieldValue(routingKeysOf(original, headers))});
    if (original.properties.expiration) {
        event.entries.push_back(
            {"original-expiration", FieldValue(*original.properties.expiration)});
    }
    return event;
}

// rabbit_dead_letter:group_by_queue_and_reason: one table per queue+reason (the first
// seen), given a count if it had none, sorted. A single table is left as it is.
std::vector<FieldTable> groupedDeaths(const FieldArray& deaths) {
    std::vector<FieldTable> tables;
    for (const auto& death : deaths) {
        if (const FieldTable* table = death.asTable()) {
            tables.push_back(*table);
        }
    }
    if (tables.size() < 2) {
        return tables;
    }
    std::vector<FieldTable> grouped;
    for (const auto& table : tables) {
        const std::string queue = stringAt(table, "queue") ? *stringAt(table, "queue") : "";
        const std::string reason = stringAt(table, "reason") ? *stringAt(table, "reason") : "";
        const bool seen = std::any_of(grouped.begin(), grouped.end(), [&](const FieldTable& g) {
            return sameEvent(g, queue, reason);
        });
        if (seen) {
            continue;
        }
        FieldTable first = table;
        if (first.find("count") == nullptr) {
            const auto same = std::count_if(tables.begin(), tables.end(), [&](const auto& t) {
                return sameEvent(t, queue, reason);
            });
            first.entries.insert(first.entries.begin(),
                                 {"count", FieldValue(static_cast<std::int64_t>(same))});
        }
        sortByKey(first);
        grouped.push_back(std::move(first));
    }
    return grouped;
}

void incrementCount(FieldTable& death) {
    FieldValue* count = death.find("count");
    if (count == nullptr) {
        death.entries.insert(death.entries.begin(), {"count", FieldValue(std::int64_t{1})});
        return;
    }
    const std::int64_t* n = std::get_if<std::int64_t>(&count->value);
    *count = FieldValue(std::int64_t{(n != nullptr ? *n : 0) + 1});
}

FieldArray toArray(std::vector<FieldTable> tables) {
    FieldArray array;
    array.reserve(tables.size());
    for (auto& table : tables) {
        array.emplace_back(std::move(table));
    }
    return array;
}

// rabbit_dead_letter:update_x_death_header.
void recordDeath(FieldTable& headers, FieldTable event) {
    const std::string queue = *stringAt(event, "queue");
    const std::string reason = *stringAt(event, "reason");
    const std::string exchange = *stringAt(event, "exchange");
    const FieldValue* existing = headers.find("x-death");
    const FieldArray* deaths = existing != nullptr ? existing->asArray() : nullptr;
    if (deaths == nullptr) {
        headers.set("x-first-death-reason", FieldValue(reason));
        headers.set("x-first-death-queue", FieldValue(queue));
        headers.set("x-first-death-exchange", FieldValue(exchange));
        headers.set("x-death", FieldValue(FieldArray{FieldValue(std::move(event))}));
    } else {
        std::vector<FieldTable> others = groupedDeaths(*deaths);
        auto match = std::find_if(others.begin(), others.end(),
                                  [&](const FieldTable& t) { return sameEvent(t, queue, reason); });
        FieldTable front;
        if (match == others.end()) {
            front = std::move(event);
        } else {
            front = std::move(*match);
            others.erase(match);
            incrementCount(front);
        }
        sortByKey(front);
        others.insert(others.begin(), std::move(front));
        headers.set("x-death", FieldValue(toArray(std::move(others))));
    }
    headers.set("x-last-death-reason", FieldValue(reason));
    headers.set("x-last-death-queue", FieldValue(queue));
    headers.set("x-last-death-exchange", FieldValue(exchange));
}

}  // namespace

std::string_view toString(DeadLetterReason reason) {
    switch (reason) {
        case DeadLetterReason::Rejected:
            return "rejected";
        case DeadLetterReason::Expired:
            return "expired";
        case DeadLetterReason::MaxLen:
            return "maxlen";
    }
    return "rejected";
}

AmqpMessage makeDeadLetter(const AmqpMessage& original, DeadLetterReason reason,
                           std::string_view queue, std::string_view deadLetterExchange,
                           const std::optional<std::string>& deadLetterRoutingKey, TimePoint now) {
    AmqpMessage letter = original;
    FieldTable headers = original.properties.headers.value_or(FieldTable{});
    recordDeath(headers, newEvent(original, headers, reason, queue, now));
    if (deadLetterRoutingKey) {
        letter.routingKey = *deadLetterRoutingKey;
        headers.erase("CC");
    }
    sortByKey(headers);
    letter.properties.headers = std::move(headers);
    letter.properties.expiration.reset();
    letter.exchange = std::string(deadLetterExchange);
    letter.publishedAt = now;
    return letter;
}

bool isDeadLetterCycle(const AmqpMessage& deadLetter, DeadLetterReason reason,
                       std::string_view targetQueue) {
    if (reason == DeadLetterReason::Rejected || !deadLetter.properties.headers) {
        return false;
    }
    const FieldValue* value = deadLetter.properties.headers->find("x-death");
    const FieldArray* deaths = value != nullptr ? value->asArray() : nullptr;
    if (deaths == nullptr) {
        return false;
    }
    for (const auto& death : *deaths) {
        const FieldTable* table = death.asTable();
        if (table == nullptr) {
            return false;  // something a client put there: not a fully automatic cycle
        }
        const std::string* r = stringAt(*table, "reason");
        if (r != nullptr && *r == "rejected") {
            return false;
        }
        const std::string* q = stringAt(*table, "queue");
        if (q != nullptr && *q == targetQueue) {
            return true;
        }
    }
    return false;
}

}  // namespace sbx::broker::amqp
