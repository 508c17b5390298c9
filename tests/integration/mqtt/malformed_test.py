#!/usr/bin/python3
"""Malformed and out-of-order input, byte for byte: the broker answers as the spec says
(3.1.1: close; 5.0: DISCONNECT with the reason code, then close) and keeps serving."""

import time

import brokerfixture
from brokerfixture import BrokerTestCase, supports, unique
import rawmqtt
from rawmqtt import CONNACK, DISCONNECT, MQTT5, MQTT311, PINGRESP, PUBLISH, RawClient

MAX_PACKET = 4096
MALFORMED = 0x81
PROTOCOL_ERROR = 0x82
PACKET_TOO_LARGE = 0x95
VERSIONS = (MQTT311, MQTT5)


def publish_with_raw_topic(topic_bytes, version, payload=b"x"):
    """A QoS 0 PUBLISH whose topic is the given bytes, valid UTF-8 or not."""
    props = b"\x00" if version == MQTT5 else b""
    return rawmqtt.packet(rawmqtt.PUBLISH, 0, rawmqtt.binary(topic_bytes) + props + payload)


class MalformedTest(BrokerTestCase):
    broker_options = {"max_packet_size": MAX_PACKET}

    def connected(self, version):
        client = RawClient(self.broker.host, self.broker.port, version)
        self.addCleanup(client.close)
        self.assertEqual(client.connect(unique()).reason, 0)
        return client

    def assert_rejected(self, client, reason, known_silent_in_reference=False):
        """The connection ends; a v5 client first gets DISCONNECT `reason` (5.0 4.13.1).
        `known_silent_in_reference`: mosquitto closes without it here (capability map)."""
        closed, packets = client.wait_closed(5)
        self.assertTrue(closed, "the broker must close the connection; got %r" % packets)
        seen = [(p.type, p.reason) for p in packets]
        if client.version == MQTT311:
            self.assertEqual(seen, [], "3.1.1 has no server DISCONNECT: just close")
        elif known_silent_in_reference and not supports("v5_disconnect_before_close") \
                and not seen:
            pass
        else:
            self.assertEqual(seen, [(DISCONNECT, reason)],
                             "expected DISCONNECT 0x%02X then close" % reason)
        self.assert_serves_fresh_client()

    def assert_serves_fresh_client(self):
        self.broker.assert_alive(self)
        topic = unique("alive")
        subscriber = self.connected(MQTT5)
        subscriber.subscribe(1, [(topic, 0)])
        publisher = self.connected(MQTT311)
        publisher.publish(topic, b"still here", qos=1, packet_id=2)
        self.assertEqual(subscriber.expect(PUBLISH).payload, b"still here",
                         "the broker stopped routing")
        subscriber.disconnect()
        publisher.disconnect()

    def send_tolerating_close(self, client, data):
        """Sends; the broker may close before it has read everything (a reset)."""
        try:
            client.send(data)
        except OSError:
            pass

    def watcher(self, topic):
        """A subscriber that must see nothing of a rejected packet."""
        client = self.connected(MQTT5)
        client.subscribe(1, [(topic, 0)])
        return client

    # ------------------------------------------------------------------ framing

    def test_remaining_length_with_five_continuation_bytes(self):
        for version in VERSIONS:
            with self.subTest(version=version):
                client = self.connected(version)
                client.send(b"\x30" + b"\xff" * 5 + b"\x01")
                self.assert_rejected(client, MALFORMED, known_silent_in_reference=True)

    def test_subscribe_with_reserved_flag_bits(self):
        for version in VERSIONS:
            for flags in (0x00, 0x0B):
                with self.subTest(version=version, flags=flags):
                    client = self.connected(version)
                    client.send(rawmqtt.subscribe(1, [(unique(), 0)], version, flags=flags))
                    self.assert_rejected(client, MALFORMED)  # 3.8.1-1, 2.1.3

    def test_publish_with_qos_3(self):
        for version in VERSIONS:
            with self.subTest(version=version):
                topic = unique("qos3")
                watcher = self.watcher(topic)
                client = self.connected(version)
                packet = rawmqtt.publish(topic, b"x", qos=1, packet_id=1, version=version)
                client.send(bytes([packet[0] | 0x06]) + packet[1:])
                self.assert_rejected(client, MALFORMED)  # 3.3.1-4
                self.assertIsNone(watcher.recv(0.3), "a QoS 3 PUBLISH was routed")

    def test_invalid_utf8_in_topic(self):
        bad_topics = {
            "invalid byte sequence": b"a/\xc3\x28",
            "UTF-16 surrogate": b"a/\xed\xa0\x80",
            "U+0000": b"a/\x00b",
        }
        for version in VERSIONS:
            for name, topic in bad_topics.items():
                with self.subTest(version=version, topic=name):
                    client = self.connected(version)
                    client.send(publish_with_raw_topic(topic, version))
                    self.assert_rejected(client, MALFORMED)  # 1.5.4-1, 1.5.4-2

    # ------------------------------------------------------------------ packet order

    def test_second_connect(self):
        for version in VERSIONS:
            with self.subTest(version=version):
                client = self.connected(version)
                client.send(rawmqtt.connect(unique(), version))
                self.assert_rejected(client, PROTOCOL_ERROR,
                                     known_silent_in_reference=True)  # 3.1.0-2

    def test_packet_before_connect(self):
        for first in (rawmqtt.pingreq(), rawmqtt.subscribe(1, [("a", 0)]),
                      rawmqtt.publish("a", b"x")):
            with self.subTest(packet=first[:1].hex()):
                client = RawClient(self.broker.host, self.broker.port, MQTT311)
                self.addCleanup(client.close)
                client.send(first)
                closed, packets = client.wait_closed(5)
                self.assertTrue(closed, "3.1.0-1: the first packet must be CONNECT")
                self.assertEqual(packets, [], "nothing may be sent before CONNACK (3.14.0-1)")
                self.assert_serves_fresh_client()

    # ------------------------------------------------------------------ partial input

    def test_truncated_packet_then_close(self):
        for version in VERSIONS:
            with self.subTest(version=version):
                topic = unique("trunc")
                watcher = self.watcher(topic)
                client = self.connected(version)
                packet = rawmqtt.publish(topic, b"y" * 40, qos=1, packet_id=1, version=version)
                client.send(packet[:12])
                client.close()
                self.assertIsNone(watcher.recv(0.5), "a truncated PUBLISH was routed")
                self.assert_serves_fresh_client()

    def test_truncated_connect_then_close(self):
        packet = rawmqtt.connect(unique(), MQTT5, props={"session_expiry_interval": 5})
        client = RawClient(self.broker.host, self.broker.port, MQTT5)
        client.send(packet[:len(packet) // 2])
        client.close()
        self.assert_serves_fresh_client()

    def test_slow_sender_dribbling_connect_is_accepted(self):
        for version in VERSIONS:
            with self.subTest(version=version):
                will = {"topic": unique("slow"), "payload": b"w"}
                props = {"session_expiry_interval": 10} if version == MQTT5 else None
                packet = rawmqtt.connect(unique(), version, props=props, will=will)
                client = RawClient(self.broker.host, self.broker.port, version)
                self.addCleanup(client.close)
                for byte in packet:
                    client.send(bytes([byte]))
                    time.sleep(0.02)  # the slowness itself is under test
                connack = client.expect(CONNACK)
                self.assertEqual(connack.reason, 0, "a CONNECT sent byte by byte is valid")
                client.send(rawmqtt.pingreq())
                client.expect(PINGRESP)
                client.disconnect()

    # ------------------------------------------------------------------ size

    def test_publish_larger_than_max_packet_size(self):
        for version in VERSIONS:
            with self.subTest(version=version):
                topic = unique("big")
                watcher = self.watcher(topic)
                client = self.connected(version)
                self.send_tolerating_close(client, rawmqtt.publish(
                    topic, b"z" * (MAX_PACKET + 100), qos=1, packet_id=1, version=version))
                self.assert_rejected(client, PACKET_TOO_LARGE)  # 5.0 3.2.2.3.6, 4.13
                self.assertIsNone(watcher.recv(0.3), "an oversized PUBLISH was routed")


if __name__ == "__main__":
    brokerfixture.main()
