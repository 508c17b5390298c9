#!/usr/bin/python3
"""Stream queues over AMQP 0-9-1 (x-queue-type stream): reading from x-stream-offset
first/last/next/a number/a timestamp (with basic.qos, as streams require), re-reading,
retention by size."""

import datetime
import time

import pika

import amqpfixture
from amqpfixture import BrokerTestCase, requires, unique
from amqpclients import Collector, publisher

WAIT = 10.0


@requires("streams")
class StreamTest(BrokerTestCase):

    def setUp(self):
        self.conn = self.connect()
        self.ch = publisher(self.conn.channel())

    def stream(self, **arguments):
        name = unique("s")
        arguments["x-queue-type"] = "stream"
        self.ch.queue_declare(name, durable=True, arguments=arguments)
        self.addCleanup(lambda: self.channel().queue_delete(name))
        return name

    def fill(self, name, bodies):
        for body in bodies:
            self.ch.basic_publish("", name, body)

    def reader(self, name, offset, prefetch=100):
        """A consumer from `offset`; acks as it goes (streams need manual acks only for
        flow control: the log keeps every message)."""
        channel = self.conn.channel()
        channel.basic_qos(prefetch_count=prefetch)
        arguments = None if offset is None else {"x-stream-offset": offset}
        collector = Collector(channel, name, arguments=arguments)
        self.addCleanup(self._cancel, channel, collector.tag)
        return collector

    def _cancel(self, channel, tag):
        if channel.is_open:
            channel.basic_cancel(tag)

    def read(self, name, offset, count):
        collector = self.reader(name, offset)
        self.assertTrue(collector.wait(count, WAIT), "got %r" % collector.bodies)
        for method, _, _ in collector.deliveries:
            collector.channel.basic_ack(method.delivery_tag)
        return collector

    @staticmethod
    def offsets(collector):
        return [props.headers["x-stream-offset"] for _, props, _ in collector.deliveries]

    # ----------------------------------------------------------------

    def test_first_reads_everything_and_can_reread(self):
        name = self.stream()
        messages = [b"m%d" % i for i in range(10)]
        self.fill(name, messages)
        for _ in range(2):  # consuming does not remove anything from a stream
            collector = self.read(name, "first", 10)
            self.assertEqual(collector.bodies, messages)
            self.assertEqual(self.offsets(collector), list(range(10)))

    def test_default_offset_is_next(self):
        name = self.stream()
        self.fill(name, [b"old"])
        collector = self.reader(name, None)
        self.assertTrue(collector.quiet(0.5))
        self.fill(name, [b"new"])
        self.assertTrue(collector.wait(1, WAIT))
        self.assertEqual(collector.bodies, [b"new"])

    def test_next_reads_only_new_messages(self):
        name = self.stream()
        self.fill(name, [b"a", b"b"])
        collector = self.reader(name, "next")
        self.assertTrue(collector.quiet(0.5), "old messages delivered: %r" % collector.bodies)
        self.fill(name, [b"c", b"d"])
        self.assertTrue(collector.wait(2, WAIT))
        self.assertEqual(collector.bodies, [b"c", b"d"])

    def test_last_starts_at_the_last_chunk(self):
        name = self.stream()
        messages = [b"m%d" % i for i in range(20)]
        self.fill(name, messages)
        collector = self.reader(name, "last")
        self.assertTrue(collector.wait(1, WAIT))
        collector.quiet(0.5)
        # A chunk may hold several messages: what arrives is a suffix ending at the last.
        got = collector.bodies
        self.assertGreaterEqual(len(got), 1)
        self.assertEqual(got, messages[-len(got):])
        self.fill(name, [b"after"])
        self.assertTrue(collector.wait(len(got) + 1, WAIT))
        self.assertEqual(collector.bodies[-1], b"after")

    def test_numeric_offset(self):
        name = self.stream()
        messages = [b"m%d" % i for i in range(10)]
        self.fill(name, messages)
        collector = self.read(name, 6, 4)
        collector.quiet(0.3)
        self.assertEqual(collector.bodies, messages[6:])
        self.assertEqual(self.offsets(collector), [6, 7, 8, 9])

    def test_offset_at_the_end_waits_for_that_message(self):
        name = self.stream()
        self.fill(name, [b"a"])
        collector = self.reader(name, 1)
        self.assertTrue(collector.quiet(0.5))
        self.fill(name, [b"b"])
        self.assertTrue(collector.wait(1, WAIT))
        self.assertEqual(collector.bodies, [b"b"])

    def test_timestamp_offset(self):
        name = self.stream()
        self.fill(name, [b"before-1", b"before-2"])
        time.sleep(1.5)  # timestamps are whole seconds: put a second boundary between
        since = datetime.datetime.fromtimestamp(int(time.time()), datetime.timezone.utc)
        since = since.replace(tzinfo=None)
        time.sleep(0.2)
        self.fill(name, [b"after-1", b"after-2"])
        collector = self.read(name, since, 2)
        collector.quiet(0.3)
        self.assertEqual(collector.bodies, [b"after-1", b"after-2"])

    def test_consume_requires_prefetch(self):
        name = self.stream()
        channel = self.conn.channel()
        with self.assertRaises(pika.exceptions.ChannelClosedByBroker) as caught:
            channel.basic_consume(name, lambda *a: None, arguments={"x-stream-offset": "first"})
        self.assertEqual(caught.exception.reply_code, 406)

    def test_consume_requires_manual_ack(self):
        name = self.stream()
        channel = self.connect().channel()
        channel.basic_qos(prefetch_count=10)
        # RabbitMQ: a connection error, 540 NOT_IMPLEMENTED.
        with self.assertRaises(pika.exceptions.ConnectionClosedByBroker) as caught:
            channel.basic_consume(name, lambda *a: None, auto_ack=True)
        self.assertEqual(caught.exception.reply_code, 540)

    def test_stream_must_be_durable_and_not_exclusive(self):
        channel = self.conn.channel()
        with self.assertRaises(pika.exceptions.ChannelClosedByBroker) as caught:
            channel.queue_declare(unique("s"), durable=False,
                                  arguments={"x-queue-type": "stream"})
        self.assertEqual(caught.exception.reply_code, 406)
        channel = self.conn.channel()
        with self.assertRaises(pika.exceptions.ChannelClosedByBroker) as caught:
            channel.queue_declare(unique("s"), durable=True, exclusive=True,
                                  arguments={"x-queue-type": "stream"})
        self.assertEqual(caught.exception.reply_code, 406)

    def test_retention_by_size_drops_old_segments(self):
        name = self.stream(**{"x-max-length-bytes": 5000,
                              "x-stream-max-segment-size-bytes": 1000})
        messages = [b"%04d" % i + b"x" * 196 for i in range(200)]  # ~40 KB in total
        self.fill(name, messages)
        collector = self.reader(name, "first", prefetch=500)
        self.assertTrue(collector.wait(1, WAIT))
        deadline = time.monotonic() + WAIT
        while collector.bodies[-1:] != messages[-1:] and time.monotonic() < deadline:
            collector.wait(len(collector.deliveries) + 1, 0.2)
        got = collector.bodies
        self.assertEqual(got[-1], messages[-1])
        self.assertEqual(got, messages[-len(got):], "retention must drop from the head")
        self.assertLess(len(got), 100, "retention kept %d of 200 messages" % len(got))
        self.assertGreater(self.offsets(collector)[0], 0)


if __name__ == "__main__":
    amqpfixture.main()
