#!/usr/bin/python3
"""MQTT over WebSocket (subprotocol "mqtt", any path) with paho, both versions, and a
hand-made handshake that checks what paho does not."""

import base64
import hashlib
import os
import socket
import struct

import brokerfixture
from brokerfixture import BrokerTestCase, unique
from clients import V5, V311, PahoClient
import rawmqtt

WS_GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


class WebSocketTest(BrokerTestCase):
    broker_options = {"ws": True}

    def client(self, version, transport="websockets", path=None):
        client = PahoClient(self.broker, unique(), version, transport=transport)
        if path is not None:
            client.client.ws_set_options(path=path)
        self.addCleanup(client.disconnect)
        client.connect_ok()
        return client

    def test_publish_subscribe_over_websocket(self):
        for version in (V311, V5):
            with self.subTest(version=version):
                topic = unique("ws")
                subscriber = self.client(version)
                self.assertEqual(len(subscriber.subscribe(topic, 2)), 1)
                publisher = self.client(version)
                for qos in (0, 1, 2):
                    publisher.publish(topic, b"ws%d" % qos, qos)
                    message = subscriber.recv()
                    self.assertEqual((message.topic, message.payload, message.qos),
                                     (topic, b"ws%d" % qos, qos))

    def test_websocket_and_tcp_clients_share_the_broker(self):
        for version in (V311, V5):
            with self.subTest(version=version):
                topic = unique("mix")
                ws = self.client(version)
                tcp = self.client(version, transport="tcp")
                ws.subscribe(topic, 1)
                tcp.subscribe(topic, 1)
                tcp.publish(topic, b"from tcp", 1)
                ws.publish(topic, b"from ws", 1)
                self.assertEqual(sorted(m.payload for m in ws.recv_many(2)),
                                 [b"from tcp", b"from ws"])
                self.assertEqual(sorted(m.payload for m in tcp.recv_many(2)),
                                 [b"from tcp", b"from ws"])

    def test_any_path_is_accepted(self):
        for path in ("/", "/mqtt", "/some/other/path"):
            with self.subTest(path=path):
                topic = unique("path")
                client = self.client(V5, path=path)
                client.subscribe(topic, 1)
                client.publish(topic, b"p", 1)
                self.assertEqual(client.recv().payload, b"p")

    def test_handshake_selects_mqtt_subprotocol_and_carries_binary_frames(self):
        key = base64.b64encode(os.urandom(16))
        with socket.create_connection((self.broker.host, self.broker.ws_port), 5) as sock:
            sock.sendall(b"GET /mqtt HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                         b"Connection: Upgrade\r\nSec-WebSocket-Key: " + key + b"\r\n"
                         b"Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: mqtt\r\n\r\n")
            reader = _Reader(sock)
            head = reader.until(b"\r\n\r\n").decode("latin-1").split("\r\n")
            self.assertRegex(head[0], r"^HTTP/1\.1 101 ", "RFC 6455 4.2.2: 101 Switching")
            headers = {}
            for line in head[1:]:
                if line:
                    name, _, value = line.partition(":")
                    headers[name.strip().lower()] = value.strip()
            accept = base64.b64encode(hashlib.sha1(key + WS_GUID).digest()).decode()
            self.assertEqual(headers.get("sec-websocket-accept"), accept)
            self.assertEqual(headers.get("sec-websocket-protocol"), "mqtt",
                             "MQTT 5.0 6.0: the server selects subprotocol mqtt")

            sock.sendall(_client_frame(rawmqtt.connect(unique(), rawmqtt.MQTT5)))
            opcode, payload = reader.frame()
            self.assertEqual(opcode, 2, "MQTT 6.0: MQTT packets travel in binary frames")
            self.assertEqual(payload[0] >> 4, rawmqtt.CONNACK)
            self.assertEqual(payload[3], 0, "CONNACK reason over WebSocket")

            # 6.0: an MQTT packet may span frames; send PINGREQ's two bytes in two frames.
            sock.sendall(_client_frame(b"\xc0", fin=False) +
                         _client_frame(b"\x00", opcode=0))
            opcode, payload = reader.frame()
            self.assertEqual((opcode, payload), (2, b"\xd0\x00"), "PINGRESP")


def _client_frame(payload, opcode=2, fin=True):
    """A masked client frame (RFC 6455 5.2)."""
    mask = os.urandom(4)
    header = bytes([(0x80 if fin else 0) | opcode])
    if len(payload) < 126:
        header += bytes([0x80 | len(payload)])
    else:
        header += bytes([0x80 | 126]) + struct.pack("!H", len(payload))
    return header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload))


class _Reader:
    def __init__(self, sock):
        self.sock = sock
        self.buffer = b""

    def _more(self):
        chunk = self.sock.recv(65536)
        if not chunk:
            raise AssertionError("WebSocket closed by the broker")
        self.buffer += chunk

    def take(self, count):
        while len(self.buffer) < count:
            self._more()
        data, self.buffer = self.buffer[:count], self.buffer[count:]
        return data

    def until(self, marker):
        while marker not in self.buffer:
            self._more()
        data, _, self.buffer = self.buffer.partition(marker)
        return data

    def frame(self):
        first, second = self.take(2)
        if second & 0x80:
            raise AssertionError("RFC 6455 5.1: server frames must not be masked")
        length = second & 0x7F
        if length == 126:
            length = struct.unpack("!H", self.take(2))[0]
        elif length == 127:
            length = struct.unpack("!Q", self.take(8))[0]
        return first & 0x0F, self.take(length)


if __name__ == "__main__":
    brokerfixture.main()
