#!/usr/bin/python3
"""CONNECT / CONNACK, client id takeover, keep-alive, will messages, process life cycle."""

import time
import unittest

import brokerfixture
from brokerfixture import Broker, BrokerTestCase, limit, requires, supports, unique
from clients import V5, V311, PahoClient
import rawmqtt
from rawmqtt import CONNACK, DISCONNECT, MQTT5, MQTT311, PINGRESP, PUBLISH, RawClient

MAX_PACKET = 65536
MAX_INFLIGHT = 10


class ProcessTest(unittest.TestCase):
    """The `sbx broker` process contract: listening lines, clean exit on signals."""

    @requires("listening_lines")
    def test_listening_lines_name_every_listener_on_loopback(self):
        broker = Broker(ws=True).start()
        try:
            self.assertEqual(broker.stdout_lines[:2], [
                "listening mqtt 127.0.0.1:%d" % broker.port,
                "listening ws 127.0.0.1:%d" % broker.ws_port,
            ], "stdout must name each listener, mqtt first, bound to 127.0.0.1 by default")
            self.assertNotEqual(broker.port, 0, "port 0 must be replaced by the real port")
            with RawClient(broker.host, broker.port) as client:
                self.assertEqual(client.connect(unique()).reason, 0)
        finally:
            broker.close()

    @requires("listening_lines")
    def test_no_ws_line_without_ws_port(self):
        broker = Broker().start()
        try:
            self.assertEqual(broker.stdout_lines, ["listening mqtt 127.0.0.1:%d" % broker.port])
        finally:
            broker.close()

    def test_sigterm_and_sigint_exit_with_code_zero(self):
        broker = Broker().start()
        with RawClient(broker.host, broker.port) as client:
            client.connect(unique())
            self.assertEqual(broker.stop(), 0, "SIGTERM with a client connected must exit 0")
            closed, _ = client.wait_closed(5)
            self.assertTrue(closed, "the client connection must be closed on shutdown")
        broker.start()
        self.assertEqual(broker.interrupt(), 0, "SIGINT must exit 0")


class ConnectTest(BrokerTestCase):
    broker_options = {"max_packet_size": MAX_PACKET, "max_inflight": MAX_INFLIGHT}

    def raw(self, version=MQTT311):
        client = RawClient(self.broker.host, self.broker.port, version)
        self.addCleanup(client.close)
        return client

    # ------------------------------------------------------------------ session present

    def test_v311_session_present_follows_clean_session(self):
        client_id = unique()
        first = self.raw().connect(client_id, clean=False)
        self.assertEqual((first.reason, first.session_present), (0, False),
                         "a new persistent session is not present")
        self.raw_disconnect_after(client_id, clean=False, expect_present=True)
        self.raw_disconnect_after(client_id, clean=True, expect_present=False)
        self.raw_disconnect_after(client_id, clean=False, expect_present=False)

    def raw_disconnect_after(self, client_id, clean, expect_present, version=MQTT311,
                             connect_props=None):
        client = self.raw(version)
        connack = client.connect(client_id, clean=clean, props=connect_props)
        self.assertEqual(connack.reason, 0)
        self.assertEqual(connack.session_present, expect_present,
                         "session present after reconnect with clean=%s" % clean)
        client.disconnect()

    def test_v5_session_present_follows_clean_start_and_expiry(self):
        client_id = unique()
        keep = {"session_expiry_interval": 60}
        first = self.raw(MQTT5).connect(client_id, clean=False, props=keep)
        self.assertEqual((first.reason, first.session_present), (0, False))
        self.raw_disconnect_after(client_id, False, True, MQTT5, keep)
        self.raw_disconnect_after(client_id, True, False, MQTT5, keep)
        # Expiry 0 (the default): the session ends with the connection.
        self.raw_disconnect_after(client_id, False, True, MQTT5, None)
        self.raw_disconnect_after(client_id, False, False, MQTT5, None)

    # ------------------------------------------------------------------ client ids

    def test_v311_empty_client_id_needs_clean_session(self):
        accepted = self.raw().connect("", clean=True)
        self.assertEqual(accepted.reason, 0, "empty id with clean session 1 is allowed")
        refused_client = self.raw()
        refused = refused_client.connect("", clean=False)
        self.assertEqual(refused.reason, 2, "3.1.1 3.1.3-8: CONNACK 2 identifier rejected")
        self.assertFalse(refused.session_present)
        closed, extra = refused_client.wait_closed(3)
        self.assertTrue(closed, "the server must close after a refusing CONNACK")
        self.assertEqual(extra, [])

    def test_v5_empty_client_id_gets_unique_assigned_identifier(self):
        assigned = []
        for _ in range(2):
            client = self.raw(MQTT5)
            connack = client.connect("")
            self.assertEqual(connack.reason, 0)
            self.assertIn("assigned_client_identifier", connack.props,
                          "5.0 3.2.2.3.7: CONNACK must carry the assigned id")
            assigned.append(connack.props["assigned_client_identifier"])
        self.assertTrue(all(assigned), "assigned ids must not be empty: %r" % assigned)
        self.assertNotEqual(assigned[0], assigned[1], "assigned ids must be unique")
        named = self.raw(MQTT5).connect(unique())
        self.assertNotIn("assigned_client_identifier", named.props,
                         "no assigned id when the client chose one")

    # ------------------------------------------------------------------ CONNACK properties

    def test_v5_connack_properties(self):
        connack = self.raw(MQTT5).connect(unique())
        p = connack.props
        self.assertEqual(connack.reason, 0)
        self.assertGreater(p.get("topic_alias_maximum", 0), 0, "Topic Alias Maximum: %r" % p)
        self.assertEqual(p.get("receive_maximum"), MAX_INFLIGHT, "Receive Maximum: %r" % p)
        self.assertEqual(p.get("maximum_packet_size"), MAX_PACKET,
                         "Maximum Packet Size: %r" % p)
        # Absent means available (5.0 3.2.2.3.5, .11, .12, .13); 0 would be wrong here.
        for flag in ("retain_available", "wildcard_subscription_available",
                     "subscription_identifier_available", "shared_subscription_available"):
            self.assertEqual(p.get(flag, 1), 1, "%s must not be 0: %r" % (flag, p))
        # 5.0 3.2.2.3.4: QoS 2 is supported, so Maximum QoS must be absent.
        self.assertNotIn("maximum_qos", p)

    @requires("connack_explicit_availability")
    def test_v5_connack_advertises_availability_explicitly(self):
        p = self.raw(MQTT5).connect(unique()).props
        for flag in ("retain_available", "wildcard_subscription_available",
                     "subscription_identifier_available", "shared_subscription_available"):
            self.assertEqual(p.get(flag), 1, "CONNACK must advertise %s = 1: %r" % (flag, p))

    def test_paho_v5_reads_connack(self):
        with PahoClient(self.broker, unique(), V5) as client:
            flags, rc, properties = client.connect()
            self.assertEqual(rc, 0)
            self.assertEqual(flags["session present"], 0)
            self.assertEqual(properties.ReceiveMaximum, MAX_INFLIGHT)

    # ------------------------------------------------------------------ takeover

    def test_v311_client_id_takeover_closes_old_connection(self):
        client_id = unique()
        old = self.raw()
        self.assertEqual(old.connect(client_id).reason, 0)
        new = self.raw()
        self.assertEqual(new.connect(client_id).reason, 0)
        closed, packets = old.wait_closed(5)
        self.assertTrue(closed, "3.1.4-2: the existing connection must be closed")
        self.assertEqual(packets, [], "3.1.1 has no server DISCONNECT")
        new.send(rawmqtt.pingreq())
        new.expect(PINGRESP)

    def test_v5_client_id_takeover_sends_disconnect_0x8e(self):
        client_id = unique()
        old = self.raw(MQTT5)
        self.assertEqual(old.connect(client_id).reason, 0)
        new = self.raw(MQTT5)
        self.assertEqual(new.connect(client_id).reason, 0)
        closed, packets = old.wait_closed(5)
        self.assertTrue(closed, "the existing connection must be closed")
        seen = [(p.type, p.reason) for p in packets]
        if supports("v5_takeover_disconnect") or seen:
            self.assertEqual(seen, [(DISCONNECT, 0x8E)],
                             "old client must get DISCONNECT Session taken over: %r" % packets)
        new.send(rawmqtt.pingreq())
        new.expect(PINGRESP)

    # ------------------------------------------------------------------ keep alive

    def check_keepalive_enforced(self, version):
        client = self.raw(version)
        client.connect(unique(), keepalive=1)
        start = time.monotonic()
        bound = limit("keepalive_1s_close_by")
        closed, packets = client.wait_closed(bound + 0.5)
        elapsed = time.monotonic() - start
        self.assertTrue(closed, "silent client with keepalive 1 s still open after %.1f s"
                        % elapsed)
        self.assertGreaterEqual(elapsed, 1.4, "closed before 1.5 x keepalive: %.2f s" % elapsed)
        self.assertLessEqual(elapsed, bound, "closed too late: %.2f s" % elapsed)
        allowed = [(DISCONNECT, 0x8D)] if version == MQTT5 else []
        self.assertIn([(p.type, p.reason) for p in packets], ([], allowed),
                      "only a DISCONNECT Keep Alive timeout may precede the close")

    def test_v311_keepalive_enforced(self):
        self.check_keepalive_enforced(MQTT311)

    def test_v5_keepalive_enforced(self):
        self.check_keepalive_enforced(MQTT5)

    def test_pings_keep_the_connection_alive(self):
        client = self.raw()
        client.connect(unique(), keepalive=1)
        deadline = time.monotonic() + 3.2
        while time.monotonic() < deadline:
            client.send(rawmqtt.pingreq())
            client.expect(PINGRESP, timeout=1)
            closed, _ = client.wait_closed(0.5)
            self.assertFalse(closed, "closed although the client pinged every 0.5 s")

    # ------------------------------------------------------------------ will messages

    def will_listener(self, topic):
        listener = PahoClient(self.broker, unique(), V5)
        self.addCleanup(listener.disconnect)
        listener.connect_ok()
        listener.subscribe(topic, 1)
        return listener

    def test_will_sent_on_abnormal_close(self):
        for version in (MQTT311, MQTT5):
            with self.subTest(version=version):
                topic = unique("will")
                listener = self.will_listener(topic)
                will = {"topic": topic, "payload": b"gone", "qos": 1}
                if version == MQTT5:
                    will["props"] = {"content_type": "text/plain",
                                     "user_property": [("k", "v")]}
                client = self.raw(version)
                self.assertEqual(client.connect(unique(), will=will).reason, 0)
                client.close()  # no DISCONNECT
                message = listener.recv()
                self.assertEqual((message.topic, message.payload, message.qos),
                                 (topic, b"gone", 1))
                if version == MQTT5:
                    self.assertEqual(message.properties.ContentType, "text/plain")
                    self.assertEqual(message.properties.UserProperty, [("k", "v")])

    def test_no_will_on_normal_disconnect(self):
        for version in (MQTT311, MQTT5):
            with self.subTest(version=version):
                topic = unique("will")
                listener = self.will_listener(topic)
                client = self.raw(version)
                client.connect(unique(), will={"topic": topic, "payload": b"gone"})
                client.disconnect()
                listener.expect_nothing(1.0)

    def test_v5_disconnect_with_will_message_reason_sends_will(self):
        topic = unique("will")
        listener = self.will_listener(topic)
        client = self.raw(MQTT5)
        client.connect(unique(), will={"topic": topic, "payload": b"asked"})
        client.disconnect(reason=0x04)
        self.assertEqual(listener.recv().payload, b"asked",
                         "5.0 3.14.2.1: DISCONNECT 0x04 publishes the will")

    def test_v5_will_delay_interval_delays_will(self):
        topic = unique("will")
        listener = self.will_listener(topic)
        client = self.raw(MQTT5)
        client.connect(unique(), clean=True, props={"session_expiry_interval": 60},
                       will={"topic": topic, "payload": b"late",
                             "props": {"will_delay_interval": 2}})
        client.close()
        started = time.monotonic()
        listener.expect_nothing(1.5)
        message = listener.recv(timeout=4)
        elapsed = time.monotonic() - started
        self.assertEqual(message.payload, b"late")
        self.assertGreaterEqual(elapsed, 1.5, "will came before its 2 s delay")

    def test_v5_reconnect_within_will_delay_cancels_will(self):
        topic = unique("will")
        client_id = unique()
        listener = self.will_listener(topic)
        will = {"topic": topic, "payload": b"never", "props": {"will_delay_interval": 2}}
        first = self.raw(MQTT5)
        first.connect(client_id, props={"session_expiry_interval": 60}, will=will)
        first.close()
        second = self.raw(MQTT5)
        connack = second.connect(client_id, clean=False,
                                 props={"session_expiry_interval": 60})
        self.assertEqual((connack.reason, connack.session_present), (0, True))
        listener.expect_nothing(3.0)

    def test_will_with_retain_is_retained(self):
        topic = unique("will")
        listener = self.will_listener(topic)
        client = self.raw(MQTT311)
        client.connect(unique(), will={"topic": topic, "payload": b"kept", "retain": True})
        client.close()
        self.assertEqual(listener.recv().payload, b"kept")
        observer = self.raw(MQTT5)
        observer.connect(unique())
        self.assertEqual(observer.subscribe(1, [(topic, 0)]).reasons, [0])
        retained = observer.pending or [observer.expect(PUBLISH)]
        self.assertEqual((retained[0].payload, retained[0].retain), (b"kept", True),
                         "a will with retain set must be stored as the retained message")

    # ------------------------------------------------------------------ protocol level

    def test_unsupported_protocol_level_gets_connack_1(self):
        packet = rawmqtt.connect(unique(), MQTT311)
        level = packet.index(b"MQTT") + 4
        packet = packet[:level] + bytes([6]) + packet[level + 1:]
        client = self.raw(MQTT311)
        client.send(packet)
        closed, packets = client.wait_closed(5)
        self.assertEqual([(p.type, p.reason) for p in packets], [(CONNACK, 0x01)],
                         "3.1.2-2: CONNACK 0x01 unacceptable protocol level (3.1.1 framing)")
        self.assertEqual(packets[0].body, b"\x00\x01", "a 3.1.1 CONNACK has no properties")
        self.assertTrue(closed, "the server must close after CONNACK 0x01")

    def test_paho_v311_connects_and_reports_session_present(self):
        client_id = unique()
        with PahoClient(self.broker, client_id, V311, clean=False) as client:
            flags, rc, _ = client.connect()
            self.assertEqual((rc, flags["session present"]), (0, 0))
        with PahoClient(self.broker, client_id, V311, clean=False) as client:
            flags, rc, _ = client.connect()
            self.assertEqual((rc, flags["session present"]), (0, 1))


if __name__ == "__main__":
    brokerfixture.main()
