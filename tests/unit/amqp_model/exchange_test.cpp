#include <gtest/gtest.h>

#include "model_test_support.h"

namespace sbx::broker::amqp {
namespace {

using namespace test;

ExchangeDeclare exchangeDeclare(std::string name, std::string type = "direct") {
    ExchangeDeclare d;
    d.name = std::move(name);
    d.type = std::move(type);
    return d;
}

TEST(Exchanges, PredeclaredOnesExist) {
    VirtualHost vhost(options());
    const std::pair<const char*, ExchangeType> expected[] = {
        {"", ExchangeType::Direct},
        {"amq.direct", ExchangeType::Direct},
        {"amq.fanout", ExchangeType::Fanout},
        {"amq.topic", ExchangeType::Topic},
        {"amq.headers", ExchangeType::Headers},
        {"amq.match", ExchangeType::Headers},
    };
    for (const auto& [name, type] : expected) {
        auto x = vhost.findExchange(name);
        ASSERT_TRUE(x) << name;
        EXPECT_EQ(x->type, type) << name;
        EXPECT_TRUE(x->durable) << name;
    }
    EXPECT_EQ(vhost.exchanges().size(), 6U);
}

TEST(Exchanges, DeclareCreatesAndRedeclareIsIdempotent) {
    VirtualHost vhost(options());
    auto d = exchangeDeclare("orders", "topic");
    d.durable = true;
    ASSERT_TRUE(vhost.declareExchange(d).ok());
    auto again = vhost.declareExchange(d);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->type, ExchangeType::Topic);
    EXPECT_TRUE(again->durable);
    // Redeclaring a predeclared exchange with its own properties is fine.
    auto direct = exchangeDeclare("amq.direct");
    direct.durable = true;
    EXPECT_TRUE(vhost.declareExchange(direct).ok());
}

TEST(Exchanges, InequivalentRedeclareIsRefusedWithRabbitMqText) {
    VirtualHost vhost(options());
    ASSERT_TRUE(vhost.declareExchange(exchangeDeclare("x1")).ok());
    auto type = vhost.declareExchange(exchangeDeclare("x1", "fanout"));
    ASSERT_FALSE(type.ok());
    EXPECT_EQ(type.error().code, ReplyCode::PreconditionFailed);
    EXPECT_EQ(type.error().text,
              "PRECONDITION_FAILED - inequivalent arg 'type' for exchange 'x1' in vhost '/': "
              "received 'fanout' but current is 'direct'");
    auto durable = exchangeDeclare("x1");
    durable.durable = true;
    EXPECT_EQ(vhost.declareExchange(durable).error().text,
              "PRECONDITION_FAILED - inequivalent arg 'durable' for exchange 'x1' in vhost '/': "
              "received 'true' but current is 'false'");
    auto autoDelete = exchangeDeclare("x1");
    autoDelete.autoDelete = true;
    EXPECT_EQ(vhost.declareExchange(autoDelete).error().text,
              "PRECONDITION_FAILED - inequivalent arg 'auto_delete' for exchange 'x1' in vhost "
              "'/': received 'true' but current is 'false'");
    auto internal = exchangeDeclare("x1");
    internal.internal = true;
    EXPECT_EQ(vhost.declareExchange(internal).error().text,
              "PRECONDITION_FAILED - inequivalent arg 'internal' for exchange 'x1' in vhost '/': "
              "received 'true' but current is 'false'");
    auto alternate = exchangeDeclare("x1");
    alternate.arguments = table({{"alternate-exchange", FieldValue(std::string("ae"))}});
    EXPECT_EQ(vhost.declareExchange(alternate).error().text,
              "PRECONDITION_FAILED - inequivalent arg 'alternate-exchange' for exchange 'x1' in "
              "vhost '/': received the value 'ae' of type 'longstr' but current is none");
}

TEST(Exchanges, PassiveDeclareFindsOrReports404) {
    VirtualHost vhost(options());
    auto passive = exchangeDeclare("nope");
    passive.passive = true;
    auto missing = vhost.declareExchange(passive);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ReplyCode::NotFound);
    EXPECT_EQ(missing.error().text, "NOT_FOUND - no exchange 'nope' in vhost '/'");
    passive.name = "amq.topic";
    passive.type = "fanout";  // passive ignores the rest
    EXPECT_TRUE(vhost.declareExchange(passive).ok());
}

TEST(Exchanges, ReservedAndDefaultNamesAreRefused) {
    VirtualHost vhost(options());
    auto reserved = vhost.declareExchange(exchangeDeclare("amq.custom"));
    ASSERT_FALSE(reserved.ok());
    EXPECT_EQ(reserved.error().code, ReplyCode::AccessRefused);
    EXPECT_EQ(reserved.error().text,
              "ACCESS_REFUSED - exchange name 'amq.custom' contains reserved prefix 'amq.*'");
    auto defaultOne = vhost.declareExchange(exchangeDeclare(""));
    EXPECT_EQ(defaultOne.error().text,
              "ACCESS_REFUSED - operation not permitted on the default exchange");
    auto del = vhost.deleteExchange("amq.fanout", false);
    ASSERT_FALSE(del.ok());
    EXPECT_EQ(del.error().code, ReplyCode::AccessRefused);
    EXPECT_EQ(del.error().text,
              "ACCESS_REFUSED - deletion of system exchange 'amq.fanout' in vhost '/' not "
              "allowed");
    EXPECT_EQ(vhost.deleteExchange("", false).error().text,
              "ACCESS_REFUSED - operation not permitted on the default exchange");
    EXPECT_TRUE(vhost.findExchange("amq.fanout"));
}

TEST(Exchanges, UnknownTypeIsACommandInvalidHardError) {
    VirtualHost vhost(options());
    auto bad = vhost.declareExchange(exchangeDeclare("x", "x-consistent-hash"));
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().code, ReplyCode::CommandInvalid);
    EXPECT_TRUE(closesConnection(bad.error().code));
    EXPECT_EQ(bad.error().text, "COMMAND_INVALID - unknown exchange type 'x-consistent-hash'");
}

TEST(Exchanges, AlternateExchangeMustBeAString) {
    VirtualHost vhost(options());
    auto d = exchangeDeclare("x");
    d.arguments = table({{"alternate-exchange", FieldValue(std::int32_t{5})}});
    auto bad = vhost.declareExchange(d);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().text,
              "PRECONDITION_FAILED - invalid type 'signedint' for arg 'alternate-exchange' in "
              "exchange 'x' in vhost '/'");
}

TEST(Exchanges, DeleteIfUnusedAndIdempotentDelete) {
    VirtualHost vhost(options());
    ASSERT_TRUE(vhost.declareExchange(exchangeDeclare("x")).ok());
    declare(vhost, "q");
    ASSERT_TRUE(vhost.bindQueue("q", "x", "k", {}, 1).ok());
    auto inUse = vhost.deleteExchange("x", true);
    ASSERT_FALSE(inUse.ok());
    EXPECT_EQ(inUse.error().text, "PRECONDITION_FAILED - exchange 'x' in vhost '/' in use");
    EXPECT_TRUE(vhost.deleteExchange("x", false).ok());
    EXPECT_FALSE(vhost.findExchange("x"));
    EXPECT_TRUE(vhost.bindings().empty());
    EXPECT_TRUE(vhost.deleteExchange("x", false).ok()) << "a missing exchange deletes fine";
}

TEST(Exchanges, ExchangeToExchangeBindErrors) {
    VirtualHost vhost(options());
    ASSERT_TRUE(vhost.declareExchange(exchangeDeclare("a")).ok());
    EXPECT_EQ(vhost.bindExchange("b", "a", "k", {}).error().text,
              "NOT_FOUND - no exchange 'b' in vhost '/'");
    EXPECT_EQ(vhost.bindExchange("a", "nope", "k", {}).error().text,
              "NOT_FOUND - no exchange 'nope' in vhost '/'");
    EXPECT_EQ(vhost.bindExchange("a", "", "k", {}).error().text,
              "ACCESS_REFUSED - operation not permitted on the default exchange");
    EXPECT_EQ(vhost
                  .bindExchange("a", "amq.headers", "",
                                table({{"x-match", FieldValue(std::string("most"))}}))
                  .error()
                  .code,
              ReplyCode::PreconditionFailed);
    ASSERT_TRUE(vhost.bindExchange("a", "amq.fanout", "", {}).ok());
    ASSERT_TRUE(vhost.bindExchange("a", "amq.fanout", "", {}).ok());
    EXPECT_EQ(vhost.bindings().size(), 1U) << "binding twice is one binding";
    EXPECT_TRUE(vhost.unbindExchange("a", "amq.fanout", "", {}).ok());
    EXPECT_TRUE(vhost.unbindExchange("a", "amq.fanout", "", {}).ok()) << "idempotent";
    EXPECT_TRUE(vhost.bindings().empty());
}

TEST(Exchanges, AutoDeleteExchangeGoesWithItsLastBinding) {
    VirtualHost vhost(options());
    auto d = exchangeDeclare("temp", "fanout");
    d.autoDelete = true;
    ASSERT_TRUE(vhost.declareExchange(d).ok());
    declare(vhost, "q1");
    declare(vhost, "q2");
    ASSERT_TRUE(vhost.bindQueue("q1", "temp", "", {}, 1).ok());
    ASSERT_TRUE(vhost.bindQueue("q2", "temp", "", {}, 1).ok());
    ASSERT_TRUE(vhost.unbindQueue("q1", "temp", "", {}, 1).ok());
    EXPECT_TRUE(vhost.findExchange("temp"));
    // Deleting the last bound queue removes the binding and so the exchange.
    ASSERT_TRUE(vhost.deleteQueue("q2", false, false, 1).ok());
    EXPECT_FALSE(vhost.findExchange("temp"));
}

TEST(Exchanges, DeletingAnExchangeRemovesBindingsToIt) {
    VirtualHost vhost(options());
    ASSERT_TRUE(vhost.declareExchange(exchangeDeclare("inner", "fanout")).ok());
    ASSERT_TRUE(vhost.bindExchange("inner", "amq.topic", "#", {}).ok());
    ASSERT_TRUE(vhost.deleteExchange("inner", false).ok());
    EXPECT_TRUE(vhost.bindings().empty());
}

}  // namespace
}  // namespace sbx::broker::amqp
