#include "route.h"

#include <gtest/gtest.h>

namespace sbx::management {
namespace {

TEST(Route, MatchesEveryResource) {
    EXPECT_EQ(matchRoute("/api/v1/overview")->endpoint, Endpoint::Overview);
    EXPECT_EQ(matchRoute("/api/v1/snapshot")->endpoint, Endpoint::Snapshot);
    EXPECT_EQ(matchRoute("/api/v1/capabilities")->endpoint, Endpoint::Capabilities);
    EXPECT_EQ(matchRoute("/api/v1/destinations/")->endpoint, Endpoint::Destinations);
    EXPECT_EQ(matchRoute("/api/v1/bindings")->endpoint, Endpoint::Bindings);
    EXPECT_EQ(matchRoute("/api/v1/clients")->endpoint, Endpoint::Clients);
    EXPECT_EQ(matchRoute("/api/v1/clients/c%201")->id, "c 1");
    EXPECT_EQ(matchRoute("/api/v1/publish")->endpoint, Endpoint::Publish);
    EXPECT_EQ(matchRoute("/api/v1/events?hops=0")->endpoint, Endpoint::Events);
    auto live = matchRoute("/api/v1/messages/live?topic_filter=plant%2F%2B%2Ftemp");
    ASSERT_TRUE(live.ok());
    EXPECT_EQ(live->endpoint, Endpoint::LiveMessages);
    EXPECT_EQ(live->query.at("topic_filter"), "plant/+/temp");
    EXPECT_EQ(matchRoute("/api/v1/messages").error().code, ErrorCode::NotFound);
    EXPECT_EQ(matchRoute("/metrics")->endpoint, Endpoint::Metrics);
    EXPECT_EQ(matchRoute("/api/v1/destinations/x/purge")->endpoint, Endpoint::DestinationPurge);
    EXPECT_EQ(matchRoute("/api/v1/destinations/x/redrive")->endpoint, Endpoint::DestinationRedrive);
}

TEST(Route, AnEncodedSlashStaysInsideTheId) {
    auto route = matchRoute("/api/v1/destinations/queue%3A%2F%2Forders/messages?count=5");
    ASSERT_TRUE(route.ok());
    EXPECT_EQ(route->endpoint, Endpoint::DestinationMessages);
    EXPECT_EQ(route->id, "queue://orders");
    EXPECT_EQ(route->query.at("count"), "5");
    // Unencoded, the vhost's '/' splits the path and the resource does not exist.
    EXPECT_EQ(matchRoute("/api/v1/destinations/queue:/orders/x/y").error().code,
              ErrorCode::NotFound);
}

TEST(Route, QueryDecodingTreatsPlusAsSpace) {
    auto route = matchRoute("/api/v1/destinations?vhost=%2F&prefix=a+b&kind=queue&flag");
    ASSERT_TRUE(route.ok());
    EXPECT_EQ(route->query.at("vhost"), "/");
    EXPECT_EQ(route->query.at("prefix"), "a b");
    EXPECT_EQ(route->query.at("flag"), "");
    // In a path '+' is itself.
    EXPECT_EQ(matchRoute("/api/v1/clients/a+b")->id, "a+b");
}

TEST(Route, UnknownPathsAndBrokenEncoding) {
    EXPECT_EQ(matchRoute("/api/v2/overview").error().code, ErrorCode::NotFound);
    EXPECT_EQ(matchRoute("/").error().code, ErrorCode::NotFound);
    EXPECT_EQ(matchRoute("/api/v1/destinations/x/explode").error().code, ErrorCode::NotFound);
    EXPECT_EQ(matchRoute("/api/v1/clients/%zz").error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(matchRoute("/api/v1/clients/%4").error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(matchRoute("/api/v1/destinations?kind=%").error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(matchRoute("http://x/").error().code, ErrorCode::InvalidArgument);
}

TEST(Route, PercentEncodeRoundTrips) {
    const std::string id = "queue:my vhost/ord%ers?&#\xc3\xa9";
    const auto encoded = percentEncode(id);
    EXPECT_EQ(encoded.find('/'), std::string::npos);
    EXPECT_EQ(encoded.find(' '), std::string::npos);
    EXPECT_EQ(percentDecode(encoded, false), id);
    EXPECT_EQ(percentEncode("a-b_c.d~e"), "a-b_c.d~e");
}

}  // namespace
}  // namespace sbx::management
