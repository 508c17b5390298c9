#include "sbx/inspect/message_filter.h"

#include <gtest/gtest.h>

namespace sbx::inspect {
namespace {

observe::ObservedMessage order(std::string payload) {
    observe::ObservedMessage message;
    message.routingKey = "orders.eu.created";
    message.payload = std::move(payload);
    message.properties = {{"content-type", "application/json"}, {"correlation-id", "c-42"}};
    message.headers = {{"tenant", "ACME"}};
    return message;
}

bool matches(const MessageFilter& filter, const observe::ObservedMessage& message) {
    auto compiled = CompiledFilter::compile(filter);
    EXPECT_TRUE(compiled.ok());
    return compiled.ok() && compiled->matches(message);
}

TEST(MessageFilter, EmptyFilterMatchesEverything) {
    const MessageFilter filter;
    EXPECT_TRUE(filter.empty());
    EXPECT_TRUE(matches(filter, order("x")));
}

TEST(MessageFilter, PayloadTextIgnoresCaseUnlessAsked) {
    MessageFilter filter;
    filter.payload = "SKU-7";
    EXPECT_TRUE(matches(filter, order(R"({"sku":"sku-7"})")));
    filter.caseSensitive = true;
    EXPECT_FALSE(matches(filter, order(R"({"sku":"sku-7"})")));
    EXPECT_TRUE(matches(filter, order(R"({"sku":"SKU-7"})")));
}

TEST(MessageFilter, PayloadRegex) {
    MessageFilter filter;
    filter.payload = R"("amount":\s*[5-9]\d{2})";
    filter.regex = true;
    EXPECT_TRUE(matches(filter, order(R"({"amount": 700})")));
    EXPECT_FALSE(matches(filter, order(R"({"amount": 70})")));
}

TEST(MessageFilter, BadRegexIsAnErrorNotAnException) {
    MessageFilter filter;
    filter.payload = "(unclosed";
    filter.regex = true;
    const auto compiled = CompiledFilter::compile(filter);
    ASSERT_FALSE(compiled.ok());
    EXPECT_EQ(compiled.error().code, ErrorCode::InvalidArgument);
}

TEST(MessageFilter, FieldConditionsLookAtPropertiesAndHeaders) {
    MessageFilter filter;
    filter.fields = {{"Correlation-ID", "c-4"}};
    EXPECT_TRUE(matches(filter, order("")));
    filter.fields = {{"tenant", "acme"}};
    EXPECT_TRUE(matches(filter, order("")));
    filter.fields = {{"tenant", "globex"}};
    EXPECT_FALSE(matches(filter, order("")));
    filter.fields = {{"", "application/json"}};  // any field
    EXPECT_TRUE(matches(filter, order("")));
}

TEST(MessageFilter, AllPartsMustMatch) {
    MessageFilter filter;
    filter.routingKey = "orders.eu";
    filter.fields = {{"tenant", "ACME"}};
    filter.payload = "paid";
    EXPECT_FALSE(matches(filter, order("created")));
    EXPECT_TRUE(matches(filter, order("paid")));
    filter.routingKey = "orders.us";
    EXPECT_FALSE(matches(filter, order("paid")));
}

TEST(MessageFilter, SavesAndLoadsAsJson) {
    MessageFilter filter;
    filter.name = "big EU orders";
    filter.payload = "amount";
    filter.regex = true;
    filter.routingKey = "eu";
    filter.fields = {{"tenant", "ACME"}, {"content-type", "json"}};
    const auto loaded = filterFromJson(toJson(filter));
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    EXPECT_EQ(loaded.value(), filter);
}

TEST(MessageFilter, RejectsMalformedSavedFilters) {
    EXPECT_FALSE(filterFromJson("[1]").ok());
    EXPECT_FALSE(filterFromJson("{").ok());
    EXPECT_FALSE(filterFromJson(R"({"fields": 3})").ok());
    EXPECT_FALSE(filterFromJson(R"({"fields": [{"name": 1}]})").ok());
}

}  // namespace
}  // namespace sbx::inspect
