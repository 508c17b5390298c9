#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace sbx::broker::amqp {

// What a publish did, for basic.return and publisher confirms.
struct PublishResult {
    std::size_t queues = 0;  // queues that accepted the message
    // No queue was reached (after alternate exchanges). With mandatory set, the
    // connection layer sends basic.return with kNoRouteCode / kNoRouteText.
    bool unroutable = false;
    // A queue refused it (x-overflow reject-publish): the confirm must be a nack.
    bool rejected = false;
    // The id the virtual host gave the message (for traces: later hops carry it).
    std::uint64_t messageId = 0;

    static constexpr unsigned kNoRouteCode = 312;
    static constexpr std::string_view kNoRouteText = "NO_ROUTE";
};

}  // namespace sbx::broker::amqp
