#!/usr/bin/python3
"""Resource alarms: when the bytes held in AMQP queues reach the configured high watermark
(`amqp_memory_high_watermark`), connections that publish are blocked as RabbitMQ blocks
them on a memory alarm: connection.blocked to clients that advertised the capability, no
more reading from their sockets, connection.unblocked once the queues drained below the
low watermark. sbx only: RabbitMQ's watermark is the whole node's memory."""

import time

import pika

import amqpfixture
from amqpfixture import BrokerTestCase, requires, unique
from amqpclients import drain, message_count, wait_for_count

WATERMARK = 100_000
BODY = b"x" * 10_000


@requires("queue_bytes_watermark")
class FlowControlTest(BrokerTestCase):
    broker_options = {"config": {"amqp": {}, "amqp_memory_high_watermark": WATERMARK}}

    def setUp(self):
        # The broker counts queue bytes on its 250 ms housekeeping tick and offers no probe
        # for it: let it see that the previous test's queues are gone.
        self.connect().sleep(0.6)

    def watched(self, **options):
        """A connection whose blocked / unblocked notifications land in a list."""
        connection = self.connect(**options)
        events = []
        connection.add_on_connection_blocked_callback(
            lambda conn, frame: events.append(("blocked", frame.method.reason)))
        connection.add_on_connection_unblocked_callback(
            lambda conn, frame: events.append(("unblocked", None)))
        return connection, events

    def publish_until_held_back(self, channel, name, events, observer):
        """Publishes BODY until the broker stops taking messages from this connection;
        returns the queue depth then."""
        connection = channel.connection
        for _ in range(60):
            channel.basic_publish("", name, BODY)
            connection.process_data_events(time_limit=0.05)
            if events:
                break
        depth = message_count(observer, name)
        self.assertGreaterEqual(depth * len(BODY), WATERMARK)
        return depth

    def wait_for_event(self, connection, events, count, timeout=5.0):
        deadline = time.monotonic() + timeout
        while len(events) < count and time.monotonic() < deadline:
            connection.process_data_events(time_limit=0.05)
        return events[:count]

    def test_publisher_is_blocked_above_the_watermark_and_unblocked_after_draining(self):
        connection, events = self.watched()
        channel = connection.channel()
        name = unique("q")
        channel.queue_declare(name, exclusive=False, auto_delete=False)
        self.addCleanup(lambda: self.channel().queue_delete(name))
        observer = self.channel()
        depth = self.publish_until_held_back(channel, name, events, observer)
        self.assertEqual(events[:1], [("blocked", "low on memory")])

        # Blocked: the broker does not read what the publisher sends now.
        channel.basic_publish("", name, b"held back")
        connection.process_data_events(time_limit=0.5)
        self.assertEqual(message_count(observer, name), depth)

        observer.queue_purge(name)
        self.assertEqual(self.wait_for_event(connection, events, 2)[1], ("unblocked", None))
        # What the publisher sent while blocked (the one held back last) arrives now.
        got = []
        deadline = time.monotonic() + 5.0
        while got[-1:] != [b"held back"] and time.monotonic() < deadline:
            got += [body for _, _, body in drain(observer, name)]
            observer.connection.sleep(0.05)
        self.assertEqual(got[-1:], [b"held back"])

    def test_client_without_the_capability_is_blocked_silently(self):
        capabilities = {"publisher_confirms": True, "basic.nack": True,
                        "consumer_cancel_notify": True, "connection.blocked": False}
        connection, events = self.watched(
            client_properties={"capabilities": capabilities})
        channel = connection.channel()
        name = unique("q")
        channel.queue_declare(name)
        self.addCleanup(lambda: self.channel().queue_delete(name))
        observer = self.channel()
        for _ in range(20):
            channel.basic_publish("", name, BODY)
        connection.process_data_events(time_limit=0.5)  # the alarm is on by now
        channel.basic_publish("", name, b"blocks")  # taken; the connection blocks after it
        connection.process_data_events(time_limit=0.3)
        depth = message_count(observer, name)
        channel.basic_publish("", name, b"held back")
        connection.process_data_events(time_limit=0.5)
        self.assertEqual(message_count(observer, name), depth, "still reading while blocked")
        observer.queue_purge(name)
        self.assertEqual(wait_for_count(observer, name, 1, 5.0), 1)
        self.assertEqual(observer.basic_get(name, auto_ack=True)[2], b"held back")
        self.assertEqual(events, [])

    def test_consuming_connection_is_not_blocked(self):
        publisher_connection, _ = self.watched()
        channel = publisher_connection.channel()
        name = unique("q")
        channel.queue_declare(name)
        self.addCleanup(lambda: self.channel().queue_delete(name))
        for _ in range(20):
            channel.basic_publish("", name, BODY)
        publisher_connection.process_data_events(time_limit=0.5)  # the alarm is on by now
        consumer_connection, consumer_events = self.watched()
        consumer = consumer_connection.channel()
        got = []
        consumer.basic_consume(name, lambda c, m, p, b: got.append(b), auto_ack=True)
        deadline = time.monotonic() + 10.0
        while len(got) < 20 and time.monotonic() < deadline:
            consumer_connection.process_data_events(time_limit=0.05)
            publisher_connection.process_data_events(time_limit=0)
        self.assertEqual(len(got), 20)
        self.assertEqual(consumer_events, [])


if __name__ == "__main__":
    amqpfixture.main()
