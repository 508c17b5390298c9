#include "sbx/broker/amqp/headers_matcher.h"

#include <gtest/gtest.h>

#include "model_test_support.h"

namespace sbx::broker::amqp {
namespace {

using test::table;

const FieldTable kHeaders = table({{"format", FieldValue(std::string("pdf"))},
                                   {"type", FieldValue(std::string("report"))},
                                   {"pages", FieldValue(std::int32_t{12})},
                                   {"x-tenant", FieldValue(std::string("acme"))}});

TEST(HeadersMatcher, AllNeedsEveryBindingHeader) {
    EXPECT_TRUE(headersMatch(table({{"x-match", FieldValue(std::string("all"))},
                                    {"format", FieldValue(std::string("pdf"))},
                                    {"type", FieldValue(std::string("report"))}}),
                             &kHeaders));
    EXPECT_FALSE(headersMatch(table({{"x-match", FieldValue(std::string("all"))},
                                     {"format", FieldValue(std::string("pdf"))},
                                     {"type", FieldValue(std::string("log"))}}),
                              &kHeaders));
    EXPECT_FALSE(headersMatch(table({{"format", FieldValue(std::string("pdf"))},
                                     {"missing", FieldValue(std::string("x"))}}),
                              &kHeaders))
        << "x-match defaults to all";
}

TEST(HeadersMatcher, AnyNeedsOneBindingHeader) {
    const auto binding = table({{"x-match", FieldValue(std::string("any"))},
                                {"format", FieldValue(std::string("zip"))},
                                {"type", FieldValue(std::string("report"))}});
    EXPECT_TRUE(headersMatch(binding, &kHeaders));
    const auto none = table(
        {{"x-match", FieldValue(std::string("any"))}, {"format", FieldValue(std::string("zip"))}});
    EXPECT_FALSE(headersMatch(none, &kHeaders));
}

TEST(HeadersMatcher, EmptyBindingMatchesEverythingWithAllAndNothingWithAny) {
    EXPECT_TRUE(headersMatch(table({}), &kHeaders));
    EXPECT_TRUE(headersMatch(table({}), nullptr));
    EXPECT_FALSE(headersMatch(table({{"x-match", FieldValue(std::string("any"))}}), &kHeaders));
}

TEST(HeadersMatcher, MessageWithoutHeadersMatchesOnlyEmptyAll) {
    EXPECT_FALSE(headersMatch(table({{"format", FieldValue(std::string("pdf"))}}), nullptr));
}

TEST(HeadersMatcher, VoidBindingValueMatchesPresence) {
    EXPECT_TRUE(headersMatch(table({{"format", FieldValue()}}), &kHeaders));
    EXPECT_FALSE(headersMatch(table({{"colour", FieldValue()}}), &kHeaders));
}

TEST(HeadersMatcher, NumbersCompareByValueAcrossWidths) {
    EXPECT_TRUE(headersMatch(table({{"pages", FieldValue(std::int64_t{12})}}), &kHeaders));
    EXPECT_TRUE(headersMatch(table({{"pages", FieldValue(std::uint8_t{12})}}), &kHeaders));
    EXPECT_TRUE(headersMatch(table({{"pages", FieldValue(12.0)}}), &kHeaders));
    EXPECT_FALSE(headersMatch(table({{"pages", FieldValue(std::int64_t{13})}}), &kHeaders));
    EXPECT_FALSE(headersMatch(table({{"pages", FieldValue(std::string("12"))}}), &kHeaders));
}

TEST(HeadersMatcher, XHeadersTakePartOnlyInWithXModes) {
    const auto allIgnoringX = table({{"x-match", FieldValue(std::string("all"))},
                                     {"x-tenant", FieldValue(std::string("other"))},
                                     {"format", FieldValue(std::string("pdf"))}});
    EXPECT_TRUE(headersMatch(allIgnoringX, &kHeaders));
    const auto allWithX = table({{"x-match", FieldValue(std::string("all-with-x"))},
                                 {"x-tenant", FieldValue(std::string("other"))},
                                 {"format", FieldValue(std::string("pdf"))}});
    EXPECT_FALSE(headersMatch(allWithX, &kHeaders));
    const auto allWithXRight = table({{"x-match", FieldValue(std::string("all-with-x"))},
                                      {"x-tenant", FieldValue(std::string("acme"))}});
    EXPECT_TRUE(headersMatch(allWithXRight, &kHeaders));
    const auto anyOnlyX = table({{"x-match", FieldValue(std::string("any"))},
                                 {"x-tenant", FieldValue(std::string("acme"))}});
    EXPECT_FALSE(headersMatch(anyOnlyX, &kHeaders));
    const auto anyWithX = table({{"x-match", FieldValue(std::string("any-with-x"))},
                                 {"x-tenant", FieldValue(std::string("acme"))}});
    EXPECT_TRUE(headersMatch(anyWithX, &kHeaders));
}

TEST(HeadersMatcher, BindingValidationUsesRabbitMqTexts) {
    EXPECT_TRUE(validateHeadersBinding(table({})).ok());
    EXPECT_TRUE(
        validateHeadersBinding(table({{"x-match", FieldValue(std::string("any-with-x"))}})).ok());
    auto bad = validateHeadersBinding(table({{"x-match", FieldValue(std::string("some"))}}));
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().code, ReplyCode::PreconditionFailed);
    EXPECT_EQ(bad.error().text,
              "PRECONDITION_FAILED - Invalid x-match field value <<\"some\">>; expected all, any, "
              "all-with-x, or any-with-x");
    auto badType = validateHeadersBinding(table({{"x-match", FieldValue(std::int32_t{1})}}));
    ASSERT_FALSE(badType.ok());
    EXPECT_EQ(badType.error().text,
              "PRECONDITION_FAILED - Invalid x-match field type signedint (value 1); expected "
              "longstr");
}

}  // namespace
}  // namespace sbx::broker::amqp
