"""Real, independent MQTT clients for the suite: paho-mqtt 1.6.1 and mosquitto_pub/sub.

`PahoClient` turns paho's callbacks into queues so tests wait on events with timeouts.
"""

import queue
import subprocess
import threading

import paho.mqtt.client as mqtt
from paho.mqtt.packettypes import PacketTypes
from paho.mqtt.properties import Properties

V311 = 4
V5 = 5
WAIT = 5.0


def props(packet_type, **values):
    """paho Properties, e.g. props(PacketTypes.PUBLISH, MessageExpiryInterval=5)."""
    result = Properties(packet_type)
    for name, value in values.items():
        setattr(result, name, value)
    return result


def publish_props(**values):
    return props(PacketTypes.PUBLISH, **values)


def prop(message_or_props, name, default=None):
    """A property of a received message (or a Properties object), or `default`."""
    properties = getattr(message_or_props, "properties", message_or_props)
    if properties is None:
        return default
    return getattr(properties, name, default)


class PahoClient:
    """A paho client on its own network thread. Received messages go to `messages`."""

    def __init__(self, broker, client_id="", version=V5, clean=True, transport="tcp",
                 port=None):
        self.broker = broker
        self.version = version
        self.clean = clean
        self.port = port
        self.transport = transport
        protocol = mqtt.MQTTv5 if version == V5 else mqtt.MQTTv311
        if version == V5:
            self.client = mqtt.Client(client_id, protocol=protocol, transport=transport)
        else:
            self.client = mqtt.Client(client_id, clean_session=clean, protocol=protocol,
                                      transport=transport)
        self.messages = queue.Queue()
        self.connacks = queue.Queue()
        self.disconnects = queue.Queue()
        self._acks = {}
        self._acks_changed = threading.Condition()
        self.client.on_connect = self._on_connect
        self.client.on_message = self._on_message
        self.client.on_subscribe = self._on_subscribe
        self.client.on_unsubscribe = self._on_unsubscribe
        self.client.on_disconnect = self._on_disconnect
        self.running = False

    # callbacks run on paho's thread; they only hand data over
    def _on_connect(self, client, userdata, flags, rc, properties=None):
        self.connacks.put((flags, rc, properties))

    def _on_message(self, client, userdata, message):
        self.messages.put(message)

    def _on_subscribe(self, client, userdata, mid, granted, properties=None):
        self._store_ack(mid, granted)

    def _on_unsubscribe(self, client, userdata, mid, properties=None, reasons=None):
        self._store_ack(mid, reasons)

    def _on_disconnect(self, client, userdata, rc, properties=None):
        self.disconnects.put((rc, properties))

    def _store_ack(self, mid, value):
        with self._acks_changed:
            self._acks[mid] = value
            self._acks_changed.notify_all()

    def _wait_ack(self, mid, what):
        with self._acks_changed:
            if not self._acks_changed.wait_for(lambda: mid in self._acks, WAIT):
                raise AssertionError("no %s for mid %d within %.0f s" % (what, mid, WAIT))
            return self._acks.pop(mid)

    # ------------------------------------------------------------------ operations

    def connect(self, keepalive=60, properties=None, clean=None, will=None):
        """Connects and returns (flags, reason code, CONNACK properties). Does not assert
        success, so refusals can be tested."""
        if will:
            self.client.will_set(**will)
        port = self.port or (self.broker.ws_port if self.transport == "websockets"
                             else self.broker.port)
        if self.version == V5:
            clean_start = self.clean if clean is None else clean
            self.client.connect(self.broker.host, port, keepalive, clean_start=clean_start,
                                properties=properties)
        else:
            self.client.connect(self.broker.host, port, keepalive)
        self.client.loop_start()
        self.running = True
        try:
            return self.connacks.get(timeout=WAIT)
        except queue.Empty:
            raise AssertionError("no CONNACK within %.0f s" % WAIT) from None

    def connect_ok(self, **kwargs):
        flags, rc, properties = self.connect(**kwargs)
        if rc != 0:
            raise AssertionError("connection refused: %s" % rc)
        return flags, properties

    def subscribe(self, topic, qos=1, options=None, properties=None):
        """Subscribes and returns the granted QoS / reason codes (list)."""
        if self.version == V5:
            opts = options or mqtt.SubscribeOptions(qos=qos)
            result, mid = self.client.subscribe(topic, options=opts, properties=properties)
        else:
            result, mid = self.client.subscribe(topic, qos)
        if result != mqtt.MQTT_ERR_SUCCESS:
            raise AssertionError("subscribe failed to send: %d" % result)
        return list(self._wait_ack(mid, "SUBACK"))

    def unsubscribe(self, topic):
        result, mid = self.client.unsubscribe(topic)
        if result != mqtt.MQTT_ERR_SUCCESS:
            raise AssertionError("unsubscribe failed to send: %d" % result)
        return self._wait_ack(mid, "UNSUBACK")

    def publish(self, topic, payload, qos=0, retain=False, properties=None, wait=True):
        info = self.client.publish(topic, payload, qos, retain, properties)
        if wait and qos > 0:
            info.wait_for_publish(WAIT)
            if not info.is_published():
                raise AssertionError("QoS %d publish to %s not acknowledged within %.0f s"
                                     % (qos, topic, WAIT))
        return info

    def recv(self, timeout=WAIT):
        """The next message; fails the test if none arrives in time."""
        try:
            return self.messages.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError("no message within %.1f s" % timeout) from None

    def recv_many(self, count, timeout=WAIT):
        return [self.recv(timeout) for _ in range(count)]

    def expect_nothing(self, timeout=1.0):
        """Asserts no message arrives within `timeout` (a bounded negative check)."""
        try:
            message = self.messages.get(timeout=timeout)
        except queue.Empty:
            return
        raise AssertionError("unexpected message on %s: %r" % (message.topic, message.payload))

    def drain(self):
        items = []
        while True:
            try:
                items.append(self.messages.get_nowait())
            except queue.Empty:
                return items

    def disconnect(self, properties=None):
        if self.running:
            self.client.disconnect(properties=properties) if self.version == V5 \
                else self.client.disconnect()
            self.client.loop_stop()
            self.running = False

    def abort(self):
        """Drops the TCP connection without DISCONNECT (an abnormal close)."""
        if self.running:
            sock = self.client.socket()
            self.client.loop_stop()
            if sock is not None:
                sock.close()
            self.running = False

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.disconnect()


# ---------------------------------------------------------------------- mosquitto tools

MESSAGE_FORMAT = "MSG|%t|%q|%r|%x|%C|%R|%P"


def version_flag(version):
    return ["-V", "5" if version == V5 else "311"]


def mosquitto_pub(broker, *args, version=V5, timeout=15):
    """Runs mosquitto_pub with `args`; fails on a non-zero exit."""
    cmd = ["mosquitto_pub", "-h", broker.host, "-p", str(broker.port)] + version_flag(version)
    result = subprocess.run(cmd + list(args), capture_output=True, timeout=timeout,
                            stdin=subprocess.DEVNULL)
    if result.returncode != 0:
        raise AssertionError("%s exited %d: %s" % (" ".join(cmd + list(args)), result.returncode,
                                                   result.stderr.decode(errors="replace")))
    return result


class SubMessage:
    def __init__(self, line):
        _, self.topic, qos, retain, payload_hex, self.content_type, self.response_topic, \
            self.user_props = line.split("|", 7)
        self.qos = int(qos)
        self.retain = retain == "1"
        self.payload = bytes.fromhex(payload_hex)

    def __repr__(self):
        return "<%s qos=%d retain=%s %r>" % (self.topic, self.qos, self.retain, self.payload)


class MosquittoSub:
    """mosquitto_sub in the background; `ready()` waits for its SUBACK (debug output),
    `messages(n)` collects n formatted messages."""

    def __init__(self, broker, *args, version=V5):
        # mosquitto_sub block-buffers a pipe; stdbuf makes each line arrive as printed.
        cmd = ["stdbuf", "-oL", "mosquitto_sub", "-d", "-h", broker.host, "-p", str(broker.port),
               "-F", MESSAGE_FORMAT] + version_flag(version) + list(args)
        self.cmd = cmd
        self.process = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self.lines = queue.Queue()
        self.output = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for raw in self.process.stdout:
            line = raw.decode("utf-8", "replace").rstrip("\n")
            self.output.append(line)
            self.lines.put(line)
        self.lines.put(None)

    def _next_line(self, timeout):
        try:
            return self.lines.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError("mosquitto_sub silent for %.0f s; output so far: %r"
                                 % (timeout, self.output)) from None

    def ready(self, timeout=WAIT):
        while True:
            line = self._next_line(timeout)
            if line is None:
                raise AssertionError("mosquitto_sub exited before SUBACK: %r" % self.output)
            if "received SUBACK" in line:
                return

    def messages(self, count, timeout=WAIT):
        found = []
        while len(found) < count:
            line = self._next_line(timeout)
            if line is None:
                raise AssertionError("mosquitto_sub exited after %d of %d messages: %r"
                                     % (len(found), count, self.output))
            if line.startswith("MSG|"):
                found.append(SubMessage(line))
        return found

    def wait(self, timeout=WAIT):
        return self.process.wait(timeout)

    def close(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(WAIT)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.reader.join(WAIT)
        self.process.stdout.close()
