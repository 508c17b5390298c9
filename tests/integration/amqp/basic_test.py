#!/usr/bin/python3
"""basic.*: publish/consume/get, properties, ack/nack/reject with multiple and requeue,
redelivered flag and requeue order, qos prefetch, cancel (client and server side),
mandatory returns, recover."""

import time

import pika

import amqpfixture
from amqpfixture import BrokerTestCase, requires, unique
from amqpclients import Collector, bodies, drain, publisher
import rawamqp


class BasicTest(BrokerTestCase):

    def setUp(self):
        self.conn = self.connect()
        self.ch = publisher(self.conn.channel())

    def queue(self, count=0, **options):
        """An exclusive queue of this test's connection holding `count` messages
        b"0", b"1", ..."""
        name = unique("q")
        self.ch.queue_declare(name, exclusive=True, **options)
        for index in range(count):
            self.ch.basic_publish("", name, b"%d" % index)
        return name

    def assert_channel_error(self, code, channel, action):
        with self.assertRaises(pika.exceptions.ChannelClosedByBroker) as caught:
            action()
            channel.basic_qos(prefetch_count=0)  # a round trip after asynchronous methods
        self.assertEqual(caught.exception.reply_code, code, caught.exception.reply_text)
        return caught.exception.reply_text

    # ---------------------------------------------------------------- publish, consume, get

    def test_consume_delivers_body_properties_and_envelope(self):
        name = self.queue()
        props = pika.BasicProperties(
            content_type="application/json", content_encoding="utf-8",
            headers={"k": "v", "n": 42, "nested": {"a": True}}, delivery_mode=2, priority=3,
            correlation_id="corr-1", reply_to="replies", message_id="m-1",
            timestamp=1700000000, type="order.created", app_id="tests", user_id="guest")
        self.ch.basic_publish("", name, b'{"x": 1}', props)
        consumer = Collector(self.conn.channel(), name, auto_ack=True, consumer_tag="my-tag")
        self.assertEqual(consumer.tag, "my-tag")
        self.assertTrue(consumer.wait(1))
        method, got, body = consumer.deliveries[0]
        self.assertEqual(body, b'{"x": 1}')
        self.assertEqual((method.consumer_tag, method.exchange, method.routing_key,
                          method.redelivered), ("my-tag", "", name, False))
        for field in ("content_type", "content_encoding", "headers", "delivery_mode",
                      "priority", "correlation_id", "reply_to", "message_id", "timestamp",
                      "type", "app_id", "user_id"):
            self.assertEqual(getattr(got, field), getattr(props, field), field)

    def test_user_id_must_match_the_connection_user(self):
        name = self.queue()
        self.assert_channel_error(406, self.ch, lambda: self.ch.basic_publish(
            "", name, b"x", pika.BasicProperties(user_id="someone-else")))

    def test_server_generated_consumer_tags_are_unique(self):
        name = self.queue()
        channel = self.conn.channel()
        tags = {channel.basic_consume(name, lambda *a: None) for _ in range(3)}
        self.assertEqual(len(tags), 3)

    def test_duplicate_consumer_tag_on_a_channel_is_530(self):
        name = self.queue()
        channel = self.conn.channel()
        channel.basic_consume(name, lambda *a: None, consumer_tag="dup")
        with self.assertRaises(pika.exceptions.DuplicateConsumerTag):
            channel.basic_consume(name, lambda *a: None, consumer_tag="dup")
        # pika refuses locally; the broker's answer needs a raw frame.
        client = rawamqp.RawAmqp(self.broker.host, self.broker.port)
        self.addCleanup(client.close)
        client.open()
        client.open_channel(1)
        client.send(rawamqp.method_frame(1, rawamqp.QUEUE_DECLARE,
                                         rawamqp.queue_declare("", exclusive=True)))
        queue = client.expect(rawamqp.QUEUE_DECLARE_OK).fields["queue"]
        for _ in range(2):
            client.send(rawamqp.method_frame(1, rawamqp.BASIC_CONSUME,
                                             rawamqp.basic_consume(queue, "dup")))
        client.expect(rawamqp.BASIC_CONSUME_OK)
        close = client.expect(rawamqp.CONNECTION_CLOSE)
        self.assertEqual(close.fields["reply_code"], 530, close)

    def test_get_and_get_empty(self):
        name = self.queue(count=2)
        method, _, body = self.ch.basic_get(name, auto_ack=True)
        self.assertEqual((body, method.message_count, method.redelivered), (b"0", 1, False))
        method, _, body = self.ch.basic_get(name, auto_ack=True)
        self.assertEqual((body, method.message_count), (b"1", 0))
        self.assertEqual(self.ch.basic_get(name, auto_ack=True), (None, None, None))

    def test_get_from_missing_queue_is_404(self):
        self.assert_channel_error(404, self.ch, lambda: self.ch.basic_get(unique("missing")))

    def test_consumers_share_a_queue_round_robin(self):
        name = self.queue()
        channel = self.conn.channel()
        first = Collector(channel, name, auto_ack=True)
        second = Collector(channel, name, auto_ack=True)
        for index in range(10):
            self.ch.basic_publish("", name, b"%d" % index)
        self.assertTrue(first.wait(5) and second.wait(5))
        self.assertEqual(sorted(first.bodies + second.bodies, key=int),
                         [b"%d" % i for i in range(10)])
        self.assertEqual(len(first.bodies), 5)

    def test_exclusive_consumer_refuses_others_403(self):
        name = self.queue()
        self.conn.channel().basic_consume(name, lambda *a: None, exclusive=True)
        other = self.conn.channel()
        self.assert_channel_error(403, other,
                                  lambda: other.basic_consume(name, lambda *a: None))

    # ---------------------------------------------------------------- ack, nack, reject

    def test_ack_multiple_acknowledges_up_to_the_tag(self):
        name = self.queue(count=4)
        consumer = self.conn.channel()
        got = drain(consumer, name, auto_ack=False)
        self.assertEqual([body for _, _, body in got], [b"0", b"1", b"2", b"3"])
        consumer.basic_ack(got[2][0].delivery_tag, multiple=True)
        consumer.close()  # unacked b"3" goes back
        again = drain(self.ch, name)
        self.assertEqual([body for _, _, body in again], [b"3"])
        self.assertTrue(again[0][0].redelivered)

    def test_nack_multiple_requeue_keeps_order_and_sets_redelivered(self):
        name = self.queue(count=3)
        consumer = self.conn.channel()
        got = drain(consumer, name, auto_ack=False)
        consumer.basic_nack(got[-1][0].delivery_tag, multiple=True, requeue=True)
        again = drain(consumer, name)
        self.assertEqual([body for _, _, body in again], [b"0", b"1", b"2"])
        self.assertTrue(all(method.redelivered for method, _, _ in again))

    def test_nack_and_reject_without_requeue_drop(self):
        name = self.queue(count=3)
        consumer = self.conn.channel()
        got = drain(consumer, name, auto_ack=False)
        consumer.basic_reject(got[0][0].delivery_tag, requeue=False)
        consumer.basic_nack(got[2][0].delivery_tag, multiple=True, requeue=False)
        consumer.basic_qos(prefetch_count=0)
        self.assertEqual(bodies(consumer, name), [])

    def test_reject_requeue_returns_message_to_its_place(self):
        name = self.queue(count=3)
        consumer = self.conn.channel()
        method, _, body = consumer.basic_get(name, auto_ack=False)
        self.assertEqual(body, b"0")
        consumer.basic_reject(method.delivery_tag, requeue=True)
        again = drain(consumer, name)
        self.assertEqual([b for _, _, b in again], [b"0", b"1", b"2"])
        self.assertEqual([m.redelivered for m, _, _ in again], [True, False, False])

    def test_ack_of_unknown_delivery_tag_is_406(self):
        name = self.queue(count=1)
        consumer = self.conn.channel()
        method, _, _ = consumer.basic_get(name, auto_ack=False)
        text = self.assert_channel_error(
            406, consumer, lambda: consumer.basic_ack(method.delivery_tag + 10))
        self.assertIn("unknown delivery tag", text)

    def test_double_ack_is_406(self):
        name = self.queue(count=1)
        consumer = self.conn.channel()
        method, _, _ = consumer.basic_get(name, auto_ack=False)
        consumer.basic_ack(method.delivery_tag)
        self.assert_channel_error(406, consumer,
                                  lambda: consumer.basic_ack(method.delivery_tag))

    def test_unacked_deliveries_return_when_the_channel_closes(self):
        name = self.queue(count=2)
        consumer = self.conn.channel()
        collector = Collector(consumer, name)
        self.assertTrue(collector.wait(2))
        consumer.close()
        again = drain(self.ch, name)
        self.assertEqual([b for _, _, b in again], [b"0", b"1"])
        self.assertTrue(all(m.redelivered for m, _, _ in again))

    # ---------------------------------------------------------------- qos

    def test_prefetch_count_bounds_unacked_deliveries(self):
        name = self.queue(count=5)
        consumer = self.conn.channel()
        consumer.basic_qos(prefetch_count=2)
        collector = Collector(consumer, name)
        self.assertTrue(collector.wait(2))
        self.assertTrue(collector.quiet(0.5), "more than prefetch_count in flight")
        self.assertEqual(len(collector.deliveries), 2)
        consumer.basic_ack(collector.deliveries[0][0].delivery_tag)
        self.assertTrue(collector.wait(3))
        self.assertTrue(collector.quiet(0.5))
        self.assertEqual(len(collector.deliveries), 3)
        consumer.basic_ack(collector.deliveries[2][0].delivery_tag, multiple=True)
        self.assertTrue(collector.wait(5))
        self.assertEqual(collector.bodies, [b"0", b"1", b"2", b"3", b"4"])

    def pump_until_quiet(self, channel, collectors, count):
        """Pumps until the collectors hold `count` deliveries together, then 0.5 s more;
        returns each collector's count."""
        deadline = time.monotonic() + 5.0
        while sum(len(c.deliveries) for c in collectors) < count and \
                time.monotonic() < deadline:
            channel.connection.process_data_events(time_limit=0.05)
        self.assertTrue(collectors[0].quiet(0.5))
        return [len(c.deliveries) for c in collectors]

    def test_global_prefetch_is_shared_by_the_channels_consumers(self):
        first, second = self.queue(count=5), self.queue(count=5)
        consumer = self.conn.channel()
        consumer.basic_qos(prefetch_count=3, global_qos=True)
        collectors = [Collector(consumer, first), Collector(consumer, second)]
        self.assertEqual(sum(self.pump_until_quiet(consumer, collectors, 3)), 3,
                         "more than the channel's prefetch_count in flight")
        taken = next(c for c in collectors if c.deliveries)
        consumer.basic_ack(taken.deliveries[0][0].delivery_tag)
        self.assertEqual(sum(self.pump_until_quiet(consumer, collectors, 4)), 4)
        consumer.basic_ack(0, multiple=True)
        self.assertEqual(sum(self.pump_until_quiet(consumer, collectors, 7)), 7)
        consumer.basic_qos(prefetch_count=0, global_qos=True)  # lifting it resumes all
        self.assertEqual(self.pump_until_quiet(consumer, collectors, 10), [5, 5])

    def test_per_consumer_and_global_prefetch_both_apply(self):
        queues = [self.queue(count=5) for _ in range(3)]
        consumer = self.conn.channel()
        consumer.basic_qos(prefetch_count=2)
        consumer.basic_qos(prefetch_count=5, global_qos=True)
        collectors = [Collector(consumer, name) for name in queues]
        counts = self.pump_until_quiet(consumer, collectors, 5)
        self.assertEqual(sum(counts), 5, counts)
        self.assertLessEqual(max(counts), 2, counts)
        consumer.basic_qos(prefetch_count=50, global_qos=True)
        self.assertEqual(self.pump_until_quiet(consumer, collectors, 6), [2, 2, 2])

    def test_global_prefetch_ignores_basic_get(self):
        name, other = self.queue(count=3), self.queue(count=3)
        consumer = self.conn.channel()
        consumer.basic_qos(prefetch_count=1, global_qos=True)
        got = consumer.basic_get(other)[0]
        self.assertIsNotNone(got)
        collector = Collector(consumer, name)
        self.assertEqual(self.pump_until_quiet(consumer, [collector], 1), [1])
        consumer.basic_ack(got.delivery_tag)  # a basic.get ack makes no room
        self.assertEqual(self.pump_until_quiet(consumer, [collector], 1), [1])
        consumer.basic_ack(collector.deliveries[0][0].delivery_tag)
        self.assertEqual(self.pump_until_quiet(consumer, [collector], 2), [2])

    def test_prefetch_does_not_apply_to_auto_ack(self):
        name = self.queue(count=5)
        consumer = self.conn.channel()
        consumer.basic_qos(prefetch_count=1)
        self.assertTrue(Collector(consumer, name, auto_ack=True).wait(5))

    # ---------------------------------------------------------------- cancel

    def test_cancel_stops_deliveries(self):
        name = self.queue()
        consumer = self.conn.channel()
        collector = Collector(consumer, name, auto_ack=True)
        self.ch.basic_publish("", name, b"before")
        self.assertTrue(collector.wait(1))
        consumer.basic_cancel(collector.tag)
        self.ch.basic_publish("", name, b"after")
        self.assertTrue(collector.quiet(0.3))
        self.assertEqual(collector.bodies, [b"before"])
        self.assertEqual(bodies(self.ch, name), [b"after"])

    @requires("consumer_cancel_notify")
    def test_deleting_the_queue_cancels_its_consumers(self):
        name = unique("q")
        self.ch.queue_declare(name)
        consumer = self.connect().channel()
        cancelled = []
        consumer.add_on_cancel_callback(lambda frame: cancelled.append(frame.method))
        tag = consumer.basic_consume(name, lambda *a: None)
        self.ch.queue_delete(name)
        for _ in range(100):
            if cancelled:
                break
            consumer.connection.process_data_events(time_limit=0.05)
        self.assertEqual([method.consumer_tag for method in cancelled], [tag])
        self.assertTrue(consumer.is_open, "server-side cancel must not close the channel")

    # ---------------------------------------------------------------- mandatory, recover

    def test_mandatory_unroutable_is_returned_312_no_route(self):
        returned = []
        channel = self.conn.channel()
        channel.add_on_return_callback(
            lambda ch, method, props, body: returned.append((method, body)))
        exchange = unique("x")
        channel.exchange_declare(exchange, "direct", auto_delete=True)
        self.ch.queue_bind(self.queue(), exchange, "known")
        channel.basic_publish(exchange, "nowhere", b"bounce", mandatory=True)
        channel.basic_publish(exchange, "known", b"routed", mandatory=True)
        channel.basic_publish(exchange, "nowhere", b"not mandatory", mandatory=False)
        for _ in range(60):
            if returned:
                break
            self.conn.process_data_events(time_limit=0.05)
        self.conn.process_data_events(time_limit=0.3)  # would a second return follow?
        self.assertEqual(len(returned), 1, returned)
        method, body = returned[0]
        self.assertEqual((method.reply_code, method.reply_text, method.exchange,
                          method.routing_key, body), (312, "NO_ROUTE", exchange, "nowhere",
                                                      b"bounce"))

    def test_mandatory_with_confirms_returns_before_the_ack(self):
        with self.assertRaises(pika.exceptions.UnroutableError) as caught:
            self.ch.basic_publish("amq.direct", unique("nowhere"), b"x", mandatory=True)
        self.assertEqual(caught.exception.messages[0].method.reply_code, 312)

    def test_recover_requeue_redelivers_unacked(self):
        name = self.queue(count=2)
        consumer = self.conn.channel()
        collector = Collector(consumer, name)
        self.assertTrue(collector.wait(2))
        consumer.basic_recover(requeue=True)
        self.assertTrue(collector.wait(4))
        self.assertEqual(collector.bodies, [b"0", b"1", b"0", b"1"])
        self.assertEqual([m.redelivered for m, _, _ in collector.deliveries],
                         [False, False, True, True])
        consumer.basic_ack(collector.deliveries[3][0].delivery_tag, multiple=True)
        self.assertEqual(bodies(self.ch, name), [])


if __name__ == "__main__":
    amqpfixture.main()
