#!/usr/bin/python3
"""Connection life cycle: protocol header, start/tune/open, PLAIN authentication, heartbeat,
frame-max and channel-max negotiation, vhosts and permissions."""

import time

import pika

import amqpfixture
from amqpfixture import BrokerTestCase, limit, requires, unique
import rawamqp
from rawamqp import (CHANNEL_OPEN, CHANNEL_OPEN_OK, CONNECTION_CLOSE, CONNECTION_CLOSE_OK,
                     CONNECTION_OPEN_OK, CONNECTION_TUNE, FRAME_HEARTBEAT, RawAmqp, close_args,
                     method_frame, shortstr)

CONFIG = {"amqp": {
    "users": [{"name": "alice", "password": "alice-secret", "tags": []},
              {"name": "reader", "password": "reader-secret", "tags": []},
              {"name": "nobody", "password": "nobody-secret", "tags": []}],
    "vhosts": ["team-a"],
    "permissions": [
        # Publishing to the default exchange needs write on amq.default (RabbitMQ).
        {"user": "alice", "vhost": "team-a", "configure": "^alice\\.",
         "write": "^(alice\\..*|amq\\.default)$", "read": "^alice\\."},
        # reader may read and write but configure nothing (no declares).
        {"user": "reader", "vhost": "team-a", "configure": "^$", "write": ".*", "read": ".*"},
    ],
}}


class ConnectionTest(BrokerTestCase):
    broker_options = {"config": CONFIG}

    def raw(self):
        client = RawAmqp(self.broker.host, self.broker.port)
        self.addCleanup(client.close)
        return client

    def assert_connection_close(self, client, code, text_prefix):
        """The broker sends connection.close with `code`, and closes the socket after our
        close-ok."""
        close = client.recv_method()
        self.assertIsInstance(close, rawamqp.Method, "no connection.close: %r" % close)
        self.assertEqual(close.method, CONNECTION_CLOSE, close)
        self.assertEqual(close.fields["reply_code"], code, close)
        self.assertTrue(close.fields["reply_text"].startswith(text_prefix), close)
        client.send(method_frame(0, CONNECTION_CLOSE_OK))
        self.assertTrue(client.closed_by_peer(5.0), "socket still open after close-ok")
        return close

    # ---------------------------------------------------------------- handshake

    def test_start_offers_version_0_9_plain_and_capabilities(self):
        start = self.raw().start()
        self.assertEqual(start.fields["version"], (0, 9))
        self.assertIn("PLAIN", start.fields["mechanisms"].split())
        self.assertIn("en_US", start.fields["locales"].split())
        capabilities = start.fields["server_properties"]["capabilities"]
        for name in ("publisher_confirms", "exchange_exchange_bindings", "basic.nack",
                     "consumer_cancel_notify", "authentication_failure_close",
                     "per_consumer_qos"):
            self.assertIs(capabilities.get(name), True, "capability %s: %r" % (name,
                                                                              capabilities))

    def test_tune_proposes_limits_and_open_succeeds(self):
        client = self.raw()
        tune, opened = client.open()
        expected = dict(zip(("channel_max", "frame_max", "heartbeat"), limit("tune")))
        self.assertEqual(tune.fields, expected)
        self.assertEqual(opened.method, CONNECTION_OPEN_OK, opened)
        self.assertEqual(client.open_channel(1).method, CHANNEL_OPEN_OK)
        client.send(method_frame(0, rawamqp.CONNECTION_CLOSE, close_args()))
        client.expect(CONNECTION_CLOSE_OK)

    def test_pika_connects_with_guest_and_declares(self):
        channel = self.channel()
        name = unique("q")
        self.assertEqual(channel.queue_declare(name, exclusive=True).method.queue, name)

    # ---------------------------------------------------------------- authentication

    def test_wrong_password_gets_access_refused_403_and_close(self):
        client = self.raw()
        reply = client.login("guest", "not-the-password")
        self.assertEqual(reply.method, CONNECTION_CLOSE, reply)
        self.assertEqual(reply.fields["reply_code"], 403)
        self.assertTrue(reply.fields["reply_text"].startswith("ACCESS_REFUSED"), reply)
        # RabbitMQ holds the socket a few seconds before closing (slows guessing).
        self.assertTrue(client.closed_by_peer(8.0), "socket still open after the refusal")

    def test_unknown_user_gets_access_refused(self):
        reply = self.raw().login(unique("ghost"), "x")
        self.assertEqual((reply.method, reply.fields["reply_code"]), (CONNECTION_CLOSE, 403))

    def test_pika_reports_authentication_failure(self):
        with self.assertRaises(pika.exceptions.ProbableAuthenticationError) as caught:
            pika.BlockingConnection(self.broker.params("alice", "wrong", "team-a"))
        self.assertIn("ACCESS_REFUSED", str(caught.exception))

    def test_configured_user_reaches_its_vhost(self):
        channel = self.channel(user="alice", password="alice-secret", vhost="team-a")
        name = "alice." + unique()
        channel.queue_declare(name, exclusive=True)
        channel.basic_publish("", name, b"hi")
        method, _, body = channel.basic_get(name, auto_ack=True)
        self.assertEqual(body, b"hi")

    # ---------------------------------------------------------------- vhosts, permissions

    def test_unknown_vhost_is_refused_with_530(self):
        client = self.raw()
        _, reply = client.open(vhost=unique("nowhere"))
        self.assertEqual(reply.method, CONNECTION_CLOSE, reply)
        self.assertEqual(reply.fields["reply_code"], 530)
        self.assertTrue(reply.fields["reply_text"].startswith("NOT_ALLOWED"), reply)
        self.assertEqual((reply.fields["class_id"], reply.fields["method_id"]), (10, 40))
        client.send(method_frame(0, CONNECTION_CLOSE_OK))
        self.assertTrue(client.closed_by_peer(5.0))

    def test_user_without_permission_on_vhost_is_refused_with_530(self):
        for user, password, vhost in (("nobody", "nobody-secret", "team-a"),
                                      ("alice", "alice-secret", "/"),
                                      ("guest", "guest", "team-a")):
            with self.subTest(user=user, vhost=vhost):
                client = self.raw()
                _, reply = client.open(vhost=vhost, user=user, password=password)
                self.assertEqual(reply.method, CONNECTION_CLOSE, reply)
                self.assertEqual(reply.fields["reply_code"], 530, reply)
                self.assertIn("access to vhost", reply.fields["reply_text"])

    def test_configure_permission_refused_with_403_channel_close(self):
        connection = self.connect(user="alice", password="alice-secret", vhost="team-a")
        channel = connection.channel()
        with self.assertRaises(pika.exceptions.ChannelClosedByBroker) as caught:
            channel.queue_declare("bob." + unique())
        self.assertEqual(caught.exception.reply_code, 403)
        self.assertTrue(caught.exception.reply_text.startswith("ACCESS_REFUSED"))
        # A channel error: the connection stays usable.
        self.assertTrue(connection.is_open)
        connection.channel().queue_declare("alice." + unique(), exclusive=True)

    def test_write_and_read_permissions_are_checked(self):
        owner = self.channel(user="alice", password="alice-secret", vhost="team-a")
        name = "alice." + unique()
        owner.queue_declare(name, auto_delete=False)
        self.addCleanup(lambda: self.channel(user="alice", password="alice-secret",
                                             vhost="team-a").queue_delete(name))
        # reader may publish and consume but not declare.
        reader = self.channel(user="reader", password="reader-secret", vhost="team-a")
        reader.basic_publish("", name, b"from reader")
        _, _, body = reader.basic_get(name, auto_ack=True)
        self.assertEqual(body, b"from reader")
        with self.assertRaises(pika.exceptions.ChannelClosedByBroker) as caught:
            reader.queue_declare("reader-" + unique())
        self.assertEqual(caught.exception.reply_code, 403)
        # alice may write and read only alice.* resources.
        alice = self.channel(user="alice", password="alice-secret", vhost="team-a")
        with self.assertRaises(pika.exceptions.ChannelClosedByBroker) as caught:
            alice.basic_publish("amq.fanout", "", b"x")
            alice.basic_get(name)  # a round trip after the asynchronous publish
        self.assertEqual(caught.exception.reply_code, 403)
        alice = self.channel(user="alice", password="alice-secret", vhost="team-a")
        with self.assertRaises(pika.exceptions.ChannelClosedByBroker) as caught:
            alice.basic_get("reader." + unique())
        self.assertEqual(caught.exception.reply_code, 403)

    def test_vhosts_are_separate_namespaces(self):
        name = "alice." + unique()
        team = self.channel(user="alice", password="alice-secret", vhost="team-a")
        team.queue_declare(name)
        self.addCleanup(lambda: self.channel(user="alice", password="alice-secret",
                                             vhost="team-a").queue_delete(name))
        root = self.channel()
        with self.assertRaises(pika.exceptions.ChannelClosedByBroker) as caught:
            root.queue_declare(name, passive=True)
        self.assertEqual(caught.exception.reply_code, 404)

    # ---------------------------------------------------------------- heartbeat

    def test_heartbeat_negotiated_to_one_second_is_sent_and_enforced(self):
        client = self.raw()
        client.open(heartbeat=1)
        got = client.recv_frame(2.5)
        self.assertIsNotNone(got, "no heartbeat within 2.5 s")
        self.assertEqual((got.kind, got.channel, got.payload), (FRAME_HEARTBEAT, 0, b""))
        # Silent client: the broker closes after about two missed intervals.
        started = time.monotonic()
        self.assertTrue(client.closed_by_peer(6.0), "broker kept a silent connection")
        self.assertGreater(time.monotonic() - started, 1.0)

    def test_heartbeats_from_the_client_keep_the_connection(self):
        client = self.raw()
        client.open(heartbeat=1)
        deadline = time.monotonic() + 4.0
        while time.monotonic() < deadline:
            client.send(rawamqp.frame(FRAME_HEARTBEAT, 0, b""))
            got = client.recv_frame(0.4)
            self.assertTrue(got is None or got.kind == FRAME_HEARTBEAT, got)
        self.assertEqual(client.open_channel(1).method, CHANNEL_OPEN_OK)

    def test_heartbeat_zero_disables_heartbeats(self):
        client = self.raw()
        client.open(heartbeat=0)
        self.assertIsNone(client.recv_frame(2.5), "frame sent on an idle connection")
        self.assertEqual(client.open_channel(1).method, CHANNEL_OPEN_OK)

    # ---------------------------------------------------------------- frame-max, channel-max

    def test_frame_max_splits_deliveries_into_body_frames(self):
        name = unique("q")
        self.channel().queue_declare(name, auto_delete=False)
        self.addCleanup(lambda: self.channel().queue_delete(name))
        body = bytes(range(256)) * 40  # 10240 bytes
        self.channel().basic_publish("", name, body)
        client = self.raw()
        client.open(frame_max=4096)
        client.open_channel(1)
        client.send(method_frame(1, rawamqp.BASIC_CONSUME, rawamqp.basic_consume(name)))
        client.expect(rawamqp.BASIC_CONSUME_OK)
        client.expect(rawamqp.BASIC_DELIVER)
        header = client.recv_frame()
        self.assertEqual(header.kind, rawamqp.FRAME_HEADER)
        received, sizes = b"", []
        while len(received) < len(body):
            got = client.recv_frame()
            self.assertIsNotNone(got)
            self.assertEqual(got.kind, rawamqp.FRAME_BODY)
            sizes.append(got.size)
            received += got.payload
        self.assertEqual(received, body)
        self.assertTrue(all(size <= 4096 for size in sizes), sizes)
        self.assertEqual(len(sizes), 3, sizes)

    def test_frame_max_below_4096_is_refused(self):
        # AMQP 0-9-1 4.2.1: frame-max is at least 4096 (the minimum frame size).
        client = self.raw()
        tune = client.login()
        self.assertEqual(tune.method, CONNECTION_TUNE)
        client.send(method_frame(0, rawamqp.CONNECTION_TUNE_OK, rawamqp.tune_ok(2047, 1000, 0)))
        client.send(method_frame(0, rawamqp.CONNECTION_OPEN, rawamqp.connection_open("/")))
        self.assert_refused_or_closed(client)

    def test_frame_max_above_the_proposal_is_refused(self):
        client = self.raw()
        tune = client.login()
        client.send(method_frame(0, rawamqp.CONNECTION_TUNE_OK,
                                 rawamqp.tune_ok(2047, tune.fields["frame_max"] + 1, 0)))
        client.send(method_frame(0, rawamqp.CONNECTION_OPEN, rawamqp.connection_open("/")))
        self.assert_refused_or_closed(client)

    def assert_refused_or_closed(self, client):
        """No connection.open-ok: a close (if any) and then EOF."""
        try:
            reply = client.recv_method()
        except rawamqp.ConnectionClosed:
            return
        self.assertIsNotNone(reply, "broker neither answered nor closed")
        self.assertEqual(reply.method, CONNECTION_CLOSE, reply)
        self.assertIn(reply.fields["reply_code"], (501, 503, 530), reply)

    def test_pika_negotiates_frame_max_and_channel_max(self):
        connection = self.connect(frame_max=8192, channel_max=16)
        self.assertEqual(connection._impl.params.frame_max, 8192)
        self.assertEqual(connection._impl.params.channel_max, 16)
        channels = [connection.channel() for _ in range(16)]
        self.assertEqual(sorted(c.channel_number for c in channels), list(range(1, 17)))

    @requires("channel_max_enforced")
    def test_channel_above_negotiated_channel_max_closes_connection_530(self):
        client = self.raw()
        client.open(channel_max=5)
        self.assertEqual(client.open_channel(5).method, CHANNEL_OPEN_OK)
        client.send(method_frame(6, CHANNEL_OPEN, shortstr("")))
        self.assert_connection_close(client, 530, "NOT_ALLOWED")


if __name__ == "__main__":
    amqpfixture.main()
