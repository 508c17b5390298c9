#pragma once

// JSON for every type of the observe model, as the management API sends and accepts it.
// Field names are camelCase and stable: they are the API (docs/management-api.yaml).
// Times are ISO 8601 UTC strings with milliseconds ("2026-11-22T08:05:29.123Z"; null for
// "unknown"); payloads are text when they are valid UTF-8 and base64 otherwise, with
// `payloadEncoding` saying which ("utf8" or "base64").
//
// nlohmann's adl_serializer specialisations let `Json j = snapshot;` and
// `j.get<Destination>()` work; readers throw on wrong types, so code outside this module
// goes through fromJson(), which returns the failure as a value.

#include <nlohmann/json.hpp>
#include <string>

#include "sbx/common/result.h"
#include "sbx/observe/broker_commands.h"
#include "sbx/observe/broker_snapshot.h"
#include "sbx/observe/broker_source.h"
#include "sbx/observe/hop_event.h"
#include "sbx/observe/observed_message.h"

#define SBX_MANAGEMENT_JSON_SERIALIZER(Type)                            \
    template <>                                                         \
    struct nlohmann::adl_serializer<Type> {                             \
        static void to_json(nlohmann::json& json, const Type& value);   \
        static void from_json(const nlohmann::json& json, Type& value); \
    }

SBX_MANAGEMENT_JSON_SERIALIZER(sbx::observe::DestinationKind);
SBX_MANAGEMENT_JSON_SERIALIZER(sbx::observe::MessageCounters);
SBX_MANAGEMENT_JSON_SERIALIZER(sbx::observe::MessageRates);
SBX_MANAGEMENT_JSON_SERIALIZER(sbx::observe::Field);
SBX_MANAGEMENT_JSON_SERIALIZER(sbx::observe::Destination);
SBX_MANAGEMENT_JSON_SERIALIZER(sbx::observe::Binding);
SBX_MANAGEMENT_JSON_SERIALIZER(sbx::observe::ClientSubscription);
SBX_MANAGEMENT_JSON_SERIALIZER(sbx::observe::Client);
SBX_MANAGEMENT_JSON_SERIALIZER(sbx::observe::BrokerOverview);
SBX_MANAGEMENT_JSON_SERIALIZER(sbx::observe::BrokerSnapshot);
SBX_MANAGEMENT_JSON_SERIALIZER(sbx::observe::DeathRecord);
SBX_MANAGEMENT_JSON_SERIALIZER(sbx::observe::ObservedMessage);
SBX_MANAGEMENT_JSON_SERIALIZER(sbx::observe::MessageBatch);
SBX_MANAGEMENT_JSON_SERIALIZER(sbx::observe::HopKind);
SBX_MANAGEMENT_JSON_SERIALIZER(sbx::observe::MessageIds);
SBX_MANAGEMENT_JSON_SERIALIZER(sbx::observe::HopEvent);
SBX_MANAGEMENT_JSON_SERIALIZER(sbx::observe::PublishRequest);
SBX_MANAGEMENT_JSON_SERIALIZER(sbx::observe::PeekRequest);
SBX_MANAGEMENT_JSON_SERIALIZER(sbx::observe::DeclareRequest);
SBX_MANAGEMENT_JSON_SERIALIZER(sbx::observe::BindRequest);
SBX_MANAGEMENT_JSON_SERIALIZER(sbx::observe::RedriveRequest);
SBX_MANAGEMENT_JSON_SERIALIZER(sbx::observe::RedriveResult);
SBX_MANAGEMENT_JSON_SERIALIZER(sbx::observe::Capabilities);

#undef SBX_MANAGEMENT_JSON_SERIALIZER

namespace sbx::management {

using Json = nlohmann::json;

// Reads a T, turning a wrong type or an unknown enum name into InvalidArgument with the
// reason ("kind: 'bucket' is not one of exchange, queue, stream, topic").
template <typename T>
Result<T> fromJson(const Json& json) {
    try {
        return json.get<T>();
    } catch (const std::exception& e) {
        return Error{ErrorCode::InvalidArgument, e.what()};
    }
}

// Parses text as JSON; ParseError with the position when it is not.
Result<Json> parseJson(std::string_view text);

// Serialises without throwing: invalid UTF-8 outside payloads is replaced (U+FFFD).
std::string dumpJson(const Json& json);

// The capability names of the API ("peek", "publishMqtt", ...), in bit order.
std::string_view capabilityName(observe::Capability capability);

// ISO 8601 UTC with milliseconds; the zero time point is "unknown" (null in JSON).
std::string formatTime(std::chrono::system_clock::time_point time);
Result<std::chrono::system_clock::time_point> parseTime(std::string_view text);

}  // namespace sbx::management
