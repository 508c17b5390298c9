#!/usr/bin/python3
"""Exchanges: default, direct, fanout, topic, headers (all/any), exchange-to-exchange
bindings, alternate exchanges, passive and inequivalent declares, amq.* protection,
delete if-unused."""

import pika

import amqpfixture
from amqpfixture import BrokerTestCase, unique
from amqpclients import bodies, publisher


class ExchangeTest(BrokerTestCase):

    def setUp(self):
        self.conn = self.connect()
        self.ch = publisher(self.conn.channel())

    def queue(self):
        name = unique("q")
        self.ch.queue_declare(name, exclusive=True)
        return name

    def exchange(self, kind, **options):
        name = unique("x-" + kind)
        self.ch.exchange_declare(name, kind, auto_delete=False, **options)
        self.addCleanup(lambda: self.channel().exchange_delete(name))
        return name

    def bound(self, exchange, routing_key="", arguments=None):
        name = self.queue()
        self.ch.queue_bind(name, exchange, routing_key, arguments)
        return name

    def assert_refused(self, code, action, *args, **kwargs):
        """Runs a channel operation that the broker must refuse with `code` (a channel
        close); leaves self.ch on a fresh channel of the same connection (which owns
        the test's exclusive queues)."""
        with self.assertRaises(pika.exceptions.ChannelClosedByBroker) as caught:
            action(*args, **kwargs)
        self.assertEqual(caught.exception.reply_code, code, caught.exception.reply_text)
        self.ch = publisher(self.conn.channel())
        return caught.exception.reply_text

    # ---------------------------------------------------------------- routing

    def test_default_exchange_routes_by_queue_name(self):
        name = self.queue()
        self.ch.basic_publish("", name, b"direct to queue")
        self.ch.basic_publish("", unique("nobody"), b"dropped")
        self.assertEqual(bodies(self.ch, name), [b"direct to queue"])

    def test_direct_exchange_matches_routing_key_exactly(self):
        exchange = self.exchange("direct")
        red, red2, blue = self.bound(exchange, "red"), self.bound(exchange, "red"), \
            self.bound(exchange, "blue")
        self.ch.queue_bind(blue, exchange, "navy")  # two keys on one queue
        for key in ("red", "blue", "navy", "Red", "red.x", ""):
            self.ch.basic_publish(exchange, key, key.encode())
        self.assertEqual(bodies(self.ch, red), [b"red"])
        self.assertEqual(bodies(self.ch, red2), [b"red"])
        self.assertEqual(bodies(self.ch, blue), [b"blue", b"navy"])

    def test_fanout_exchange_ignores_routing_key(self):
        exchange = self.exchange("fanout")
        queues = [self.bound(exchange, key) for key in ("a", "b", "")]
        self.ch.basic_publish(exchange, "anything", b"to all")
        for name in queues:
            self.assertEqual(bodies(self.ch, name), [b"to all"])

    def test_topic_exchange_wildcards(self):
        exchange = self.exchange("topic")
        patterns = {"a.*.c": None, "a.#": None, "#.c": None, "*": None, "#": None,
                    "a.b.c": None, "*.*": None}
        for pattern in patterns:
            patterns[pattern] = self.bound(exchange, pattern)
        keys = ["a.b.c", "a", "a.c", "c", "a.b.b.c", "x.y", "a.b.c.d", ""]
        for key in keys:
            self.ch.basic_publish(exchange, key, key.encode() or b"<empty>")
        expected = {
            "a.*.c": [b"a.b.c"],
            "a.#": [b"a.b.c", b"a", b"a.c", b"a.b.b.c", b"a.b.c.d"],
            "#.c": [b"a.b.c", b"a.c", b"c", b"a.b.b.c"],
            "*": [b"a", b"c"],
            "#": [k.encode() or b"<empty>" for k in keys],
            "a.b.c": [b"a.b.c"],
            "*.*": [b"a.c", b"x.y"],
        }
        for pattern, name in patterns.items():
            self.assertEqual(bodies(self.ch, name), expected[pattern], pattern)

    def test_topic_delivers_once_per_queue_with_overlapping_bindings(self):
        exchange = self.exchange("topic")
        name = self.bound(exchange, "a.#")
        self.ch.queue_bind(name, exchange, "*.b")
        self.ch.queue_bind(name, exchange, "a.b")
        self.ch.basic_publish(exchange, "a.b", b"once")
        self.assertEqual(bodies(self.ch, name), [b"once"])

    def test_headers_exchange_all_and_any(self):
        exchange = self.exchange("headers")
        match_all = self.bound(exchange, "", {"x-match": "all", "format": "pdf", "type": "report"})
        match_any = self.bound(exchange, "", {"x-match": "any", "format": "pdf", "type": "log"})
        default_all = self.bound(exchange, "", {"format": "zip"})
        messages = [
            (b"pdf report", {"format": "pdf", "type": "report"}),
            (b"pdf only", {"format": "pdf"}),
            (b"log", {"type": "log", "extra": 1}),
            (b"zip", {"format": "zip", "type": "report"}),
            (b"none", None),
        ]
        for body, headers in messages:
            self.ch.basic_publish(exchange, "ignored", body,
                                  pika.BasicProperties(headers=headers))
        self.assertEqual(bodies(self.ch, match_all), [b"pdf report"])
        self.assertEqual(bodies(self.ch, match_any), [b"pdf report", b"pdf only", b"log"])
        self.assertEqual(bodies(self.ch, default_all), [b"zip"])

    def test_headers_exchange_compares_values_not_just_keys(self):
        exchange = self.exchange("headers")
        name = self.bound(exchange, "", {"x-match": "all", "n": 1})
        self.ch.basic_publish(exchange, "", b"two", pika.BasicProperties(headers={"n": 2}))
        self.ch.basic_publish(exchange, "", b"one", pika.BasicProperties(headers={"n": 1}))
        self.assertEqual(bodies(self.ch, name), [b"one"])

    # ---------------------------------------------------------------- exchange to exchange

    def test_exchange_to_exchange_binding_and_unbind(self):
        source = self.exchange("direct")
        middle = self.exchange("fanout")
        self.ch.exchange_bind(destination=middle, source=source, routing_key="k")
        name = self.bound(middle)
        self.ch.basic_publish(source, "k", b"through")
        self.ch.basic_publish(source, "other", b"not bound")
        self.assertEqual(bodies(self.ch, name), [b"through"])
        self.ch.exchange_unbind(destination=middle, source=source, routing_key="k")
        self.ch.basic_publish(source, "k", b"after unbind")
        self.assertEqual(bodies(self.ch, name), [])

    def test_exchange_bindings_deliver_once_to_a_queue_reached_twice(self):
        top = self.exchange("fanout")
        left, right = self.exchange("fanout"), self.exchange("fanout")
        self.ch.exchange_bind(left, top)
        self.ch.exchange_bind(right, top)
        name = self.bound(left)
        self.ch.queue_bind(name, right)
        self.ch.basic_publish(top, "", b"diamond")
        self.assertEqual(bodies(self.ch, name), [b"diamond"])

    def test_exchange_bind_to_missing_exchange_is_404(self):
        exchange = self.exchange("fanout")
        self.assert_refused(404, self.ch.exchange_bind, exchange, unique("missing"))

    # ---------------------------------------------------------------- alternate exchange

    def test_alternate_exchange_takes_unroutable_messages(self):
        alternate = self.exchange("fanout")
        caught = self.bound(alternate)
        main = self.exchange("direct", arguments={"alternate-exchange": alternate})
        routed = self.bound(main, "known")
        self.ch.basic_publish(main, "known", b"routed")
        self.ch.basic_publish(main, "unknown", b"to alternate")
        self.assertEqual(bodies(self.ch, routed), [b"routed"])
        self.assertEqual(bodies(self.ch, caught), [b"to alternate"])

    def test_mandatory_message_taken_by_alternate_exchange_is_not_returned(self):
        alternate = self.exchange("fanout")
        caught = self.bound(alternate)
        main = self.exchange("direct", arguments={"alternate-exchange": alternate})
        returned = []
        self.ch.add_on_return_callback(lambda *args: returned.append(args))
        self.ch.basic_publish(main, "unknown", b"m", mandatory=True)
        self.ch.connection.process_data_events(time_limit=0.3)
        self.assertEqual(returned, [])
        self.assertEqual(bodies(self.ch, caught), [b"m"])

    # ---------------------------------------------------------------- declare rules

    def test_passive_declare_of_missing_exchange_is_404(self):
        text = self.assert_refused(404, self.ch.exchange_declare, unique("missing"),
                                   passive=True)
        self.assertTrue(text.startswith("NOT_FOUND"), text)

    def test_passive_declare_of_existing_exchange_succeeds(self):
        exchange = self.exchange("topic")
        self.ch.exchange_declare(exchange, passive=True)
        self.ch.exchange_declare("amq.topic", passive=True)

    def test_inequivalent_redeclare_is_406(self):
        exchange = self.exchange("direct", durable=True)
        self.ch.exchange_declare(exchange, "direct", durable=True)  # equivalent: fine
        text = self.assert_refused(406, self.ch.exchange_declare, exchange, "fanout",
                                   durable=True)
        self.assertTrue(text.startswith("PRECONDITION_FAILED"), text)
        self.assert_refused(406, self.ch.exchange_declare, exchange, "direct", durable=False)

    def test_declaring_amq_prefixed_exchange_is_403(self):
        text = self.assert_refused(403, self.ch.exchange_declare, "amq." + unique("mine"),
                                   "direct")
        self.assertTrue(text.startswith("ACCESS_REFUSED"), text)

    def test_predeclared_exchanges_exist_and_cannot_be_deleted(self):
        for name, kind in (("amq.direct", "direct"), ("amq.fanout", "fanout"),
                           ("amq.topic", "topic"), ("amq.headers", "headers"),
                           ("amq.match", "headers")):
            with self.subTest(exchange=name):
                self.ch.exchange_declare(name, kind, durable=True)  # equivalent redeclare
                self.assert_refused(403, self.ch.exchange_delete, name)
                self.ch.exchange_declare(name, passive=True)

    def test_default_exchange_cannot_be_bound_to(self):
        name = self.queue()
        self.assert_refused(403, self.ch.queue_bind, name, "", "k")

    def test_queue_bind_to_missing_exchange_is_404(self):
        name = self.queue()
        self.assert_refused(404, self.ch.queue_bind, name, unique("missing"), "k")

    def test_unknown_exchange_type_is_refused(self):
        # RabbitMQ: an unknown type is a connection error, 503 COMMAND_INVALID.
        connection = self.connect()
        channel = connection.channel()
        with self.assertRaises(pika.exceptions.ConnectionClosedByBroker) as caught:
            channel.exchange_declare(unique("x"), "no-such-type")
        self.assertEqual(caught.exception.reply_code, 503)

    def test_publish_to_missing_exchange_closes_channel_404(self):
        self.ch.basic_publish("", self.queue(), b"warm up")
        with self.assertRaises(pika.exceptions.ChannelClosedByBroker) as caught:
            self.ch.basic_publish(unique("missing"), "k", b"x")
        self.assertEqual(caught.exception.reply_code, 404)

    # ---------------------------------------------------------------- delete

    def test_delete_if_unused(self):
        exchange = self.exchange("fanout")
        name = self.bound(exchange)
        text = self.assert_refused(406, self.ch.exchange_delete, exchange, if_unused=True)
        self.assertTrue(text.startswith("PRECONDITION_FAILED"), text)
        self.ch.queue_unbind(name, exchange, "")
        self.ch.exchange_delete(exchange, if_unused=True)
        self.assert_refused(404, self.ch.exchange_declare, exchange, passive=True)

    def test_delete_removes_bindings_and_missing_delete_is_ok(self):
        exchange = self.exchange("fanout")
        name = self.bound(exchange)
        self.ch.exchange_delete(exchange)
        self.ch.exchange_delete(exchange)  # RabbitMQ: deleting a missing exchange is ok
        self.ch.exchange_declare(exchange, "fanout", auto_delete=False)
        self.ch.basic_publish(exchange, "", b"no binding survives")
        self.assertEqual(bodies(self.ch, name), [])

    def test_auto_delete_exchange_goes_with_its_last_binding(self):
        name = unique("x-auto")
        self.ch.exchange_declare(name, "fanout", auto_delete=True)
        queue = self.bound(name)
        self.ch.exchange_declare(name, passive=True)
        self.ch.queue_unbind(queue, name, "")
        self.assert_refused(404, self.ch.exchange_declare, name, passive=True)


if __name__ == "__main__":
    amqpfixture.main()
