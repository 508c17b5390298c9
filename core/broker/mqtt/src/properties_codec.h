#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "field_reader.h"
#include "sbx/mqtt/properties.h"

namespace sbx::mqtt {

// Where a property block sits; each allows its own set of properties (MQTT 5 §2.2.2.2).
enum class PropertyScope : std::uint8_t {
    Connect,
    Will,
    Connack,
    Publish,
    Puback,
    Pubrec,
    Pubrel,
    Pubcomp,
    Subscribe,
    Suback,
    Unsubscribe,
    Unsuback,
    Disconnect,
    Auth,
};

[[nodiscard]] std::string_view scopeName(PropertyScope scope);

// Reads a property length and that many bytes of properties into `properties`, checking
// that each id is known and allowed in `scope` (else Malformed), appears at most once
// (else Protocol Error; User Property may repeat, and Subscription Identifier may in
// PUBLISH) and holds a value the spec allows.
[[nodiscard]] Failure decodeProperties(ByteReader& reader, PropertyScope scope,
                                       Properties& properties);

// Bytes of the properties themselves, without the property length in front.
[[nodiscard]] std::size_t propertiesContentSize(const Properties& properties);
[[nodiscard]] inline bool hasProperties(const Properties& properties) {
    return propertiesContentSize(properties) != 0;
}

// Writes the property length then every property that is set, in id order. Instantiated
// for ByteWriter and SizeCounter (byte_writer.h).
template <class Sink>
void writeProperties(const Properties& properties, Sink& sink);

}  // namespace sbx::mqtt
