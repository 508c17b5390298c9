#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "dead_letter_book.h"
#include "sbx/observe/broker_snapshot.h"

namespace sbx::nats {

// The monitoring endpoints' JSON mapped onto the observe model.

// /varz: product "NATS x.y.z", uptime, in/out messages and bytes, connections.
void mapVarz(const nlohmann::json& varz, observe::BrokerOverview& overview);
// /connz?subs=1&auth=1: one Client per connection, its subscriptions as "topic:<subject>".
void mapConnz(const nlohmann::json& connz, observe::BrokerSnapshot& snapshot);
// Subjects that clients subscribe to, as Topic destinations with their subscriber count.
void addSubscribedTopics(observe::BrokerSnapshot& snapshot);
// /jsz?accounts=1&streams=1&consumers=1&config=1: "stream:<name>" destinations and
// "consumer:<stream>/<name>" under them; a "deadletters:<stream>/<consumer>" destination
// for every consumer with max_deliver and for every consumer with advisories in `book`.
void mapJsz(const nlohmann::json& jsz, const std::map<DeadLetterBook::Key, std::size_t>& book,
            observe::BrokerSnapshot& snapshot);

[[nodiscard]] std::string streamId(const std::string& stream);
[[nodiscard]] std::string consumerId(const std::string& stream, const std::string& consumer);
[[nodiscard]] std::string deadLettersId(const std::string& stream, const std::string& consumer);

}  // namespace sbx::nats
