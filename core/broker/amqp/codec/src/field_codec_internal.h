#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "sbx/amqp/decode_error.h"
#include "sbx/amqp/field_table.h"
#include "wire_reader.h"
#include "wire_writer.h"

namespace sbx::amqp {

// The outcome of one decoding step: empty when it went fine.
using Failure = std::optional<DecodeError>;

[[nodiscard]] DecodeError frameError(std::string text);
[[nodiscard]] DecodeError syntaxError(std::string text);

// A table at nesting level `depth` (1 for a table that is a method argument or the
// headers property). Reads its size and exactly that many bytes.
[[nodiscard]] Failure readFieldTable(WireReader& reader, FieldTable& table, std::size_t depth);
void writeFieldTable(const FieldTable& table, WireWriter& writer);

}  // namespace sbx::amqp
