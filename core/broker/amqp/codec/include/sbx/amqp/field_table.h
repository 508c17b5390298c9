#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace sbx::amqp {

// AMQP 0-9-1 field tables with RabbitMQ's type tags (the errata that every client uses:
// 't' bool, 'b' int8, 'B' uint8, 's' int16, 'u' uint16, 'I' int32, 'i' uint32,
// 'l' int64, 'f' float, 'd' double, 'D' decimal, 'S' long string, 'x' byte array,
// 'A' array, 'T' timestamp, 'F' table, 'V' void).
struct FieldValue;
struct FieldTableEntry;

struct Decimal {
    std::uint8_t scale = 0;
    std::int32_t value = 0;
    bool operator==(const Decimal&) const = default;
};
struct ByteArray {
    std::string bytes;
    bool operator==(const ByteArray&) const = default;
};
struct Timestamp {
    std::uint64_t seconds = 0;
    bool operator==(const Timestamp&) const = default;
};
struct Void {
    bool operator==(const Void&) const = default;
};

// Entries keep their wire order (RabbitMQ writes x-death and friends in a fixed order).
struct FieldTable {
    std::vector<FieldTableEntry> entries;

    [[nodiscard]] const FieldValue* find(std::string_view name) const;
    [[nodiscard]] FieldValue* find(std::string_view name);
    // Replaces an existing entry of that name, or appends.
    void set(std::string name, FieldValue value);
    bool erase(std::string_view name);
    [[nodiscard]] bool empty() const { return entries.empty(); }
    bool operator==(const FieldTable& other) const;
};

using FieldArray = std::vector<FieldValue>;

struct FieldValue {
    using Variant = std::variant<bool, std::int8_t, std::uint8_t, std::int16_t, std::uint16_t,
                                 std::int32_t, std::uint32_t, std::int64_t, float, double, Decimal,
                                 std::string, ByteArray, FieldArray, Timestamp, FieldTable, Void>;
    Variant value;

    FieldValue();
    template <typename T>
    FieldValue(T v) : value(std::move(v)) {}  // NOLINT(google-explicit-constructor)

    // Integer of any width as int64 (RabbitMQ clients send numbers in various widths:
    // x-max-length may arrive as 'b', 's', 'I' or 'l').
    [[nodiscard]] std::optional<std::int64_t> asInteger() const;
    [[nodiscard]] const std::string* asString() const { return std::get_if<std::string>(&value); }
    [[nodiscard]] const FieldTable* asTable() const { return std::get_if<FieldTable>(&value); }
    [[nodiscard]] const FieldArray* asArray() const { return std::get_if<FieldArray>(&value); }
    bool operator==(const FieldValue& other) const { return value == other.value; }
};

struct FieldTableEntry {
    std::string name;
    FieldValue value;
    bool operator==(const FieldTableEntry&) const = default;
};

// Defined here, not in the class: building the variant may destroy a FieldTable, whose
// vector of entries needs FieldTableEntry complete (clang with libstdc++ insists).
inline FieldValue::FieldValue() : value(Void{}) {}

}  // namespace sbx::amqp
