#!/usr/bin/python3
"""$SYS/broker/... statistics, published every --sys-interval seconds."""

import queue
import re
import time

import brokerfixture
from brokerfixture import BrokerTestCase, unique
from clients import V5, V311, MosquittoSub, PahoClient
from rawmqtt import MQTT311, RawClient

SYS_TOPICS = [
    "$SYS/broker/version",
    "$SYS/broker/uptime",
    "$SYS/broker/clients/connected",
    "$SYS/broker/clients/total",
    "$SYS/broker/messages/received",
    "$SYS/broker/messages/sent",
    "$SYS/broker/subscriptions/count",
    "$SYS/broker/retained messages/count",
    "$SYS/broker/bytes/received",
    "$SYS/broker/bytes/sent",
    "$SYS/broker/load/messages/received/1min",
]
NUMBER = re.compile(rb"^\s*(\d+(?:\.\d+)?)")


def number(payload):
    match = NUMBER.match(payload)
    if not match:
        raise AssertionError("not a number: %r" % payload)
    return float(match.group(1))


class SysTest(BrokerTestCase):
    broker_options = {"sys_interval": 1}

    def watch(self, *topics):
        client = PahoClient(self.broker, unique("sys"), V5)
        self.addCleanup(client.disconnect)
        client.connect_ok()
        for topic in topics:
            client.subscribe(topic, 0)
        return client

    def wait_value(self, watcher, topic, predicate, timeout=5.0, what=""):
        """Reads updates of `topic` until `predicate(number)` holds; returns the value."""
        deadline = time.monotonic() + timeout
        seen = []
        while time.monotonic() < deadline:
            try:
                message = watcher.messages.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                break
            if message.topic != topic:
                continue
            seen.append(message.payload)
            if predicate(number(message.payload)):
                return number(message.payload)
        raise AssertionError("%s: %s never satisfied the condition; values seen: %r"
                             % (what, topic, seen))

    def test_every_listed_topic_is_published(self):
        watcher = self.watch("$SYS/#")
        values = {}
        deadline = time.monotonic() + 5
        while not set(SYS_TOPICS) <= values.keys() and time.monotonic() < deadline:
            try:
                message = watcher.messages.get(timeout=0.2)
            except queue.Empty:
                continue
            values[message.topic] = message.payload
        missing = sorted(set(SYS_TOPICS) - values.keys())
        self.assertEqual(missing, [], "not published within 5 s at --sys-interval 1")
        self.assertTrue(values["$SYS/broker/version"].strip(), "empty version")
        for topic in SYS_TOPICS[1:]:
            number(values[topic])  # every other value starts with a number

    def test_uptime_advances(self):
        watcher = self.watch("$SYS/broker/uptime")
        first = self.wait_value(watcher, "$SYS/broker/uptime", lambda v: True, what="uptime")
        self.wait_value(watcher, "$SYS/broker/uptime", lambda v: v > first, what="uptime")

    def test_clients_connected_follows_connections(self):
        topic = "$SYS/broker/clients/connected"
        watcher = self.watch(topic)
        base = self.settled(watcher, topic, at_least=1)  # the watcher itself
        extra = []
        for _ in range(3):
            client = RawClient(self.broker.host, self.broker.port, MQTT311)
            self.addCleanup(client.close)
            client.connect(unique())
            extra.append(client)
        self.wait_value(watcher, topic, lambda v: v >= base + 3, what="3 more clients")
        for client in extra:
            client.disconnect()
        self.wait_value(watcher, topic, lambda v: v <= base, what="after they left")

    def test_message_counters_count_traffic(self):
        received, sent = "$SYS/broker/messages/received", "$SYS/broker/messages/sent"
        watcher = self.watch(received)
        base = self.wait_value(watcher, received, lambda v: True, what="initial")
        topic = unique("count")
        sink = self.watch(topic)
        publisher = PahoClient(self.broker, unique(), V311)
        self.addCleanup(publisher.disconnect)
        publisher.connect_ok()
        for i in range(25):
            publisher.publish(topic, b"%d" % i, 1)
        sink.recv_many(25)
        self.wait_value(watcher, received, lambda v: v >= base + 25, what="25 publishes")
        sent_watcher = self.watch(sent)
        self.wait_value(sent_watcher, sent, lambda v: v >= 25, what="25 deliveries")

    def test_subscription_and_retained_counts_change(self):
        subs, retained = "$SYS/broker/subscriptions/count", "$SYS/broker/retained messages/count"
        watcher = self.watch(subs)
        base_subs = self.settled(watcher, subs, at_least=1)  # the watcher's own
        extra = self.watch(unique("a"), unique("b"))
        self.wait_value(watcher, subs, lambda v: v >= base_subs + 2, what="2 more subs")
        topic = unique("ret")
        self.addCleanup(lambda: extra.publish(topic, b"", 1, retain=True))
        retained_watcher = self.watch(retained)
        before = self.settled(retained_watcher, retained, at_least=0)
        extra.publish(topic, b"r", 1, retain=True)
        self.wait_value(retained_watcher, retained, lambda v: v >= before + 1,
                        what="one more retained")

    def settled(self, watcher, topic, at_least):
        """The value of `topic` now: the first value reflecting what the test knows
        (`at_least`), then any update within the next 2.5 s (over two sys intervals:
        mosquitto's timer is coarse). A new subscriber may first get a retained value
        from an earlier interval."""
        latest = self.wait_value(watcher, topic, lambda v: v >= at_least, what="settling")
        deadline = time.monotonic() + 2.5
        while time.monotonic() < deadline:
            try:
                message = watcher.messages.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                break
            if message.topic == topic:
                latest = number(message.payload)
        return latest

    def test_mosquitto_sub_reads_sys(self):
        for version in (V311, V5):
            with self.subTest(version=version):
                sub = MosquittoSub(self.broker, "-t", "$SYS/#", "-C", "5", "-W", "10",
                                   version=version)
                self.addCleanup(sub.close)
                messages = sub.messages(5)
                self.assertTrue(all(m.topic.startswith("$SYS/broker/") for m in messages),
                                repr(messages))
                self.assertEqual(sub.wait(), 0, "mosquitto_sub -C 5 must exit 0")


if __name__ == "__main__":
    brokerfixture.main()
