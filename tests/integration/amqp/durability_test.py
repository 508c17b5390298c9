#!/usr/bin/python3
"""Durability: what survives a clean restart and a kill -9 of the broker (for RabbitMQ the
whole process group of the node). Each test runs its own broker with a data dir."""

import threading
import time
import unittest

import pika

import amqpfixture
from amqpfixture import Broker, requires, unique
from amqpclients import bodies, drain, persistent, publisher


class DurabilityTest(unittest.TestCase):

    def setUp(self):
        self.broker = Broker(persistent=True).start()
        self.addCleanup(self.broker.close)
        self.connections = []

    def channel(self):
        connection = pika.BlockingConnection(self.broker.params())
        self.connections.append(connection)
        return connection.channel()

    def drop_connections(self):
        for connection in self.connections:
            try:
                connection.close()
            except Exception:  # the broker went away under it; that is the point
                pass
        self.connections = []

    def restart(self):
        self.drop_connections()
        self.broker.restart()

    def crash_and_start(self):
        self.drop_connections()
        self.broker.kill9()
        self.broker.start()

    def tearDown(self):
        self.drop_connections()

    # ----------------------------------------------------------------

    def test_durable_queue_and_persistent_messages_survive_restart(self):
        ch = publisher(self.channel())
        durable, transient_queue = unique("durable"), unique("transient")
        exchange = unique("x")
        ch.exchange_declare(exchange, "direct", durable=True)
        ch.queue_declare(durable, durable=True)
        ch.queue_declare(transient_queue, durable=False)
        ch.queue_bind(durable, exchange, "k")
        ch.basic_publish(exchange, "k", b"persistent-1", persistent())
        ch.basic_publish(exchange, "k", b"transient", pika.BasicProperties(delivery_mode=1))
        ch.basic_publish(exchange, "k", b"persistent-2", persistent(trace="kept"))
        ch.basic_publish("", transient_queue, b"gone", persistent())
        self.restart()
        ch = publisher(self.channel())
        got = drain(ch, durable)
        self.assertEqual([body for _, _, body in got], [b"persistent-1", b"persistent-2"])
        self.assertEqual(got[1][1].headers, {"trace": "kept"})
        self.assertEqual(got[1][1].delivery_mode, 2)
        # The durable exchange and its binding survived too.
        ch.basic_publish(exchange, "k", b"after restart")
        self.assertEqual(bodies(ch, durable), [b"after restart"])
        with self.assertRaises(pika.exceptions.ChannelClosedByBroker) as caught:
            ch.queue_declare(transient_queue, passive=True)
        self.assertEqual(caught.exception.reply_code, 404)

    def test_confirmed_persistent_messages_survive_kill9(self):
        ch = publisher(self.channel())
        name = unique("durable")
        ch.queue_declare(name, durable=True)
        confirmed = []
        for index in range(300):
            body = b"m%03d" % index
            ch.basic_publish("", name, body, persistent())  # returns once confirmed
            confirmed.append(body)
        self.crash_and_start()
        got = bodies(publisher(self.channel()), name)
        self.assertEqual(got[:len(confirmed)], confirmed)

    def test_confirmed_messages_survive_kill9_while_a_fast_consumer_acks_their_copies(self):
        """Each message goes to two durable queues: a fast consumer acknowledges the copy
        in one (so its write may be skipped altogether) while the other keeps its copy.
        The confirm must still wait for the kept copy's write."""
        ch = publisher(self.channel())
        exchange, consumed, kept = unique("x"), unique("consumed"), unique("kept")
        ch.exchange_declare(exchange, "fanout", durable=True)
        for name in (consumed, kept):
            ch.queue_declare(name, durable=True)
            ch.queue_bind(name, exchange)
        acked = []
        stop = threading.Event()

        def consume():
            connection = pika.BlockingConnection(self.broker.params())
            channel = connection.channel()
            channel.basic_qos(prefetch_count=50)

            def on_message(channel, method, properties, body):
                channel.basic_ack(method.delivery_tag)
                acked.append(body)

            channel.basic_consume(consumed, on_message)
            while not stop.is_set():
                connection.process_data_events(time_limit=0.02)
            try:
                connection.close()
            except Exception:
                pass

        consumer = threading.Thread(target=consume)
        consumer.start()
        try:
            confirmed = []
            for index in range(400):
                body = b"m%03d" % index
                ch.basic_publish(exchange, "", body, persistent())  # returns once confirmed
                confirmed.append(body)
            deadline = time.monotonic() + 10.0
            while len(acked) < len(confirmed) and time.monotonic() < deadline:
                time.sleep(0.02)
        finally:
            stop.set()
            consumer.join()
        self.assertEqual(acked, confirmed)
        self.crash_and_start()
        ch = publisher(self.channel())
        self.assertEqual(bodies(ch, kept), confirmed)
        # Plain acks are not waited for (as in RabbitMQ), so a few acknowledged copies may
        # come back after kill -9; nothing else may.
        self.assertTrue(set(bodies(ch, consumed)) <= set(confirmed))

    def test_acked_deliveries_are_not_redelivered_after_restart(self):
        ch = publisher(self.channel())
        name = unique("durable")
        ch.queue_declare(name, durable=True)
        for index in range(10):
            ch.basic_publish("", name, b"%d" % index, persistent())
        consumer = self.channel()
        got = drain(consumer, name, auto_ack=False)
        self.assertEqual(len(got), 10)
        consumer.basic_ack(got[3][0].delivery_tag, multiple=True)  # 0..3
        consumer.basic_ack(got[6][0].delivery_tag)  # 6
        consumer.basic_qos(prefetch_count=0)  # a round trip: the acks have arrived
        self.restart()
        again = drain(self.channel(), name)
        self.assertEqual([body for _, _, body in again], [b"4", b"5", b"7", b"8", b"9"])

    @requires("kill9_acked_not_redelivered")
    def test_acked_deliveries_are_not_redelivered_after_kill9(self):
        ch = publisher(self.channel())
        name = unique("durable")
        ch.queue_declare(name, durable=True)
        for index in range(6):
            ch.basic_publish("", name, b"%d" % index, persistent())
        consumer = self.channel()
        consumer.tx_select()  # tx.commit-ok: the acks are applied
        got = drain(consumer, name, auto_ack=False)
        consumer.basic_ack(got[2][0].delivery_tag, multiple=True)
        consumer.tx_commit()
        self.crash_and_start()
        again = drain(self.channel(), name)
        self.assertEqual([body for _, _, body in again], [b"3", b"4", b"5"])

    def stream_consumer(self, name, sink):
        """Consumes the stream from its first offset. RabbitMQ brings a stream's replica
        up a moment after the node reports it is running and answers 404 "home node ... is
        down or inaccessible" until then: retry that (only that) for a bounded time."""
        deadline = time.monotonic() + 20.0
        while True:
            channel = self.channel()
            channel.basic_qos(prefetch_count=10)
            try:
                channel.basic_consume(name, lambda c, m, p, b: sink.append(b),
                                      arguments={"x-stream-offset": "first"})
                return channel
            except pika.exceptions.ChannelClosedByBroker as error:
                if "is down or inaccessible" not in error.reply_text or \
                        time.monotonic() >= deadline:
                    raise
                time.sleep(0.2)

    @requires("streams")
    def test_stream_survives_restart(self):
        ch = publisher(self.channel())
        name = unique("stream")
        ch.queue_declare(name, durable=True, arguments={"x-queue-type": "stream"})
        for index in range(5):
            ch.basic_publish("", name, b"s%d" % index)
        self.restart()
        got = []
        channel = self.stream_consumer(name, got)
        for _ in range(200):
            if len(got) >= 5:
                break
            channel.connection.process_data_events(time_limit=0.05)
        self.assertEqual(got, [b"s%d" % i for i in range(5)])


    def read_stream(self, name, offset, until):
        """(offset, body) of each message from `offset` until a body equals `until`."""
        got = []
        deadline = time.monotonic() + 20.0
        while True:
            channel = self.channel()
            channel.basic_qos(prefetch_count=500)
            try:
                channel.basic_consume(
                    name, lambda c, m, p, b: got.append((p.headers["x-stream-offset"], b)),
                    arguments={"x-stream-offset": offset})
                break
            except pika.exceptions.ChannelClosedByBroker as error:
                if "is down or inaccessible" not in error.reply_text or \
                        time.monotonic() >= deadline:
                    raise
                time.sleep(0.2)
        deadline = time.monotonic() + 10.0
        while (not got or got[-1][1] != until) and time.monotonic() < deadline:
            channel.connection.process_data_events(time_limit=0.05)
        channel.close()
        return got

    @requires("streams")
    def test_stream_offsets_are_stable_across_restart(self):
        ch = publisher(self.channel())
        name = unique("stream")
        # Small segments and a byte limit, so retention drops the log's head: the oldest
        # stored message is no longer offset 0.
        ch.queue_declare(name, durable=True, arguments={
            "x-queue-type": "stream", "x-max-length-bytes": 5000,
            "x-stream-max-segment-size-bytes": 1000})
        messages = [b"%04d" % i + b"x" * 196 for i in range(200)]
        for body in messages:
            ch.basic_publish("", name, body)
        before = self.read_stream(name, "first", messages[-1])
        self.assertEqual(before[-1][1], messages[-1])
        self.assertGreater(before[0][0], 0, "retention should have dropped the head")
        middle, last = before[len(before) // 2], before[-1]
        self.restart()
        after = self.read_stream(name, middle[0], messages[-1])
        self.assertEqual(after[0], middle, "offset %d names another message" % middle[0])
        self.assertEqual(after[-1], last)
        publisher(self.channel()).basic_publish("", name, b"after restart")
        self.assertEqual(self.read_stream(name, last[0] + 1, b"after restart"),
                         [(last[0] + 1, b"after restart")])


if __name__ == "__main__":
    amqpfixture.main()
