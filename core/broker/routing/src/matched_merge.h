#pragma once

#include <cstddef>
#include <vector>

#include "sbx/broker/subscription_tree.h"

namespace sbx::broker::detail {

// Merges the entries of `out` from `first` on so that each non-shared subscriber appears
// once (MQTT 5 §3.3.4): the highest QoS, every subscription identifier (sorted, without
// repeats), retainAsPublished of the highest-QoS subscriptions, and noLocal only when
// every matching subscription asked for it (so a subscription without No Local still
// gets the subscriber's own messages). Shared entries stay separate: a client can
// receive one copy through its own subscription and another through a share group
// (MQTT 5 §4.8.2). Sorts in place; allocates nothing beyond the identifier vectors.
void mergeBySubscriber(std::vector<MatchedSubscriber>& out, std::size_t first);

}  // namespace sbx::broker::detail
