#include <gtest/gtest.h>

#include <algorithm>

#include "model_test_support.h"

namespace sbx::broker::amqp {
namespace {

using namespace test;

std::vector<std::string> routedTo(const VirtualHost& vhost, const AmqpMessage& m) {
    auto queues = vhost.route(m);
    EXPECT_TRUE(queues.ok()) << (queues.ok() ? "" : queues.error().text);
    std::vector<std::string> names;
    if (queues.ok()) {
        for (const auto& q : *queues) {
            names.push_back(q->name());
        }
    }
    std::sort(names.begin(), names.end());
    return names;
}

using Names = std::vector<std::string>;

void declareExchange(VirtualHost& vhost, const std::string& name, const std::string& type,
                     FieldTable arguments = {}, bool internal = false) {
    ExchangeDeclare d;
    d.name = name;
    d.type = type;
    d.arguments = std::move(arguments);
    d.internal = internal;
    auto ok = vhost.declareExchange(d);
    ASSERT_TRUE(ok.ok()) << ok.error().text;
}

TEST(Routing, DefaultExchangeReachesTheQueueNamedByTheKey) {
    VirtualHost vhost(options());
    declare(vhost, "q1");
    EXPECT_EQ(routedTo(vhost, message("", "q1", "x")), Names{"q1"});
    EXPECT_EQ(routedTo(vhost, message("", "q2", "x")), Names{});
}

TEST(Routing, DirectFanoutAndTopic) {
    VirtualHost vhost(options());
    for (const char* q : {"a", "b", "c"}) {
        declare(vhost, q);
    }
    ASSERT_TRUE(vhost.bindQueue("a", "amq.direct", "red", {}, 1).ok());
    ASSERT_TRUE(vhost.bindQueue("b", "amq.direct", "red", {}, 1).ok());
    ASSERT_TRUE(vhost.bindQueue("c", "amq.direct", "blue", {}, 1).ok());
    EXPECT_EQ(routedTo(vhost, message("amq.direct", "red", "")), (Names{"a", "b"}));
    EXPECT_EQ(routedTo(vhost, message("amq.direct", "green", "")), Names{});

    ASSERT_TRUE(vhost.bindQueue("a", "amq.fanout", "ignored", {}, 1).ok());
    ASSERT_TRUE(vhost.bindQueue("c", "amq.fanout", "", {}, 1).ok());
    EXPECT_EQ(routedTo(vhost, message("amq.fanout", "anything", "")), (Names{"a", "c"}));

    ASSERT_TRUE(vhost.bindQueue("a", "amq.topic", "stock.#", {}, 1).ok());
    ASSERT_TRUE(vhost.bindQueue("b", "amq.topic", "*.usd.*", {}, 1).ok());
    ASSERT_TRUE(vhost.bindQueue("c", "amq.topic", "#", {}, 1).ok());
    EXPECT_EQ(routedTo(vhost, message("amq.topic", "stock.usd.nyse", "")), (Names{"a", "b", "c"}));
    EXPECT_EQ(routedTo(vhost, message("amq.topic", "bond.usd.x", "")), (Names{"b", "c"}));
    EXPECT_EQ(routedTo(vhost, message("amq.topic", "", "")), Names{"c"});
}

TEST(Routing, AQueueBoundTwiceGetsTheMessageOnce) {
    VirtualHost vhost(options());
    declare(vhost, "q");
    ASSERT_TRUE(vhost.bindQueue("q", "amq.topic", "a.*", {}, 1).ok());
    ASSERT_TRUE(vhost.bindQueue("q", "amq.topic", "*.b", {}, 1).ok());
    publish(vhost, message("amq.topic", "a.b", "once"));
    EXPECT_EQ(vhost.findQueue("q")->stats().ready, 1U);
}

TEST(Routing, HeadersExchangeAllAndAny) {
    VirtualHost vhost(options());
    declare(vhost, "all");
    declare(vhost, "any");
    ASSERT_TRUE(vhost
                    .bindQueue("all", "amq.headers", "",
                               table({{"x-match", FieldValue(std::string("all"))},
                                      {"format", FieldValue(std::string("pdf"))},
                                      {"type", FieldValue(std::string("report"))}}),
                               1)
                    .ok());
    ASSERT_TRUE(vhost
                    .bindQueue("any", "amq.match", "",
                               table({{"x-match", FieldValue(std::string("any"))},
                                      {"format", FieldValue(std::string("pdf"))},
                                      {"type", FieldValue(std::string("report"))}}),
                               1)
                    .ok());
    ASSERT_TRUE(vhost.bindExchange("amq.match", "amq.headers", "", {}).ok());

    auto both = message("amq.headers", "", "");
    both.properties.headers = table(
        {{"format", FieldValue(std::string("pdf"))}, {"type", FieldValue(std::string("report"))}});
    EXPECT_EQ(routedTo(vhost, both), (Names{"all", "any"}));

    auto one = message("amq.headers", "", "");
    one.properties.headers = table({{"format", FieldValue(std::string("pdf"))}});
    EXPECT_EQ(routedTo(vhost, one), Names{"any"});

    auto none = message("amq.headers", "", "");
    EXPECT_EQ(routedTo(vhost, none), Names{});

    EXPECT_EQ(vhost
                  .bindQueue("all", "amq.headers", "",
                             table({{"x-match", FieldValue(std::string("every"))}}), 1)
                  .error()
                  .code,
              ReplyCode::PreconditionFailed);
}

TEST(Routing, ExchangeToExchangeBindingsAreFollowedAndCyclesAreSafe) {
    VirtualHost vhost(options());
    declareExchange(vhost, "x1", "topic");
    declareExchange(vhost, "x2", "fanout");
    declareExchange(vhost, "x3", "direct");
    declare(vhost, "q2");
    declare(vhost, "q3");
    ASSERT_TRUE(vhost.bindExchange("x2", "x1", "logs.#", {}).ok());
    ASSERT_TRUE(vhost.bindExchange("x3", "x2", "", {}).ok());
    ASSERT_TRUE(vhost.bindExchange("x1", "x3", "logs.error", {}).ok());  // a cycle
    ASSERT_TRUE(vhost.bindQueue("q2", "x2", "", {}, 1).ok());
    ASSERT_TRUE(vhost.bindQueue("q3", "x3", "logs.error", {}, 1).ok());
    EXPECT_EQ(routedTo(vhost, message("x1", "logs.error", "")), (Names{"q2", "q3"}));
    EXPECT_EQ(routedTo(vhost, message("x1", "logs.info", "")), Names{"q2"});
    EXPECT_EQ(routedTo(vhost, message("x3", "logs.error", "")), (Names{"q2", "q3"}));
    ASSERT_TRUE(vhost.bindExchange("x1", "x1", "#", {}).ok());  // self loop
    EXPECT_EQ(routedTo(vhost, message("x1", "logs.info", "")), Names{"q2"});
}

TEST(Routing, AlternateExchangeTakesWhatNothingMatched) {
    VirtualHost vhost(options());
    declareExchange(vhost, "unrouted", "fanout");
    declareExchange(vhost, "main", "direct",
                    table({{"alternate-exchange", FieldValue(std::string("unrouted"))}}));
    declare(vhost, "normal");
    declare(vhost, "lost");
    ASSERT_TRUE(vhost.bindQueue("normal", "main", "ok", {}, 1).ok());
    ASSERT_TRUE(vhost.bindQueue("lost", "unrouted", "", {}, 1).ok());
    EXPECT_EQ(routedTo(vhost, message("main", "ok", "")), Names{"normal"});
    EXPECT_EQ(routedTo(vhost, message("main", "other", "")), Names{"lost"});

    // A matching binding to an exchange counts as routed even if that exchange routes
    // nowhere: RabbitMQ consults the alternate only when the exchange's own bindings
    // matched nothing.
    declareExchange(vhost, "sink", "fanout");
    ASSERT_TRUE(vhost.bindExchange("sink", "main", "to-sink", {}).ok());
    EXPECT_EQ(routedTo(vhost, message("main", "to-sink", "")), Names{});

    // Alternate chains that loop terminate.
    declareExchange(vhost, "ping", "direct",
                    table({{"alternate-exchange", FieldValue(std::string("pong"))}}));
    declareExchange(vhost, "pong", "direct",
                    table({{"alternate-exchange", FieldValue(std::string("ping"))}}));
    EXPECT_EQ(routedTo(vhost, message("ping", "x", "")), Names{});
}

TEST(Routing, PublishReportsUnroutableForMandatoryReturns) {
    VirtualHost vhost(options());
    declare(vhost, "q");
    auto routed = vhost.publish(message("", "q", "x"), kT0);
    ASSERT_TRUE(routed.ok());
    EXPECT_FALSE(routed->unroutable);
    EXPECT_EQ(routed->queues, 1U);
    auto lost = vhost.publish(message("amq.direct", "nobody", "x"), kT0);
    ASSERT_TRUE(lost.ok());
    EXPECT_TRUE(lost->unroutable);
    EXPECT_EQ(lost->queues, 0U);
    EXPECT_EQ(PublishResult::kNoRouteCode, 312U);
    EXPECT_EQ(PublishResult::kNoRouteText, "NO_ROUTE");
}

TEST(Routing, PublishErrors) {
    VirtualHost vhost(options());
    auto missing = vhost.publish(message("nope", "k", ""), kT0);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ReplyCode::NotFound);
    EXPECT_EQ(missing.error().text, "NOT_FOUND - no exchange 'nope' in vhost '/'");

    declareExchange(vhost, "hidden", "fanout", {}, true);
    auto internal = vhost.publish(message("hidden", "k", ""), kT0);
    ASSERT_FALSE(internal.ok());
    EXPECT_EQ(internal.error().code, ReplyCode::AccessRefused);
    EXPECT_EQ(internal.error().text,
              "ACCESS_REFUSED - cannot publish to internal exchange 'hidden' in vhost '/'");

    auto badExpiry = message("", "q", "");
    badExpiry.properties.expiration = "soon";
    EXPECT_EQ(vhost.publish(badExpiry, kT0).error().text,
              "PRECONDITION_FAILED - invalid expiration 'soon': no_integer");
}

TEST(Routing, InternalExchangesAreReachableThroughBindings) {
    VirtualHost vhost(options());
    declareExchange(vhost, "hidden", "fanout", {}, true);
    declare(vhost, "q");
    ASSERT_TRUE(vhost.bindQueue("q", "hidden", "", {}, 1).ok());
    ASSERT_TRUE(vhost.bindExchange("hidden", "amq.fanout", "", {}).ok());
    EXPECT_EQ(routedTo(vhost, message("amq.fanout", "", "")), Names{"q"});
}

TEST(Routing, CcAndBccRouteTooAndBccIsStripped) {
    VirtualHost vhost(options());
    for (const char* q : {"main", "copy", "secret"}) {
        declare(vhost, q);
    }
    auto m = message("", "main", "x");
    m.properties.headers =
        table({{"CC", FieldValue(FieldArray{FieldValue(std::string("copy"))})},
               {"BCC", FieldValue(FieldArray{FieldValue(std::string("secret"))})}});
    publish(vhost, m);
    auto got = vhost.get("secret", 1, 1, true, kT0);
    ASSERT_TRUE(got.ok() && got->has_value());
    const auto& headers = *(*got)->message->properties.headers;
    EXPECT_EQ(headers.find("BCC"), nullptr);
    EXPECT_NE(headers.find("CC"), nullptr);
    EXPECT_EQ(vhost.findQueue("main")->stats().ready, 1U);
    EXPECT_EQ(vhost.findQueue("copy")->stats().ready, 1U);
}

}  // namespace
}  // namespace sbx::broker::amqp
