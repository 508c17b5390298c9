"""A byte-exact MQTT 3.1.1 / 5.0 client for tests that need control a library hides.

paho acknowledges everything automatically and refuses to send malformed packets, so
tests of DUP redelivery, in-flight windows, keep-alive and malformed input talk to the
broker through this module instead. Encoders build exact packets; `RawClient` reads
whole packets back with bounded waits.
"""

import select
import socket
import struct
import time

MQTT311 = 4
MQTT5 = 5

CONNECT, CONNACK, PUBLISH, PUBACK, PUBREC, PUBREL, PUBCOMP = 1, 2, 3, 4, 5, 6, 7
SUBSCRIBE, SUBACK, UNSUBSCRIBE, UNSUBACK, PINGREQ, PINGRESP, DISCONNECT, AUTH = range(8, 16)

PACKET_NAMES = {
    CONNECT: "CONNECT", CONNACK: "CONNACK", PUBLISH: "PUBLISH", PUBACK: "PUBACK",
    PUBREC: "PUBREC", PUBREL: "PUBREL", PUBCOMP: "PUBCOMP", SUBSCRIBE: "SUBSCRIBE",
    SUBACK: "SUBACK", UNSUBSCRIBE: "UNSUBSCRIBE", UNSUBACK: "UNSUBACK", PINGREQ: "PINGREQ",
    PINGRESP: "PINGRESP", DISCONNECT: "DISCONNECT", AUTH: "AUTH",
}

# MQTT 5.0 section 2.2.2.2: identifier -> (name, wire type).
PROPERTIES = {
    0x01: ("payload_format_indicator", "byte"),
    0x02: ("message_expiry_interval", "u32"),
    0x03: ("content_type", "str"),
    0x08: ("response_topic", "str"),
    0x09: ("correlation_data", "bin"),
    0x0B: ("subscription_identifier", "varint"),
    0x11: ("session_expiry_interval", "u32"),
    0x12: ("assigned_client_identifier", "str"),
    0x13: ("server_keep_alive", "u16"),
    0x15: ("authentication_method", "str"),
    0x16: ("authentication_data", "bin"),
    0x17: ("request_problem_information", "byte"),
    0x18: ("will_delay_interval", "u32"),
    0x19: ("request_response_information", "byte"),
    0x1A: ("response_information", "str"),
    0x1C: ("server_reference", "str"),
    0x1F: ("reason_string", "str"),
    0x21: ("receive_maximum", "u16"),
    0x22: ("topic_alias_maximum", "u16"),
    0x23: ("topic_alias", "u16"),
    0x24: ("maximum_qos", "byte"),
    0x25: ("retain_available", "byte"),
    0x26: ("user_property", "pair"),
    0x27: ("maximum_packet_size", "u32"),
    0x28: ("wildcard_subscription_available", "byte"),
    0x29: ("subscription_identifier_available", "byte"),
    0x2A: ("shared_subscription_available", "byte"),
}
PROPERTY_IDS = {name: (pid, kind) for pid, (name, kind) in PROPERTIES.items()}
# Properties that may appear more than once are always lists.
REPEATABLE = {"user_property", "subscription_identifier"}


class MalformedResponse(Exception):
    """The broker sent bytes this decoder cannot read as an MQTT packet."""


class ConnectionClosed(Exception):
    """The broker closed the connection (EOF or reset)."""


# ----------------------------------------------------------------------------- encoding

def varint(value):
    out = bytearray()
    while True:
        byte = value % 128
        value //= 128
        if value:
            byte |= 0x80
        out.append(byte)
        if not value:
            return bytes(out)


def utf8(text):
    data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
    return struct.pack("!H", len(data)) + data


def binary(data):
    return struct.pack("!H", len(data)) + bytes(data)


def _encode_property(name, value):
    pid, kind = PROPERTY_IDS[name]
    if kind == "byte":
        return bytes([pid, value])
    if kind == "u16":
        return bytes([pid]) + struct.pack("!H", value)
    if kind == "u32":
        return bytes([pid]) + struct.pack("!I", value)
    if kind == "varint":
        return bytes([pid]) + varint(value)
    if kind == "str":
        return bytes([pid]) + utf8(value)
    if kind == "bin":
        return bytes([pid]) + binary(value)
    key, val = value
    return bytes([pid]) + utf8(key) + utf8(val)


def properties(props):
    """Property block with its length prefix; `props` maps names to values (lists for
    repeatable properties)."""
    body = bytearray()
    for name, value in (props or {}).items():
        values = value if name in REPEATABLE else [value]
        for item in values:
            body += _encode_property(name, item)
    return varint(len(body)) + bytes(body)


def packet(packet_type, flags, body):
    return bytes([(packet_type << 4) | flags]) + varint(len(body)) + bytes(body)


def connect(client_id="", version=MQTT311, clean=True, keepalive=60, props=None, will=None,
            username=None, password=None):
    """CONNECT. `will` is a dict: topic, payload, qos, retain, props (v5)."""
    flags = 0x02 if clean else 0
    payload = bytearray(utf8(client_id))
    if will:
        flags |= 0x04 | (will.get("qos", 0) << 3) | (0x20 if will.get("retain") else 0)
        if version == MQTT5:
            payload += properties(will.get("props"))
        payload += utf8(will["topic"]) + binary(will.get("payload", b""))
    if username is not None:
        flags |= 0x80
        payload += utf8(username)
    if password is not None:
        flags |= 0x40
        payload += binary(password)
    header = utf8("MQTT") + bytes([version, flags]) + struct.pack("!H", keepalive)
    if version == MQTT5:
        header += properties(props)
    return packet(CONNECT, 0, header + payload)


def publish(topic, payload=b"", qos=0, retain=False, dup=False, packet_id=None,
            version=MQTT311, props=None):
    if isinstance(payload, str):
        payload = payload.encode()
    flags = (0x08 if dup else 0) | (qos << 1) | (0x01 if retain else 0)
    body = bytearray(utf8(topic))
    if qos:
        body += struct.pack("!H", packet_id)
    if version == MQTT5:
        body += properties(props)
    return packet(PUBLISH, flags, bytes(body) + payload)


def _ack(packet_type, flags, packet_id, version, reason):
    body = struct.pack("!H", packet_id)
    if version == MQTT5 and reason:
        body += bytes([reason])
    return packet(packet_type, flags, body)


def puback(packet_id, version=MQTT311, reason=0):
    return _ack(PUBACK, 0, packet_id, version, reason)


def pubrec(packet_id, version=MQTT311, reason=0):
    return _ack(PUBREC, 0, packet_id, version, reason)


def pubrel(packet_id, version=MQTT311, reason=0):
    return _ack(PUBREL, 2, packet_id, version, reason)


def pubcomp(packet_id, version=MQTT311, reason=0):
    return _ack(PUBCOMP, 0, packet_id, version, reason)


def subscribe(packet_id, filters, version=MQTT311, props=None, flags=0x02):
    """`filters` is a list of (filter, options byte); options carry QoS in bits 0-1 and,
    for v5, no local (0x04), retain as published (0x08), retain handling (bits 4-5)."""
    body = bytearray(struct.pack("!H", packet_id))
    if version == MQTT5:
        body += properties(props)
    for topic_filter, options in filters:
        body += utf8(topic_filter) + bytes([options])
    return packet(SUBSCRIBE, flags, body)


def unsubscribe(packet_id, filters, version=MQTT311, props=None):
    body = bytearray(struct.pack("!H", packet_id))
    if version == MQTT5:
        body += properties(props)
    for topic_filter in filters:
        body += utf8(topic_filter)
    return packet(UNSUBSCRIBE, 2, body)


def pingreq():
    return packet(PINGREQ, 0, b"")


def disconnect(version=MQTT311, reason=0, props=None):
    if version != MQTT5 or (reason == 0 and not props):
        return packet(DISCONNECT, 0, b"")
    return packet(DISCONNECT, 0, bytes([reason]) + properties(props))


# ----------------------------------------------------------------------------- decoding

class Packet:
    """A decoded packet from the broker. Fields depend on the type; unset ones are None."""

    def __init__(self, packet_type, flags, body):
        self.type = packet_type
        self.flags = flags
        self.body = body
        self.packet_id = None
        self.reason = None
        self.reasons = []
        self.props = {}
        self.session_present = None
        self.topic = None
        self.payload = None
        self.qos = (flags >> 1) & 3 if packet_type == PUBLISH else None
        self.dup = bool(flags & 0x08) if packet_type == PUBLISH else None
        self.retain = bool(flags & 0x01) if packet_type == PUBLISH else None

    @property
    def name(self):
        return PACKET_NAMES.get(self.type, "type %d" % self.type)

    def __repr__(self):
        fields = {k: v for k, v in vars(self).items() if v not in (None, [], {}) and k != "body"}
        return "<%s %r>" % (self.name, fields)


class _Reader:
    def __init__(self, data):
        self.data = data
        self.pos = 0

    def remaining(self):
        return len(self.data) - self.pos

    def take(self, count):
        if self.remaining() < count:
            raise MalformedResponse("short packet body")
        chunk = self.data[self.pos:self.pos + count]
        self.pos += count
        return chunk

    def byte(self):
        return self.take(1)[0]

    def u16(self):
        return struct.unpack("!H", self.take(2))[0]

    def u32(self):
        return struct.unpack("!I", self.take(4))[0]

    def varint(self):
        value, shift = 0, 0
        for _ in range(4):
            byte = self.byte()
            value |= (byte & 0x7F) << shift
            if not byte & 0x80:
                return value
            shift += 7
        raise MalformedResponse("variable byte integer longer than 4 bytes")

    def string(self):
        return self.take(self.u16()).decode("utf-8")

    def binary(self):
        return self.take(self.u16())

    def properties(self):
        length = self.varint()
        block = _Reader(self.take(length))
        props = {}
        while block.remaining():
            pid = block.varint()
            if pid not in PROPERTIES:
                raise MalformedResponse("unknown property 0x%02x" % pid)
            name, kind = PROPERTIES[pid]
            if kind == "pair":
                value = (block.string(), block.string())
            else:
                value = getattr(block, {"str": "string", "bin": "binary"}.get(kind, kind))()
            if name in REPEATABLE:
                props.setdefault(name, []).append(value)
            elif name in props:
                raise MalformedResponse("property %s included twice" % name)
            else:
                props[name] = value
        return props


def decode(packet_type, flags, body, version):
    pkt = Packet(packet_type, flags, body)
    reader = _Reader(body)
    v5 = version == MQTT5
    if packet_type == CONNACK:
        pkt.session_present = bool(reader.byte() & 1)
        pkt.reason = reader.byte()
        if v5 and reader.remaining():
            pkt.props = reader.properties()
    elif packet_type == PUBLISH:
        pkt.topic = reader.string()
        if pkt.qos:
            pkt.packet_id = reader.u16()
        if v5:
            pkt.props = reader.properties()
        pkt.payload = reader.take(reader.remaining())
    elif packet_type in (PUBACK, PUBREC, PUBREL, PUBCOMP):
        pkt.packet_id = reader.u16()
        pkt.reason = reader.byte() if v5 and reader.remaining() else 0
        if v5 and reader.remaining():
            pkt.props = reader.properties()
    elif packet_type in (SUBACK, UNSUBACK):
        pkt.packet_id = reader.u16()
        if v5:
            pkt.props = reader.properties()
        pkt.reasons = list(reader.take(reader.remaining()))
    elif packet_type == DISCONNECT:
        pkt.reason = reader.byte() if reader.remaining() else 0
        if reader.remaining():
            pkt.props = reader.properties()
    elif packet_type == AUTH and v5 and reader.remaining():
        pkt.reason = reader.byte()
        pkt.props = reader.properties() if reader.remaining() else {}
    return pkt


# ----------------------------------------------------------------------------- client

class RawClient:
    """One TCP connection; `version` selects how replies are decoded."""

    def __init__(self, host, port, version=MQTT311, timeout=5.0):
        self.version = version
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.buffer = bytearray()
        self.closed = False

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def send(self, data):
        self.sock.sendall(data)

    def _fill(self, deadline):
        """Reads more bytes; False on timeout. Raises ConnectionClosed on EOF/reset."""
        if self.closed:
            raise ConnectionClosed()
        wait = deadline - time.monotonic()
        if wait <= 0:
            return False
        ready, _, _ = select.select([self.sock], [], [], wait)
        if not ready:
            return False
        try:
            chunk = self.sock.recv(65536)
        except (ConnectionResetError, ConnectionAbortedError, BrokenPipeError):
            chunk = b""
        if not chunk:
            self.closed = True
            raise ConnectionClosed()
        self.buffer += chunk
        return True

    def _split(self):
        """One complete packet (type, flags, body) from the buffer, or None."""
        if len(self.buffer) < 2:
            return None
        length, shift, pos = 0, 0, 1
        while True:
            if pos >= len(self.buffer):
                return None
            byte = self.buffer[pos]
            length |= (byte & 0x7F) << shift
            pos += 1
            if not byte & 0x80:
                break
            shift += 7
            if pos > 4:
                raise MalformedResponse("remaining length longer than 4 bytes")
        if len(self.buffer) < pos + length:
            return None
        first = self.buffer[0]
        body = bytes(self.buffer[pos:pos + length])
        del self.buffer[:pos + length]
        return first >> 4, first & 0x0F, body

    def recv(self, timeout=5.0):
        """The next packet, or None when none arrives within `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            split = self._split()
            if split:
                return decode(*split, self.version)
            if not self._fill(deadline):
                return None

    def expect(self, packet_type, timeout=5.0, skip=()):
        """The next packet, which must be of `packet_type`; packets whose type is in
        `skip` are passed over."""
        deadline = time.monotonic() + timeout
        while True:
            pkt = self.recv(max(0.0, deadline - time.monotonic()))
            if pkt is None:
                raise AssertionError("no %s within %.1f s" % (PACKET_NAMES[packet_type], timeout))
            if pkt.type in skip:
                continue
            if pkt.type != packet_type:
                raise AssertionError("expected %s, got %r" % (PACKET_NAMES[packet_type], pkt))
            return pkt

    def wait_closed(self, timeout=5.0):
        """Reads until the broker closes. Returns (closed, packets received meanwhile)."""
        deadline = time.monotonic() + timeout
        packets = []
        try:
            while True:
                pkt = self.recv(max(0.0, deadline - time.monotonic()))
                if pkt is None:
                    return False, packets
                packets.append(pkt)
        except ConnectionClosed:
            return True, packets

    def connect(self, client_id="", clean=True, keepalive=60, props=None, will=None,
                timeout=5.0, **kwargs):
        """Sends CONNECT and returns the CONNACK."""
        self.send(connect(client_id, self.version, clean, keepalive, props, will, **kwargs))
        return self.expect(CONNACK, timeout)

    def subscribe(self, packet_id, filters, props=None, timeout=5.0):
        """Sends SUBSCRIBE and returns the SUBACK (retained messages arriving first are
        kept in `self.pending`)."""
        self.send(subscribe(packet_id, filters, self.version, props))
        return self._expect_keeping_publishes(SUBACK, timeout)

    def unsubscribe(self, packet_id, filters, props=None, timeout=5.0):
        self.send(unsubscribe(packet_id, filters, self.version, props))
        return self._expect_keeping_publishes(UNSUBACK, timeout)

    pending = ()

    def _expect_keeping_publishes(self, packet_type, timeout):
        deadline = time.monotonic() + timeout
        self.pending = []
        while True:
            pkt = self.recv(max(0.0, deadline - time.monotonic()))
            if pkt is None:
                raise AssertionError("no %s within %.1f s" % (PACKET_NAMES[packet_type], timeout))
            if pkt.type == PUBLISH:
                self.pending.append(pkt)
                continue
            if pkt.type != packet_type:
                raise AssertionError("expected %s, got %r" % (PACKET_NAMES[packet_type], pkt))
            return pkt

    def publish(self, topic, payload=b"", qos=0, retain=False, packet_id=None, props=None,
                dup=False, timeout=5.0):
        """Publishes and completes the QoS flow; returns the PUBACK, the PUBCOMP (or a
        refusing PUBREC), or None for QoS 0."""
        self.send(publish(topic, payload, qos, retain, dup, packet_id, self.version, props))
        if qos == 1:
            return self.expect(PUBACK, timeout, skip=(PUBLISH,))
        if qos == 2:
            rec = self.expect(PUBREC, timeout, skip=(PUBLISH,))
            if rec.reason >= 0x80:
                return rec
            self.send(pubrel(packet_id, self.version))
            return self.expect(PUBCOMP, timeout, skip=(PUBLISH,))
        return None

    def disconnect(self, reason=0, props=None, wait=2.0):
        """Sends DISCONNECT and waits (bounded) for the broker to close, as it should
        on receipt (3.14.4). Until then the broker may not have processed this
        connection's last packets, and a quick reconnect would race with them."""
        try:
            self.send(disconnect(self.version, reason, props))
            self.sock.shutdown(socket.SHUT_WR)
            self.wait_closed(wait)
        except (OSError, ConnectionClosed, MalformedResponse):
            pass
        self.close()
