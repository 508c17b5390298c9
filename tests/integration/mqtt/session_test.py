#!/usr/bin/python3
"""Persistent sessions: offline queueing, clean start, session expiry, and what survives a
broker restart (and kill -9) with a data dir."""

import queue
import threading
import time
import unittest

from paho.mqtt.packettypes import PacketTypes

import brokerfixture
from brokerfixture import Broker, BrokerTestCase, requires, unique
from clients import V5, PahoClient, props
import rawmqtt
from rawmqtt import MQTT5, MQTT311, PUBACK, PUBLISH, PUBREL, RawClient

def session_props(version, expiry=3600):
    return {"session_expiry_interval": expiry} if version == MQTT5 else None


class Clients:
    """Raw and paho clients bound to a broker that may restart (its port changes)."""

    def raw(self, version=MQTT311):
        client = RawClient(self.broker.host, self.broker.port, version)
        self.addCleanup(client.close)
        return client

    def resume(self, client_id, version, expiry=3600):
        """Connects with clean start/session 0; returns (client, CONNACK)."""
        client = self.raw(version)
        connack = client.connect(client_id, clean=False,
                                 props=session_props(version, expiry))
        self.assertEqual(connack.reason, 0)
        return client, connack

    def receive_acking(self, client, count, timeout=5.0):
        """Receives `count` PUBLISHes, completing each QoS flow; returns them."""
        got = []
        while len(got) < count:
            packet = client.recv(timeout)
            self.assertIsNotNone(packet, "got %d of %d messages: %r" % (len(got), count, got))
            if packet.type == PUBLISH:
                got.append(packet)
                if packet.qos == 1:
                    client.send(rawmqtt.puback(packet.packet_id, client.version))
                elif packet.qos == 2:
                    client.send(rawmqtt.pubrec(packet.packet_id, client.version))
            elif packet.type == PUBREL:
                client.send(rawmqtt.pubcomp(packet.packet_id, client.version))
        return got

    def finish_qos2(self, client, timeout=0.7):
        """Answers PUBRELs until quiet; fails on any further PUBLISH."""
        while True:
            packet = client.recv(timeout)
            if packet is None:
                return
            self.assertEqual(packet.type, PUBREL, "unexpected %r" % packet)
            client.send(rawmqtt.pubcomp(packet.packet_id, client.version))

    def publish_all(self, topic, messages, version=MQTT311):
        publisher = self.raw(version)
        publisher.connect(unique())
        for pid, (payload, qos) in enumerate(messages, start=1):
            publisher.publish(topic, payload, qos=qos, packet_id=pid)
        publisher.disconnect()


class SessionTest(Clients, BrokerTestCase):
    broker_options = {}

    def test_offline_session_keeps_subscription_and_queues_qos1_and_qos2(self):
        for version in (MQTT311, MQTT5):
            with self.subTest(version=version):
                topic, client_id = unique("q"), unique()
                subscriber, connack = self.resume(client_id, version)
                self.assertFalse(connack.session_present)
                subscriber.subscribe(1, [(topic, 2)])
                subscriber.disconnect()
                self.publish_all(topic, [(b"q1", 1), (b"q2", 2), (b"q1b", 1)])

                subscriber, connack = self.resume(client_id, version)
                self.assertTrue(connack.session_present)
                got = self.receive_acking(subscriber, 3)
                self.assertEqual([(p.payload, p.qos) for p in got],
                                 [(b"q1", 1), (b"q2", 2), (b"q1b", 1)])
                self.finish_qos2(subscriber)
                # The subscription is still there: a new message arrives without SUBSCRIBE.
                self.publish_all(topic, [(b"live", 1)])
                self.assertEqual(self.receive_acking(subscriber, 1)[0].payload, b"live")
                subscriber.disconnect()

    def test_clean_start_discards_session(self):
        for version in (MQTT311, MQTT5):
            with self.subTest(version=version):
                topic, client_id = unique("c"), unique()
                subscriber, _ = self.resume(client_id, version)
                subscriber.subscribe(1, [(topic, 1)])
                subscriber.disconnect()
                self.publish_all(topic, [(b"queued", 1)])
                fresh = self.raw(version)
                connack = fresh.connect(client_id, clean=True)
                self.assertEqual((connack.reason, connack.session_present), (0, False))
                self.assertIsNone(fresh.recv(0.7), "clean start must drop queued messages")
                self.publish_all(topic, [(b"after", 1)])
                self.assertIsNone(fresh.recv(0.7), "clean start must drop subscriptions")

    def test_v5_session_expiry_interval(self):
        topic = unique("exp")
        short_id, long_id = unique("short"), unique("long")
        for client_id, expiry in ((short_id, 1), (long_id, 60)):
            client, _ = self.resume(client_id, MQTT5, expiry)
            client.subscribe(1, [(topic, 1)])
            client.disconnect()
        time.sleep(2.5)  # the session's lifetime is what is under test
        self.publish_all(topic, [(b"late", 1)])
        expired, connack = self.resume(short_id, MQTT5, 60)
        self.assertFalse(connack.session_present, "a 1 s session must be gone after 2.5 s")
        self.assertIsNone(expired.recv(0.5), "an expired session must not keep messages")
        kept, connack = self.resume(long_id, MQTT5, 60)
        self.assertTrue(connack.session_present)
        self.assertEqual(self.receive_acking(kept, 1)[0].payload, b"late")

    def test_v5_disconnect_can_end_the_session(self):
        client_id = unique()
        client, _ = self.resume(client_id, MQTT5, 60)
        client.disconnect(props={"session_expiry_interval": 0})
        _, connack = self.resume(client_id, MQTT5, 60)
        self.assertFalse(connack.session_present,
                         "3.14.2.2.2: session expiry 0 on DISCONNECT ends the session")


class RestartTest(Clients, unittest.TestCase):
    """A fresh broker per test: these stop and start it."""

    def start_broker(self, **options):
        self.broker = Broker(**options).start()
        self.addCleanup(self.broker.close)

    def test_data_dir_keeps_sessions_queues_and_retained_across_restart(self):
        self.start_broker(persistent=True)
        topic, retained_topic = unique("r"), unique("ret")
        ids = {MQTT311: unique("s311"), MQTT5: unique("s5")}
        for version, client_id in ids.items():
            client, _ = self.resume(client_id, version)
            client.subscribe(1, [(topic, 2)])
            client.disconnect()
        self.publish_all(topic, [(b"one", 1), (b"two", 2)])
        publisher = self.raw()
        publisher.connect(unique())
        publisher.publish(retained_topic, b"kept", qos=1, retain=True, packet_id=1)
        publisher.disconnect()

        self.broker.restart()

        resumed = {}
        for version, client_id in ids.items():
            client, connack = self.resume(client_id, version)
            self.assertTrue(connack.session_present, "session lost by restart (v%d)" % version)
            got = self.receive_acking(client, 2)
            self.assertEqual([(p.payload, p.qos) for p in got], [(b"one", 1), (b"two", 2)],
                             "queued messages lost by restart (v%d)" % version)
            self.finish_qos2(client)
            resumed[version] = client
        self.publish_all(topic, [(b"three", 1)])
        for version, client in resumed.items():
            self.assertEqual(self.receive_acking(client, 1)[0].payload, b"three",
                             "subscription lost by restart (v%d)" % version)
            client.disconnect()
        observer = self.raw(MQTT311)
        observer.connect(unique())
        observer.subscribe(1, [(retained_topic, 1)])
        retained = observer.pending or [observer.expect(PUBLISH)]
        self.assertEqual((retained[0].payload, retained[0].retain), (b"kept", True),
                         "retained message lost by restart")

    def test_without_data_dir_nothing_survives_restart(self):
        self.start_broker(persistent=False)
        topic, client_id = unique("np"), unique()
        client, _ = self.resume(client_id, MQTT311)
        client.subscribe(1, [(topic, 1)])
        client.disconnect()
        publisher = self.raw()
        publisher.connect(unique())
        publisher.publish(topic, b"r", qos=1, retain=True, packet_id=1)
        publisher.disconnect()
        self.broker.restart()
        client, connack = self.resume(client_id, MQTT311)
        self.assertFalse(connack.session_present, "without --data-dir no session persists")
        self.assertIsNone(client.recv(0.5))
        client.subscribe(2, [(topic, 1)])
        self.assertEqual(client.pending, [])
        self.assertIsNone(client.recv(0.5), "without --data-dir no retained message persists")

    @requires("kill9_durability")
    def test_kill9_loses_no_acknowledged_message(self):
        """A QoS 1 publisher streams 2000 messages to an offline persistent session; the
        broker is killed with SIGKILL while it publishes. Every message whose PUBACK came
        back must reach the subscriber after the restart (duplicates are allowed)."""
        total = 2000
        self.start_broker(persistent=True, durability="synced", max_queued=10 * total)
        topic, subscriber_id = unique("durable"), unique("sub")
        subscriber = PahoClient(self.broker, subscriber_id, V5, clean=False)
        subscriber.connect_ok(properties=self.keep_props())
        subscriber.subscribe(topic, 1)
        subscriber.disconnect()

        publisher = DurabilityPublisher(self.broker, topic, total)
        publisher.start()
        self.assertTrue(publisher.acked_at_least(total // 4, timeout=30),
                        "publisher got only %d PUBACKs" % len(publisher.acked))
        self.broker.kill9()
        publisher.join(10)
        acked = set(publisher.acked)
        self.assertLess(len(acked), total,
                        "the kill came after the last PUBACK; it must hit mid-stream")

        self.broker.start()
        subscriber = PahoClient(self.broker, subscriber_id, V5, clean=False)
        self.addCleanup(subscriber.disconnect)
        flags, _ = subscriber.connect_ok(properties=self.keep_props())
        self.assertEqual(flags["session present"], 1, "the session did not survive kill -9")
        received = set()
        deadline = time.monotonic() + 60
        while not acked <= received and time.monotonic() < deadline:
            try:
                # The queue drains as one stream; 5 s of silence means it has ended.
                message = subscriber.messages.get(timeout=5)
            except queue.Empty:
                break  # reported by the assertion below
            received.add(int(message.payload))
        lost = sorted(acked - received)
        self.assertFalse(lost, "%d acknowledged messages lost (first: %r); %d acked, "
                         "%d received" % (len(lost), lost[:10], len(acked), len(received)))
        self.assertLessEqual(received, set(range(total)), "messages that were never sent")

    @staticmethod
    def keep_props():
        return props(PacketTypes.CONNECT, SessionExpiryInterval=3600)


class DurabilityPublisher(threading.Thread):
    """Publishes 0..total-1 at QoS 1 over a raw v5 connection, never exceeding the
    broker's Receive Maximum, and records which messages were acknowledged."""

    def __init__(self, broker, topic, total):
        super().__init__(daemon=True)
        self.client = RawClient(broker.host, broker.port, MQTT5)
        connack = self.client.connect(unique("pub"))
        if connack.reason != 0:
            raise AssertionError("publisher refused: %r" % connack)
        self.window = connack.props.get("receive_maximum", 65535)
        self.topic = topic
        self.total = total
        self.acked = []
        self.progress = threading.Condition()

    def run(self):
        in_flight = {}
        sent = 0
        try:
            while len(self.acked) < self.total:
                while sent < self.total and len(in_flight) < self.window:
                    packet_id = sent % 65535 + 1
                    in_flight[packet_id] = sent
                    self.client.send(rawmqtt.publish(self.topic, b"%d" % sent, 1,
                                                     packet_id=packet_id, version=MQTT5))
                    sent += 1
                packet = self.client.recv(10)
                if packet is None:
                    return
                if packet.type == PUBACK and packet.reason < 0x80:
                    with self.progress:
                        self.acked.append(in_flight.pop(packet.packet_id))
                        self.progress.notify_all()
        except (rawmqtt.ConnectionClosed, OSError):
            pass  # the broker was killed
        finally:
            self.client.close()

    def acked_at_least(self, count, timeout):
        with self.progress:
            return self.progress.wait_for(lambda: len(self.acked) >= count, timeout)


if __name__ == "__main__":
    brokerfixture.main()
