#!/usr/bin/python3
"""Configured limits: connections, packet size, in-flight window, queue length, topic
length and levels. Beyond a limit the client gets the right reason code (v5) or a clean
close (3.1.1), and the broker keeps serving."""


import brokerfixture
from brokerfixture import BrokerTestCase, limit, requires, unique, wait_until
import rawmqtt
from rawmqtt import CONNACK, DISCONNECT, MQTT5, MQTT311, PUBACK, PUBLISH, RawClient

VERSIONS = (MQTT311, MQTT5)


class Clients:
    def raw(self, version=MQTT311, client_id=None, **connect):
        client = RawClient(self.broker.host, self.broker.port, version)
        self.addCleanup(client.close)
        connack = client.connect(client_id or unique(), **connect)
        self.assertEqual(connack.reason, 0, "connection refused: %r" % connack)
        return client

    def publisher(self, version=MQTT311):
        return self.raw(version)


class ConnectionLimitTest(Clients, BrokerTestCase):
    broker_options = {"max_connections": 3}

    def refused(self, version):
        """Opens one connection too many; returns what the broker answered."""
        client = RawClient(self.broker.host, self.broker.port, version)
        self.addCleanup(client.close)
        try:
            client.send(rawmqtt.connect(unique(), version))
        except OSError:
            return True, []
        return client.wait_closed(5)

    def test_extra_connections_are_refused_until_one_leaves(self):
        held = [self.raw(MQTT311) for _ in range(3 + limit("max_connections_slack"))]
        closed, packets = self.refused(MQTT5)
        self.assertTrue(closed, "a 4th connection must be closed")
        self.assertIn([(p.type, p.reason) for p in packets],
                      ([], [(CONNACK, 0x97)], [(CONNACK, 0x89)]),
                      "v5: CONNACK 0x97 Quota exceeded / 0x89 Server busy, or a plain close")
        closed, packets = self.refused(MQTT311)
        self.assertTrue(closed, "a 4th connection must be closed")
        self.assertIn([(p.type, p.reason) for p in packets], ([], [(CONNACK, 3)]),
                      "3.1.1: CONNACK 3 server unavailable, or a plain close")
        for client in held:
            client.send(rawmqtt.pingreq())
            client.expect(rawmqtt.PINGRESP)  # the held ones are unaffected
        held[0].disconnect()
        self.assertTrue(wait_until(self.connects, timeout=5),
                        "a freed slot must accept a new connection")

    def connects(self):
        client = RawClient(self.broker.host, self.broker.port, MQTT311)
        try:
            client.send(rawmqtt.connect(unique(), MQTT311))
            reply = client.recv(1)
            return reply is not None and reply.type == CONNACK and reply.reason == 0
        except (OSError, rawmqtt.ConnectionClosed):
            return False
        finally:
            client.close()


def publish_of_size(topic, size, version):
    """A QoS 1 PUBLISH whose whole packet is exactly `size` bytes."""
    payload_len = size
    while True:
        packet = rawmqtt.publish(topic, b"p" * payload_len, 1, packet_id=1, version=version)
        if len(packet) == size:
            return packet
        payload_len += size - len(packet)


class PacketSizeLimitTest(Clients, BrokerTestCase):
    broker_options = {"max_packet_size": 2048}

    def test_connack_carries_maximum_packet_size(self):
        client = RawClient(self.broker.host, self.broker.port, MQTT5)
        self.addCleanup(client.close)
        self.assertEqual(client.connect(unique()).props.get("maximum_packet_size"), 2048)

    def test_packet_at_the_limit_passes_one_byte_more_is_refused(self):
        largest = 2048 + limit("max_packet_size_slack")
        for version in VERSIONS:
            with self.subTest(version=version):
                topic = unique("size")
                subscriber = self.raw(MQTT5)
                subscriber.subscribe(1, [(topic, 1)])
                client = self.raw(version)
                client.send(publish_of_size(topic, largest, version))
                self.assertEqual(client.expect(PUBACK).reason, 0, "2048 bytes is allowed")
                delivered = subscriber.expect(PUBLISH)
                subscriber.send(rawmqtt.puback(delivered.packet_id, MQTT5))
                try:
                    client.send(publish_of_size(topic, largest + 1, version))
                except OSError:
                    pass
                closed, packets = client.wait_closed(5)
                self.assertTrue(closed, "a packet over the maximum must end the connection")
                expected = [(DISCONNECT, 0x95)] if version == MQTT5 else []
                self.assertEqual([(p.type, p.reason) for p in packets], expected)
                self.assertIsNone(subscriber.recv(0.3), "the oversized message was routed")

    def test_no_packet_larger_than_the_client_maximum_is_sent(self):
        topic = unique("climit")
        small = self.raw(MQTT5, props={"maximum_packet_size": 200})
        small.subscribe(1, [(topic, 1)])
        publisher = self.raw(MQTT311)
        publisher.publish(topic, b"L" * 500, qos=1, packet_id=1)
        publisher.publish(topic, b"small", qos=1, packet_id=2)
        message = small.expect(PUBLISH)
        self.assertEqual(message.payload, b"small",
                         "5.0 3.1.2-24/25: a too large message is discarded for this client")


class InflightLimitTest(Clients, BrokerTestCase):
    broker_options = {"max_inflight": 5}

    def publish_many(self, topic, count):
        publisher = self.publisher()
        for i in range(count):
            publisher.publish(topic, b"%d" % i, qos=1, packet_id=i + 1)

    def unacked(self, client, quiet=0.7):
        """PUBLISHes that arrive until the broker goes quiet for `quiet` seconds."""
        got = []
        while True:
            packet = client.recv(quiet)
            if packet is None:
                return got
            self.assertEqual(packet.type, PUBLISH)
            got.append(packet)

    def test_connack_receive_maximum(self):
        client = RawClient(self.broker.host, self.broker.port, MQTT5)
        self.addCleanup(client.close)
        self.assertEqual(client.connect(unique()).props.get("receive_maximum"), 5)

    def fill_window(self, version, count=20, **connect):
        topic = unique("inflight")
        subscriber = self.raw(version, **connect)
        subscriber.subscribe(1, [(topic, 1)])
        self.publish_many(topic, count)
        return subscriber, self.unacked(subscriber)

    def ack_rest(self, subscriber, received, count):
        """Acks what was received and everything after it; returns all payloads."""
        payloads = [p.payload for p in received]
        for packet in received:
            subscriber.send(rawmqtt.puback(packet.packet_id, subscriber.version))
        while len(payloads) < count:
            packet = subscriber.expect(PUBLISH)
            payloads.append(packet.payload)
            subscriber.send(rawmqtt.puback(packet.packet_id, subscriber.version))
        self.assertIsNone(subscriber.recv(0.3), "more messages than were published")
        return payloads

    def test_first_window_is_max_inflight(self):
        for version in VERSIONS:
            with self.subTest(version=version):
                subscriber, window = self.fill_window(version)
                self.assertEqual(len(window), 5, "exactly max-inflight unacked in flight")
                self.assertEqual(self.ack_rest(subscriber, window, 20),
                                 [b"%d" % i for i in range(20)],
                                 "nothing lost or reordered behind the window")

    @requires("inflight_window_after_ack")
    def test_one_ack_opens_one_slot(self):
        for version in VERSIONS:
            with self.subTest(version=version):
                subscriber, window = self.fill_window(version)
                self.assertEqual(len(window), 5)
                subscriber.send(rawmqtt.puback(window[0].packet_id, version))
                more = self.unacked(subscriber)
                self.assertEqual(len(more), 1, "one ack opens exactly one slot")
                self.ack_rest(subscriber, window[1:] + more, 19)

    def test_client_receive_maximum_caps_first_window(self):
        subscriber, window = self.fill_window(MQTT5, 6, props={"receive_maximum": 2})
        self.assertEqual(len(window), 2, "5.0 3.3.4-9: the client's Receive Maximum caps it")
        self.ack_rest(subscriber, window, 6)

    @requires("inflight_window_after_ack")
    def test_client_receive_maximum_holds_after_acks(self):
        subscriber, window = self.fill_window(MQTT5, 6, props={"receive_maximum": 2})
        self.assertEqual(len(window), 2)
        subscriber.send(rawmqtt.puback(window[0].packet_id, MQTT5))
        more = self.unacked(subscriber)
        self.assertEqual(len(more), 1, "3.3.4-9 holds after acks too")
        self.ack_rest(subscriber, window[1:] + more, 5)


class QueueLimitTest(Clients, BrokerTestCase):
    broker_options = {"max_queued": 10}

    def test_offline_queue_is_bounded(self):
        for version in VERSIONS:
            with self.subTest(version=version):
                topic, client_id = unique("queue"), unique()
                keep = {"session_expiry_interval": 300} if version == MQTT5 else None
                subscriber = self.raw(version, client_id, clean=False, props=keep)
                subscriber.subscribe(1, [(topic, 1)])
                subscriber.disconnect()
                publisher = self.publisher()
                for i in range(30):
                    ack = publisher.publish(topic, b"%d" % i, qos=1, packet_id=i + 1)
                    self.assertIsNotNone(ack)
                subscriber = self.raw(version, client_id, clean=False, props=keep)
                got = []
                while True:
                    packet = subscriber.recv(1.0)
                    if packet is None:
                        break
                    got.append(int(packet.payload))
                    subscriber.send(rawmqtt.puback(packet.packet_id, version))
                self.assertEqual(len(got), 10, "the queue holds max-queued messages: %r" % got)
                self.assertEqual(got, sorted(set(got)), "queued messages stay in order")
                publisher.publish(topic, b"live", qos=1, packet_id=100)
                self.assertEqual(subscriber.expect(PUBLISH).payload, b"live",
                                 "the session works normally after an overflow")


@requires("topic_limits")
class TopicLimitTest(Clients, BrokerTestCase):
    broker_options = {"max_topic_length": 64, "max_topic_levels": 4}

    def topic(self, length, levels):
        """A topic of exactly `length` characters in `levels` levels."""
        root = unique("tl")[:14]
        parts = [root] + ["x"] * (levels - 1)
        base = "/".join(parts)
        return base + "y" * (length - len(base))

    def test_topic_at_the_limits_is_delivered(self):
        topic = self.topic(64, 4)
        subscriber = self.raw(MQTT5)
        self.assertEqual(subscriber.subscribe(1, [(topic, 1)]).reasons, [1])
        self.raw(MQTT5).publish(topic, b"ok", qos=1, packet_id=1)
        self.assertEqual(subscriber.expect(PUBLISH).payload, b"ok")

    def test_publish_beyond_the_limits_is_refused(self):
        for topic in (self.topic(65, 4), self.topic(30, 5)):
            for version in VERSIONS:
                with self.subTest(topic=topic, version=version):
                    watcher = self.raw(MQTT5)
                    watcher.subscribe(1, [(topic.split("/")[0] + "/#", 1)])
                    client = self.raw(version)
                    client.send(rawmqtt.publish(topic, b"no", 1, packet_id=1, version=version))
                    try:
                        reply = client.recv(3)
                    except rawmqtt.ConnectionClosed:
                        reply = "closed"
                    if version == MQTT5:
                        self.assertNotIn(reply, (None, "closed"), "no answer to a bad topic")
                        self.assertIn((reply.type, reply.reason),
                                      ((PUBACK, 0x90), (DISCONNECT, 0x90)),
                                      "v5: Topic Name invalid in PUBACK or DISCONNECT")
                    else:
                        if reply is None:
                            reply = "closed" if client.wait_closed(3)[0] else None
                        self.assertEqual(reply, "closed", "3.1.1: close without a PUBACK")
                    self.assertIsNone(watcher.recv(0.3), "a refused topic was routed")

    def test_subscribe_beyond_the_limits_is_refused(self):
        for topic_filter in ("a" * 65, "a/b/c/d/#"):
            for version, failure in ((MQTT5, 0x8F), (MQTT311, 0x80)):
                with self.subTest(filter=topic_filter, version=version):
                    client = self.raw(version)
                    self.assertEqual(client.subscribe(1, [(topic_filter, 1)]).reasons,
                                     [failure])


if __name__ == "__main__":
    brokerfixture.main()
