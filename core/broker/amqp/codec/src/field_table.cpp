#include "sbx/amqp/field_table.h"

#include <algorithm>
#include <type_traits>

namespace sbx::amqp {

namespace {

template <class Entries>
auto findEntry(Entries& entries, std::string_view name) {
    return std::find_if(entries.begin(), entries.end(),
                        [name](const FieldTableEntry& entry) { return entry.name == name; });
}

}  // namespace

const FieldValue* FieldTable::find(std::string_view name) const {
    const auto entry = findEntry(entries, name);
    return entry == entries.end() ? nullptr : &entry->value;
}

FieldValue* FieldTable::find(std::string_view name) {
    const auto entry = findEntry(entries, name);
    return entry == entries.end() ? nullptr : &entry->value;
}

void FieldTable::set(std::string name, FieldValue value) {
    if (auto* existing = find(name)) {
        *existing = std::move(value);
        return;
    }
    entries.push_back(FieldTableEntry{std::move(name), std::move(value)});
}

bool FieldTable::erase(std::string_view name) {
    const auto entry = findEntry(entries, name);
    if (entry == entries.end()) {
        return false;
    }
    entries.erase(entry);
    return true;
}

// Order matters: a table is a sequence on the wire, and re-encoding must give the same
// bytes (RabbitMQ compares queue arguments this way too, after its own sort).
bool FieldTable::operator==(const FieldTable& other) const {
    return entries == other.entries;
}

std::optional<std::int64_t> FieldValue::asInteger() const {
    return std::visit(
        [](const auto& held) -> std::optional<std::int64_t> {
            using Held = std::decay_t<decltype(held)>;
            if constexpr (std::is_integral_v<Held> && !std::is_same_v<Held, bool>) {
                return static_cast<std::int64_t>(held);
            } else {
                return std::nullopt;
            }
        },
        value);
}

}  // namespace sbx::amqp
