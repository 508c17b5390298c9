#!/usr/bin/python3
"""Bad input over a raw socket: wrong protocol header, bad frame end, unopened channels,
content without a publish, oversized frames, unknown classes and methods. Each closes the
connection with the spec's code; the broker and other connections are unharmed."""

import struct

import amqpfixture
from amqpfixture import BrokerTestCase, limit, supports, unique
import rawamqp
from rawamqp import (BASIC_PUBLISH, CHANNEL_OPEN, CONNECTION_CLOSE, CONNECTION_CLOSE_OK,
                     PROTOCOL_HEADER, QUEUE_DECLARE, RawAmqp, basic_publish, body_frame,
                     frame, header_frame, method_frame, queue_declare, shortstr)


class ErrorsTest(BrokerTestCase):

    def raw(self, **tune):
        client = RawAmqp(self.broker.host, self.broker.port)
        self.addCleanup(client.close)
        return client

    def opened(self, channel=1, **tune):
        client = self.raw()
        client.open(**tune)
        if channel:
            client.open_channel(channel)
        return client

    def assert_connection_error(self, client, code, class_method=None):
        """connection.close with `code` (and the offending class/method), then the socket
        closes after our close-ok."""
        try:
            close = client.recv_method()
        except rawamqp.ConnectionClosed:
            self.fail("socket closed without connection.close %d" % code)
        self.assertIsInstance(close, rawamqp.Method, close)
        self.assertEqual(close.method, CONNECTION_CLOSE, close)
        self.assertEqual(close.fields["reply_code"], code, close)
        if class_method is not None:
            self.assertEqual((close.fields["class_id"], close.fields["method_id"]),
                             class_method, close)
        try:
            client.send(method_frame(0, CONNECTION_CLOSE_OK))
        except OSError:
            pass  # after a frame error the broker may close first
        self.assertTrue(client.closed_by_peer(5.0), "socket still open after close-ok")
        self.assert_broker_healthy()
        return close

    def assert_broker_healthy(self):
        """Another connection still works end to end."""
        channel = self.channel()
        name = unique("q")
        channel.queue_declare(name, exclusive=True)
        channel.basic_publish("", name, b"ok")
        channel.confirm_delivery()
        channel.basic_publish("", name, b"ok")
        self.assertEqual(channel.queue_declare(name, passive=True).method.message_count, 2)

    # ---------------------------------------------------------------- header

    def test_wrong_protocol_header_gets_the_servers_header_and_close(self):
        for header in (b"AMQP\x00\x00\x09\x02", b"AMQP\x01\x01\x00\x0a", b"HTTP/1.1\r\n\r\n",
                       b"AMQP\x00\x01\x00\x00"):
            with self.subTest(header=header):
                client = self.raw()
                client.send(header)
                self.assertEqual(client.recv_bytes(8, 5.0), PROTOCOL_HEADER)
                self.assertTrue(client.closed_by_peer(5.0))
        self.assert_broker_healthy()

    # ---------------------------------------------------------------- frames

    def test_bad_frame_end_is_501(self):
        client = self.opened()
        payload = struct.pack("!HH", *QUEUE_DECLARE) + queue_declare("", exclusive=True)
        client.send(frame(rawamqp.FRAME_METHOD, 1, payload, end=0x00))
        self.assert_connection_error(client, 501)

    def test_unknown_frame_type_is_501(self):
        client = self.opened()
        client.send(frame(9, 0, b"abc"))
        self.assert_connection_error(client, 501)

    def test_oversized_frame_is_501(self):
        frame_max = 4096
        slack = limit("frame_max_slack")
        # Within the limit: accepted (a body frame of exactly frame-max bytes on the wire).
        client = self.opened(frame_max=frame_max)
        name = unique("q")
        client.send(method_frame(1, QUEUE_DECLARE, queue_declare(name, exclusive=True)))
        client.expect(rawamqp.QUEUE_DECLARE_OK)
        body = b"x" * (frame_max - 8)
        client.send(method_frame(1, BASIC_PUBLISH, basic_publish("", name)))
        client.send(header_frame(1, 60, len(body)))
        client.send(body_frame(1, body))
        client.send(method_frame(1, rawamqp.BASIC_CONSUME, rawamqp.basic_consume(name)))
        client.expect(rawamqp.BASIC_CONSUME_OK)
        client.expect(rawamqp.BASIC_DELIVER)
        # One byte beyond the limit (and the reference's slack): a frame error.
        client = self.opened(frame_max=frame_max)
        body = b"y" * (frame_max - 8 + slack + 1)
        client.send(method_frame(1, BASIC_PUBLISH, basic_publish("", name)))
        client.send(header_frame(1, 60, len(body)))
        client.send(body_frame(1, body))
        self.assert_connection_error(client, 501)

    # ---------------------------------------------------------------- channels, content

    def test_method_on_unopened_channel_is_504(self):
        client = self.opened(channel=0)
        client.send(method_frame(3, QUEUE_DECLARE, queue_declare("", exclusive=True)))
        self.assert_connection_error(client, 504, QUEUE_DECLARE)

    def test_second_channel_open_is_504(self):
        client = self.opened()
        client.send(method_frame(1, CHANNEL_OPEN, shortstr("")))
        self.assert_connection_error(client, 504, CHANNEL_OPEN)

    def test_content_header_without_publish_is_505(self):
        client = self.opened()
        client.send(header_frame(1, 60, 5))
        self.assert_connection_error(client, 505)

    def test_content_body_without_publish_is_505(self):
        client = self.opened()
        client.send(body_frame(1, b"hello"))
        self.assert_connection_error(client, 505)

    def test_method_instead_of_content_header_is_505(self):
        client = self.opened()
        client.send(method_frame(1, BASIC_PUBLISH, basic_publish("", "x")))
        client.send(method_frame(1, BASIC_PUBLISH, basic_publish("", "x")))
        self.assert_connection_error(client, 505, BASIC_PUBLISH)

    # ---------------------------------------------------------------- unknown methods

    def assert_unknown_refused(self, method):
        client = self.opened()
        client.send(method_frame(1, method, b""))
        if supports("unknown_method_close"):
            close = self.assert_connection_error(client, 540)
            self.assertTrue(close.fields["reply_text"].startswith("NOT_IMPLEMENTED"))
        else:
            # RabbitMQ 3.10 drops the connection without a close (its reader crashes on
            # the unknown id); the broker itself must carry on.
            self.assertTrue(client.closed_by_peer(5.0))
            self.assert_broker_healthy()

    def test_unknown_class_closes_the_connection(self):
        self.assert_unknown_refused((99, 10))

    def test_unknown_method_of_known_class_closes_the_connection(self):
        self.assert_unknown_refused((60, 99))

    def test_garbage_after_handshake_closes_only_that_connection(self):
        bystander = self.opened()
        client = self.opened()
        client.send(b"\xff" * 64)
        self.assertTrue(client.closed_by_peer(5.0))
        bystander.send(method_frame(1, QUEUE_DECLARE, queue_declare("", exclusive=True)))
        bystander.expect(rawamqp.QUEUE_DECLARE_OK)


if __name__ == "__main__":
    amqpfixture.main()
