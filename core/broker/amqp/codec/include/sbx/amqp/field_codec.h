#pragma once

#include <cstdint>
#include <span>
#include <variant>
#include <vector>

#include "sbx/amqp/decode_error.h"
#include "sbx/amqp/field_table.h"

namespace sbx::amqp {

// Field tables on their own (they also appear inside methods and properties), for
// callers that store or forward them, such as queue arguments or x-death headers.

using FieldTableDecodeResult = std::variant<FieldTable, DecodeError>;

// Decodes exactly one table: its four-byte size, then that many bytes of entries.
// An unknown type tag or nesting deeper than kMaxFieldNesting is a SYNTAX_ERROR; sizes
// that run past the data, or bytes after the table, a FRAME_ERROR.
[[nodiscard]] FieldTableDecodeResult decodeFieldTable(std::span<const std::uint8_t> bytes);

// Appends the table's wire form (size first). Names longer than 255 bytes are cut.
void encodeFieldTable(const FieldTable& table, std::vector<std::uint8_t>& out);

// The type tag a value is written with ('t', 'b', 'B', ... 'V').
[[nodiscard]] char fieldTypeTag(const FieldValue& value);

}  // namespace sbx::amqp
