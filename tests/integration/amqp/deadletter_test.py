#!/usr/bin/python3
"""Queue arguments: x-message-ttl, per-message expiration, x-expires, x-max-length with
drop-head and reject-publish, x-max-length-bytes, dead-lettering and its x-death headers,
single active consumer, x-max-priority."""

import calendar
import time

import pika

import amqpfixture
from amqpfixture import BrokerTestCase, unique
from amqpclients import Collector, bodies, get_within, publisher, wait_until_gone

DLX_WAIT = 5.0  # bound for expiry and dead-lettering (TTLs in these tests are <= 200 ms)


class DeadLetterTest(BrokerTestCase):

    def setUp(self):
        self.conn = self.connect()
        self.ch = publisher(self.conn.channel())

    def queue(self, name=None, **arguments):
        name = name or unique("q")
        self.ch.queue_declare(name, exclusive=True, arguments=arguments or None)
        return name

    def dead_letter_target(self):
        """A fanout exchange and the queue bound to it: (exchange, queue)."""
        exchange = unique("dlx")
        self.ch.exchange_declare(exchange, "fanout", auto_delete=True)
        return exchange, self.bound(exchange)

    def bound(self, exchange, key=""):
        name = self.queue()
        self.ch.queue_bind(name, exchange, key)
        return name

    def assert_death(self, death, **expected):
        """Checks one x-death entry field by field, as RabbitMQ 3.10 writes it."""
        fields = {"count", "reason", "queue", "time", "exchange", "routing-keys"}
        if "original-expiration" in expected:
            fields.add("original-expiration")
        self.assertEqual(set(death), fields, death)
        for key, value in expected.items():
            self.assertEqual(death[key], value, key)
        # An AMQP timestamp (seconds, UTC); pika decodes it to a naive UTC datetime.
        stamp = calendar.timegm(death["time"].utctimetuple())
        self.assertLess(abs(stamp - time.time()), 120, "x-death time far off")

    # ---------------------------------------------------------------- TTL

    def test_message_ttl_expires_into_dead_letter_exchange(self):
        dlx, target = self.dead_letter_target()
        source = self.queue(**{"x-message-ttl": 100, "x-dead-letter-exchange": dlx})
        self.ch.basic_publish("", source, b"expiring", pika.BasicProperties(
            headers={"keep": "me"}))
        got = get_within(self.ch, target, DLX_WAIT)
        self.assertIsNotNone(got, "expired message was not dead-lettered")
        method, props, body = got
        self.assertEqual(body, b"expiring")
        self.assertEqual((method.exchange, method.routing_key), (dlx, source))
        headers = props.headers
        self.assertEqual(headers["keep"], "me")
        self.assertEqual(len(headers["x-death"]), 1)
        self.assert_death(headers["x-death"][0], count=1, reason="expired", queue=source,
                          exchange="", **{"routing-keys": [source]})
        self.assertEqual((headers["x-first-death-reason"], headers["x-first-death-queue"],
                          headers["x-first-death-exchange"]), ("expired", source, ""))
        self.assertEqual(bodies(self.ch, source), [])

    def test_message_ttl_without_dead_letter_exchange_drops(self):
        source = self.queue(**{"x-message-ttl": 50})
        self.ch.basic_publish("", source, b"gone")
        time.sleep(0.3)  # the TTL is the broker's clock; nothing to wait on
        self.assertEqual(bodies(self.ch, source), [])

    def test_per_message_expiration_records_original_expiration(self):
        dlx, target = self.dead_letter_target()
        source = self.queue(**{"x-dead-letter-exchange": dlx})
        self.ch.basic_publish("", source, b"short", pika.BasicProperties(expiration="100"))
        self.ch.basic_publish("", source, b"long", pika.BasicProperties(expiration="600000"))
        method, props, body = get_within(self.ch, target, DLX_WAIT) or (None, None, None)
        self.assertEqual(body, b"short")
        self.assertIsNone(props.expiration, "expiration must be removed on dead-lettering")
        self.assert_death(props.headers["x-death"][0], count=1, reason="expired",
                          queue=source, exchange="", **{"routing-keys": [source],
                                                        "original-expiration": "100"})
        self.assertEqual(bodies(self.ch, source), [b"long"])

    def test_expired_head_does_not_reach_a_consumer(self):
        source = self.queue(**{"x-message-ttl": 100})
        self.ch.basic_publish("", source, b"stale")
        time.sleep(0.3)
        self.ch.basic_publish("", source, b"fresh")
        collector = Collector(self.conn.channel(), source, auto_ack=True)
        self.assertTrue(collector.wait(1))
        self.assertTrue(collector.quiet(0.3))
        self.assertEqual(collector.bodies, [b"fresh"])

    def test_queue_expires_when_unused(self):
        name = unique("q-expires")
        self.ch.queue_declare(name, arguments={"x-expires": 300})
        self.addCleanup(lambda: self.channel().queue_delete(name))
        # A declare, even passive, renews the lease: poll less often than x-expires.
        self.assertTrue(wait_until_gone(self, name, DLX_WAIT, interval=0.5),
                        "x-expires queue still there")

    def test_queue_with_consumer_does_not_expire(self):
        name = unique("q-expires")
        self.ch.queue_declare(name, arguments={"x-expires": 200})
        self.addCleanup(lambda: self.channel().queue_delete(name))
        collector = Collector(self.conn.channel(), name)
        self.assertTrue(collector.quiet(0.6))
        self.ch.queue_declare(name, passive=True)

    # ---------------------------------------------------------------- length limits

    def test_max_length_drop_head_dead_letters_oldest(self):
        dlx, target = self.dead_letter_target()
        source = self.queue(**{"x-max-length": 2, "x-overflow": "drop-head",
                               "x-dead-letter-exchange": dlx})
        for body in (b"1", b"2", b"3", b"4"):
            self.ch.basic_publish("", source, body)
        self.assertEqual(bodies(self.ch, source), [b"3", b"4"])
        dropped = [get_within(self.ch, target, DLX_WAIT) for _ in range(2)]
        self.assertEqual([d[2] for d in dropped if d], [b"1", b"2"])
        self.assert_death(dropped[0][1].headers["x-death"][0], count=1, reason="maxlen",
                          queue=source, exchange="", **{"routing-keys": [source]})

    def test_max_length_reject_publish_keeps_the_oldest(self):
        source = self.queue(**{"x-max-length": 2, "x-overflow": "reject-publish"})
        plain = self.conn.channel()  # without confirms the rejection is silent
        for body in (b"1", b"2", b"3"):
            plain.basic_publish("", source, body)
        plain.basic_qos(prefetch_count=0)
        self.assertEqual(bodies(self.ch, source), [b"1", b"2"])

    def test_max_length_bytes_counts_bodies(self):
        source = self.queue(**{"x-max-length-bytes": 10})
        for body in (b"aaaa", b"bbbb", b"cccc"):
            self.ch.basic_publish("", source, body)
        self.assertEqual(bodies(self.ch, source), [b"bbbb", b"cccc"])

    # ---------------------------------------------------------------- dead-letter rules

    def test_rejected_message_dead_letters_with_routing_key_override(self):
        dlx = unique("dlx")
        self.ch.exchange_declare(dlx, "direct", auto_delete=True)
        target = self.bound(dlx, "retry")
        source = self.queue(**{"x-dead-letter-exchange": dlx,
                               "x-dead-letter-routing-key": "retry"})
        self.ch.basic_publish("", source, b"bad")
        method, _, _ = self.ch.basic_get(source, auto_ack=False)
        self.ch.basic_reject(method.delivery_tag, requeue=False)
        method, props, body = get_within(self.ch, target, DLX_WAIT) or (None, None, None)
        self.assertEqual((body, method.routing_key), (b"bad", "retry"))
        self.assert_death(props.headers["x-death"][0], count=1, reason="rejected",
                          queue=source, exchange="", **{"routing-keys": [source]})

    def test_dead_letter_chain_records_every_hop_newest_first(self):
        dlx1, dlx2 = unique("dlx1"), unique("dlx2")
        for exchange in (dlx1, dlx2):
            self.ch.exchange_declare(exchange, "fanout", auto_delete=True)
        second = self.queue(**{"x-message-ttl": 50, "x-dead-letter-exchange": dlx2})
        self.ch.queue_bind(second, dlx1)
        final = self.bound(dlx2)
        first = self.queue(**{"x-dead-letter-exchange": dlx1})
        self.ch.queue_bind(first, "amq.direct", "chain")
        self.ch.basic_publish("amq.direct", "chain", b"hop", pika.BasicProperties(
            expiration="50"))
        method, props, body = get_within(self.ch, final, DLX_WAIT) or (None, None, None)
        self.assertEqual(body, b"hop")
        deaths = props.headers["x-death"]
        self.assertEqual(len(deaths), 2, deaths)
        self.assert_death(deaths[0], count=1, reason="expired", queue=second, exchange=dlx1,
                          **{"routing-keys": ["chain"]})
        self.assert_death(deaths[1], count=1, reason="expired", queue=first,
                          exchange="amq.direct", **{"routing-keys": ["chain"],
                                                    "original-expiration": "50"})
        self.assertEqual((props.headers["x-first-death-queue"],
                          props.headers["x-first-death-exchange"]), (first, "amq.direct"))

    def test_repeated_death_in_the_same_queue_increments_count(self):
        dlx = unique("dlx")
        self.ch.exchange_declare(dlx, "fanout", auto_delete=True)
        source = self.queue(**{"x-dead-letter-exchange": dlx})
        self.ch.queue_bind(source, dlx)  # rejected messages come back to the same queue
        self.ch.basic_publish("", source, b"loop")
        for expected in (1, 2, 3):
            got = get_within(self.ch, source, DLX_WAIT, auto_ack=False)
            self.assertIsNotNone(got)
            method, props, _ = got
            if expected > 1:
                deaths = props.headers["x-death"]
                self.assertEqual(len(deaths), 1, deaths)
                self.assertEqual((deaths[0]["count"], deaths[0]["reason"]),
                                 (expected - 1, "rejected"))
            self.ch.basic_reject(method.delivery_tag, requeue=False)
        self.ch.queue_unbind(source, dlx, "")

    # ---------------------------------------------------------------- consumers, priority

    def test_single_active_consumer(self):
        source = self.queue(**{"x-single-active-consumer": True})
        first_channel, second_channel = self.conn.channel(), self.conn.channel()
        first = Collector(first_channel, source, auto_ack=True)
        second = Collector(second_channel, source, auto_ack=True)
        for body in (b"1", b"2", b"3"):
            self.ch.basic_publish("", source, body)
        self.assertTrue(first.wait(3))
        self.assertTrue(second.quiet(0.3))
        self.assertEqual((first.bodies, second.bodies), ([b"1", b"2", b"3"], []))
        first_channel.basic_cancel(first.tag)
        self.ch.basic_publish("", source, b"4")
        self.assertTrue(second.wait(1))
        self.assertEqual(second.bodies, [b"4"])

    def test_max_priority_orders_ready_messages(self):
        source = self.queue(**{"x-max-priority": 5})
        for body, priority in ((b"p1", 1), (b"p5", 5), (b"none", None), (b"p3", 3),
                               (b"p9", 9), (b"p5b", 5)):
            self.ch.basic_publish("", source, body, pika.BasicProperties(priority=priority))
        # Priorities above x-max-priority count as the maximum; no priority counts as 0.
        self.assertEqual(bodies(self.ch, source), [b"p5", b"p9", b"p5b", b"p3", b"p1", b"none"])

    def test_priority_is_ignored_without_max_priority(self):
        source = self.queue()
        for body, priority in ((b"a", 1), (b"b", 9), (b"c", 5)):
            self.ch.basic_publish("", source, body, pika.BasicProperties(priority=priority))
        self.assertEqual(bodies(self.ch, source), [b"a", b"b", b"c"])


if __name__ == "__main__":
    amqpfixture.main()
