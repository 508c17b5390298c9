"""A minimal AMQP 0-9-1 client over a raw socket, for what client libraries will not send:
wrong headers, bad frames, methods out of order, and exact tune values.

Frames are (type, channel, payload); methods are decoded into `Method` with the fields
the tests look at (connection.start/tune/close, channel.close, basic.deliver ...).
"""

import socket
import struct
import time

PROTOCOL_HEADER = b"AMQP\x00\x00\x09\x01"
FRAME_END = 0xCE
FRAME_METHOD, FRAME_HEADER, FRAME_BODY, FRAME_HEARTBEAT = 1, 2, 3, 8

CONNECTION_START = (10, 10)
CONNECTION_START_OK = (10, 11)
CONNECTION_TUNE = (10, 30)
CONNECTION_TUNE_OK = (10, 31)
CONNECTION_OPEN = (10, 40)
CONNECTION_OPEN_OK = (10, 41)
CONNECTION_CLOSE = (10, 50)
CONNECTION_CLOSE_OK = (10, 51)
CHANNEL_OPEN = (20, 10)
CHANNEL_OPEN_OK = (20, 11)
CHANNEL_CLOSE = (20, 40)
CHANNEL_CLOSE_OK = (20, 41)
QUEUE_DECLARE = (50, 10)
QUEUE_DECLARE_OK = (50, 11)
BASIC_CONSUME = (60, 20)
BASIC_CONSUME_OK = (60, 21)
BASIC_PUBLISH = (60, 40)
BASIC_DELIVER = (60, 60)


# ------------------------------------------------------------------------ field encoding

def shortstr(text):
    data = text.encode() if isinstance(text, str) else text
    return struct.pack("!B", len(data)) + data


def longstr(text):
    data = text.encode() if isinstance(text, str) else text
    return struct.pack("!I", len(data)) + data


def table(values):
    body = b""
    for key, value in values.items():
        body += shortstr(key)
        if isinstance(value, bool):
            body += b"t" + struct.pack("!B", value)
        elif isinstance(value, int):
            body += b"l" + struct.pack("!q", value)
        elif isinstance(value, dict):
            body += b"F" + table(value)
        else:
            body += b"S" + longstr(value)
    return longstr(body)


class Reader:
    def __init__(self, data):
        self.data, self.pos = data, 0

    def take(self, fmt):
        values = struct.unpack_from("!" + fmt, self.data, self.pos)
        self.pos += struct.calcsize("!" + fmt)
        return values[0] if len(values) == 1 else values

    def shortstr(self):
        size = self.take("B")
        self.pos += size
        return self.data[self.pos - size:self.pos].decode("utf-8", "replace")

    def longstr(self):
        size = self.take("I")
        self.pos += size
        return self.data[self.pos - size:self.pos]

    def table(self):
        end = self.take("I") + self.pos
        values = {}
        while self.pos < end:
            key = self.shortstr()
            values[key] = self.value()
        return values

    def value(self):
        kind = self.data[self.pos:self.pos + 1]
        self.pos += 1
        simple = {b"t": "?", b"b": "b", b"B": "B", b"s": "h", b"u": "H", b"I": "i", b"i": "I",
                  b"l": "q", b"f": "f", b"d": "d", b"T": "Q"}
        if kind in simple:
            return self.take(simple[kind])
        if kind == b"S":
            return self.longstr().decode("utf-8", "replace")
        if kind == b"x":
            return self.longstr()
        if kind == b"F":
            return self.table()
        if kind == b"A":
            end = self.take("I") + self.pos
            items = []
            while self.pos < end:
                items.append(self.value())
            return items
        if kind == b"D":
            scale, raw = self.take("Bi")
            return raw / (10 ** scale)
        if kind == b"V":
            return None
        raise ValueError("unknown field type %r" % kind)


# ------------------------------------------------------------------------ frames

def frame(kind, channel, payload, end=FRAME_END):
    return struct.pack("!BHI", kind, channel, len(payload)) + payload + bytes([end])


def method_frame(channel, method, args=b""):
    return frame(FRAME_METHOD, channel, struct.pack("!HH", *method) + args)


def header_frame(channel, class_id, body_size, flags=0, properties=b""):
    return frame(FRAME_HEADER, channel,
                 struct.pack("!HHQH", class_id, 0, body_size, flags) + properties)


def body_frame(channel, body):
    return frame(FRAME_BODY, channel, body)


def start_ok(user, password, mechanism="PLAIN"):
    response = b"\x00" + user.encode() + b"\x00" + password.encode()
    return table({"product": "signalbox-rawamqp", "capabilities": {
        "consumer_cancel_notify": True, "authentication_failure_close": True}}) + \
        shortstr(mechanism) + longstr(response) + shortstr("en_US")


def tune_ok(channel_max, frame_max, heartbeat):
    return struct.pack("!HIH", channel_max, frame_max, heartbeat)


def connection_open(vhost):
    return shortstr(vhost) + shortstr("") + b"\x00"


def close_args(code=200, text="bye", class_id=0, method_id=0):
    return struct.pack("!H", code) + shortstr(text) + struct.pack("!HH", class_id, method_id)


def queue_declare(name, durable=False, exclusive=False, auto_delete=False):
    bits = durable << 1 | exclusive << 2 | auto_delete << 3
    return struct.pack("!H", 0) + shortstr(name) + struct.pack("!B", bits) + table({})


def basic_publish(exchange, routing_key, mandatory=False):
    return struct.pack("!H", 0) + shortstr(exchange) + shortstr(routing_key) + \
        struct.pack("!B", int(mandatory))


def basic_consume(queue, tag="", no_ack=True):
    return struct.pack("!H", 0) + shortstr(queue) + shortstr(tag) + \
        struct.pack("!B", int(no_ack) << 1) + table({})


class Method:
    """A decoded method frame; `fields` holds what the decoder knows of its arguments."""

    def __init__(self, channel, class_id, method_id, args):
        self.channel = channel
        self.method = (class_id, method_id)
        self.args = args
        self.fields = {}
        reader = Reader(args)
        if self.method == CONNECTION_START:
            major, minor = reader.take("BB")
            self.fields = {"version": (major, minor), "server_properties": reader.table(),
                           "mechanisms": reader.longstr().decode(),
                           "locales": reader.longstr().decode()}
        elif self.method == CONNECTION_TUNE:
            self.fields = dict(zip(("channel_max", "frame_max", "heartbeat"),
                                   reader.take("HIH")))
        elif self.method in (CONNECTION_CLOSE, CHANNEL_CLOSE):
            self.fields = {"reply_code": reader.take("H"), "reply_text": reader.shortstr()}
            self.fields["class_id"], self.fields["method_id"] = reader.take("HH")
        elif self.method == QUEUE_DECLARE_OK:
            self.fields = {"queue": reader.shortstr()}
            self.fields["message_count"], self.fields["consumer_count"] = reader.take("II")
        elif self.method == BASIC_DELIVER:
            self.fields = {"consumer_tag": reader.shortstr(), "delivery_tag": reader.take("Q"),
                           "redelivered": bool(reader.take("B")),
                           "exchange": reader.shortstr(), "routing_key": reader.shortstr()}

    def __repr__(self):
        return "Method(ch=%d, %r, %r)" % (self.channel, self.method, self.fields)


class Frame:
    def __init__(self, kind, channel, payload):
        self.kind, self.channel, self.payload = kind, channel, payload
        self.method = None
        if kind == FRAME_METHOD and len(payload) >= 4:
            class_id, method_id = struct.unpack_from("!HH", payload)
            self.method = Method(channel, class_id, method_id, payload[4:])

    @property
    def size(self):
        """The frame's size on the wire (what frame-max limits)."""
        return 8 + len(self.payload)

    def __repr__(self):
        return "Frame(type=%d, ch=%d, %r)" % (self.kind, self.channel,
                                              self.method or self.payload[:40])


class ConnectionClosed(Exception):
    pass


class RawAmqp:
    """One socket to the broker. `recv_frame` returns None on timeout and raises
    ConnectionClosed at EOF."""

    def __init__(self, host, port, timeout=5.0):
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.buffer = b""

    def close(self):
        self.sock.close()

    def send(self, data):
        self.sock.sendall(data)

    def _fill(self, need, deadline):
        while len(self.buffer) < need:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            self.sock.settimeout(remaining)
            try:
                chunk = self.sock.recv(65536)
            except socket.timeout:
                return False
            except ConnectionResetError:
                chunk = b""
            if not chunk:
                raise ConnectionClosed(self.buffer)
            self.buffer += chunk
        return True

    def recv_bytes(self, count, timeout=5.0):
        if not self._fill(count, time.monotonic() + timeout):
            return None
        data, self.buffer = self.buffer[:count], self.buffer[count:]
        return data

    def recv_frame(self, timeout=5.0):
        deadline = time.monotonic() + timeout
        if not self._fill(7, deadline):
            return None
        kind, channel, size = struct.unpack_from("!BHI", self.buffer)
        if not self._fill(7 + size + 1, deadline):
            return None
        payload = self.buffer[7:7 + size]
        end = self.buffer[7 + size]
        self.buffer = self.buffer[8 + size:]
        if end != FRAME_END:
            raise ValueError("broker sent frame end 0x%02x" % end)
        return Frame(kind, channel, payload)

    def recv_method(self, timeout=5.0, skip_heartbeats=True):
        """The next method frame (heartbeats skipped), or None on timeout."""
        deadline = time.monotonic() + timeout
        while True:
            got = self.recv_frame(max(0.0, deadline - time.monotonic()))
            if got is None:
                return None
            if got.kind == FRAME_HEARTBEAT and skip_heartbeats:
                continue
            return got.method if got.kind == FRAME_METHOD else got

    def expect(self, method, timeout=5.0):
        got = self.recv_method(timeout)
        if got is None or not isinstance(got, Method) or got.method != method:
            raise AssertionError("expected method %r, got %r" % (method, got))
        return got

    def closed_by_peer(self, timeout=5.0):
        """True when the broker closes the socket within `timeout` (data before the EOF
        is discarded)."""
        deadline = time.monotonic() + timeout
        try:
            while time.monotonic() < deadline:
                self._fill(len(self.buffer) + 1, deadline)
                self.buffer = b""
        except ConnectionClosed:
            return True
        except OSError:
            return True
        return False

    # -------------------------------------------------------------------- handshake

    def start(self):
        """Sends the protocol header; returns connection.start."""
        self.send(PROTOCOL_HEADER)
        return self.expect(CONNECTION_START)

    def login(self, user="guest", password="guest"):
        """Header, start, start-ok; returns the broker's next method (tune on success)."""
        self.start()
        self.send(method_frame(0, CONNECTION_START_OK, start_ok(user, password)))
        return self.recv_method()

    def open(self, vhost="/", user="guest", password="guest", channel_max=None, frame_max=None,
             heartbeat=0):
        """The full handshake with the given tune-ok values (None: the broker's proposal);
        returns (tune, the reply to connection.open)."""
        tune = self.login(user, password)
        if tune is None or tune.method != CONNECTION_TUNE:
            raise AssertionError("expected connection.tune, got %r" % tune)
        if channel_max is None:
            channel_max = tune.fields["channel_max"]
        if frame_max is None:
            frame_max = tune.fields["frame_max"]
        self.send(method_frame(0, CONNECTION_TUNE_OK, tune_ok(channel_max, frame_max,
                                                               heartbeat)))
        self.send(method_frame(0, CONNECTION_OPEN, connection_open(vhost)))
        return tune, self.recv_method()

    def open_channel(self, channel=1):
        self.send(method_frame(channel, CHANNEL_OPEN, shortstr("")))
        return self.expect(CHANNEL_OPEN_OK)
