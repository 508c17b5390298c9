#!/usr/bin/python3
"""SUBSCRIBE / UNSUBSCRIBE: wildcard matching, $-topics, subscription identifiers,
overlapping and shared subscriptions, UNSUBACK and SUBACK reason codes."""

import collections
import queue
import time


import brokerfixture
from brokerfixture import BrokerTestCase, requires, unique
from clients import V5, V311, MosquittoSub, PahoClient
import rawmqtt
from rawmqtt import MQTT5, MQTT311, PUBLISH, RawClient


# (filter, topics it matches, topics it must not match) after MQTT 4.7; `{r}` is a root
# level unique to the row, so a row's topics reach only the row's subscriber.
MATCHING_TABLE = [
    ("{r}/a/b", ["{r}/a/b"], ["{r}/a", "{r}/a/b/c", "{r}/a/bc", "{r}/A/b", "{r}/a/b/"]),
    ("{r}/+", ["{r}/a", "{r}/"], ["{r}/a/b", "{r}", "{r}x"]),
    ("{r}/+/b", ["{r}/a/b", "{r}//b"], ["{r}/a/c", "{r}/a/b/c", "{r}/b"]),
    ("{r}/#", ["{r}", "{r}/", "{r}/a", "{r}/a/b/c"], ["{r}x", "{r}x/a"]),
    ("{r}/a/#", ["{r}/a", "{r}/a/b", "{r}/a/b/c"], ["{r}/b", "{r}/ab"]),
    ("{r}/+/+", ["{r}/a/b", "{r}//"], ["{r}/a", "{r}/a/b/c"]),
    ("{r}/a/+/#", ["{r}/a/b", "{r}/a/b/c"], ["{r}/a", "{r}/b/c"]),
    ("+/{r}/x", ["q/{r}/x", "/{r}/x"], ["{r}/x", "q/q/{r}/x", "q/{r}/x/y"]),
    ("+/+/{r}", ["a/b/{r}"], ["a/{r}", "a/b/c/{r}"]),
    ("{r}/A", ["{r}/A"], ["{r}/a"]),
]


class SubscribeTest(BrokerTestCase):
    broker_options = {"sys_interval": 1}

    def paho(self, version=V5):
        client = PahoClient(self.broker, unique(), version)
        self.addCleanup(client.disconnect)
        client.connect_ok()
        return client

    def raw(self, version=MQTT311):
        client = RawClient(self.broker.host, self.broker.port, version)
        self.addCleanup(client.close)
        client.connect(unique())
        return client

    # ------------------------------------------------------------------ matching

    def test_wildcard_matching_table(self):
        table = []
        for topic_filter, yes, no in MATCHING_TABLE:
            r = unique("m")
            table.append((topic_filter.format(r=r), [t.format(r=r) for t in yes],
                          [t.format(r=r) for t in no]))
        subscribers = []
        for topic_filter, _, _ in table:
            client = self.raw(MQTT311)
            self.assertEqual(client.subscribe(1, [(topic_filter, 0)]).reasons, [0],
                             "SUBACK for %s" % topic_filter)
            subscribers.append(client)
        topics = sorted({t for _, yes, no in table for t in yes + no})
        publisher = self.raw(MQTT311)
        for topic in topics:
            publisher.publish(topic, topic.encode(), qos=1, packet_id=1)
        for client, (topic_filter, expected, _) in zip(subscribers, table):
            got = []
            for _ in expected:
                got.append(client.expect(PUBLISH).topic)
            self.assertEqual(sorted(got), sorted(expected), "filter %s" % topic_filter)
        for client, (topic_filter, _, _) in zip(subscribers, table):
            extra = client.recv(0.3)
            self.assertIsNone(extra, "filter %s matched %r" % (topic_filter, extra))

    def test_leading_wildcards_do_not_match_dollar_topics(self):
        everything = self.raw(MQTT311)
        everything.subscribe(1, [("#", 0), ("+/broker/#", 0), ("+/+/version", 0)])
        sys_client = self.raw(MQTT311)
        sys_client.subscribe(1, [("$SYS/broker/#", 0)])
        self.assertTrue(sys_client.expect(PUBLISH, timeout=5).topic.startswith("$SYS/"),
                        "the broker must publish $SYS topics (sys interval 1 s)")
        deadline = time.monotonic() + 2.5
        while time.monotonic() < deadline:
            message = everything.recv(max(0.0, deadline - time.monotonic()))
            if message is not None:
                self.assertFalse(message.topic.startswith("$"),
                                 "4.7.2-1: %s matched a leading wildcard" % message.topic)

    # ------------------------------------------------------------------ v5 identifiers

    def test_v5_subscription_identifiers(self):
        root = unique("sid")
        client = self.raw(MQTT5)
        client.subscribe(1, [(root + "/#", 1)], props={"subscription_identifier": [7]})
        client.subscribe(2, [(root + "/+", 1)], props={"subscription_identifier": [300]})
        client.subscribe(3, [(root + "/plain/x", 1)])
        publisher = self.raw(MQTT5)
        publisher.publish(root + "/a", b"both", qos=1, packet_id=1)
        identifiers = self.collect_identifiers(client, 2, max_copies=2)
        self.assertEqual(sorted(identifiers), [7, 300],
                         "3.3.4: each matching subscription's identifier is delivered")

        publisher.publish(root + "/a/b", b"one", qos=1, packet_id=2)
        self.assertEqual(self.collect_identifiers(client, 1, max_copies=1), [7])

        publisher.publish(root + "/plain/x", b"overlap", qos=1, packet_id=3)
        identifiers = self.collect_identifiers(client, 1, max_copies=2)
        self.assertEqual(identifiers, [7],
                         "a subscription without identifier adds none: %r" % identifiers)

    def collect_identifiers(self, client, wanted, max_copies):
        """Subscription identifiers over the copies of one message (a server may send one
        copy per matching subscription or one with all identifiers, 3.3.4)."""
        identifiers = []
        copies = 0
        while len(identifiers) < wanted and copies < max_copies:
            message = client.expect(PUBLISH)
            copies += 1
            identifiers += message.props.get("subscription_identifier", [])
            client.send(rawmqtt.puback(message.packet_id, MQTT5))
        while True:
            extra = client.recv(0.4)
            if extra is None:
                return identifiers
            copies += 1
            self.assertLessEqual(copies, max_copies, "too many copies: %r" % extra)
            identifiers += extra.props.get("subscription_identifier", [])
            client.send(rawmqtt.puback(extra.packet_id, MQTT5))

    def test_overlapping_subscriptions_deliver_at_the_highest_qos(self):
        root = unique("ov")
        client = self.raw(MQTT311)
        self.assertEqual(client.subscribe(1, [(root + "/#", 0), (root + "/a", 1)]).reasons,
                         [0, 1])
        publisher = self.raw(MQTT311)
        publisher.publish(root + "/a", b"x", qos=1, packet_id=1)
        copies = [client.expect(PUBLISH)]
        while True:
            extra = client.recv(0.5)
            if extra is None:
                break
            copies.append(extra)
        self.assertLessEqual(len(copies), 2, "one copy per subscription at most")
        self.assertEqual(max(c.qos for c in copies), 1,
                         "3.3.5-1: the maximum QoS of the matching subscriptions")

    # ------------------------------------------------------------------ shared

    def test_v5_shared_subscription_spreads_and_delivers_once_per_group(self):
        topic = unique("shared")
        group_g = [self.paho(V5) for _ in range(2)]
        merged = self.merge(group_g)
        group_h = self.paho(V5)
        plain = self.paho(V5)
        for member in group_g:
            member.subscribe("$share/g/" + topic, 1)
        group_h.subscribe("$share/h/" + topic, 1)
        plain.subscribe(topic, 1)
        publisher = self.paho(V5)
        count = 20
        for i in range(count):
            publisher.publish(topic, b"%d" % i, 1)
        expected = [b"%d" % i for i in range(count)]
        self.assertEqual(sorted(m.payload for m in plain.recv_many(count)), sorted(expected))
        self.assertEqual(sorted(m.payload for m in group_h.recv_many(count)), sorted(expected),
                         "a group with one member gets everything")
        shares = collections.Counter()
        received = []
        for index, payload in self.collect(merged, count):
            shares[index] += 1
            received.append(payload)
        self.assertEqual(sorted(received), sorted(expected),
                         "4.8.2: each message goes to exactly one member of group g")
        self.assertTrue(shares[0] and shares[1], "both members must get a share: %r" % shares)
        self.assertNotIn(topic, [m.topic for m in plain.drain()])

    @staticmethod
    def merge(members):
        """One queue of (member index, payload) for all `members`; call before they
        subscribe."""
        merged = queue.Queue()
        for index, member in enumerate(members):
            member.client.on_message = \
                lambda client, userdata, message, i=index: merged.put((i, message.payload))
        return merged

    @staticmethod
    def collect(merged, count, timeout=5.0):
        """The next `count` entries; then none may follow within 0.3 s."""
        got = []
        try:
            while len(got) < count:
                got.append(merged.get(timeout=timeout))
        except queue.Empty:
            raise AssertionError("group got %d of %d messages" % (len(got), count)) from None
        try:
            extra = merged.get(timeout=0.3)
        except queue.Empty:
            return got
        raise AssertionError("a message went to two members of a group: %r" % (extra,))

    def test_v311_shared_subscription(self):
        topic = unique("shared311")
        members = [self.paho(V311) for _ in range(2)]
        merged = self.merge(members)
        for member in members:
            member.subscribe("$share/g/" + topic, 1)
        publisher = self.paho(V311)
        for i in range(10):
            publisher.publish(topic, b"%d" % i, 1)
        got = [payload for _, payload in self.collect(merged, 10)]
        self.assertEqual(sorted(got), sorted(b"%d" % i for i in range(10)))

    # ------------------------------------------------------------------ unsubscribe

    def test_unsubscribe_stops_delivery(self):
        for version in (V311, V5):
            with self.subTest(version=version):
                topic = unique("unsub")
                leaving = self.paho(version)
                staying = self.paho(version)
                leaving.subscribe(topic, 1)
                staying.subscribe(topic, 1)
                publisher = self.paho(version)
                publisher.publish(topic, b"before", 1)
                self.assertEqual(leaving.recv().payload, b"before")
                self.assertEqual(staying.recv().payload, b"before")
                leaving.unsubscribe(topic)
                publisher.publish(topic, b"after", 1)
                self.assertEqual(staying.recv().payload, b"after")
                leaving.expect_nothing(0.5)

    def test_unsuback_reason_codes(self):
        client = self.raw(MQTT5)
        topic = unique("ua")
        client.subscribe(1, [(topic, 1)])
        unsuback = client.unsubscribe(9, [topic, topic + "/never"])
        self.assertEqual(unsuback.packet_id, 9)
        self.assertEqual(unsuback.reasons, [0x00, 0x11],
                         "3.11.3: 0x11 No subscription existed for an unknown filter")
        v311 = self.raw(MQTT311)
        unsuback = v311.unsubscribe(10, [topic + "/never"])
        self.assertEqual((unsuback.packet_id, unsuback.body), (10, b"\x00\x0a"),
                         "a 3.1.1 UNSUBACK is just the packet id")

    def test_mosquitto_sub_wildcards(self):
        for version in (V311, V5):
            with self.subTest(version=version):
                root = unique("ms")
                sub = MosquittoSub(self.broker, "-t", root + "/+/x", "-t", root + "/y/#",
                                   "-C", "2", version=version)
                self.addCleanup(sub.close)
                sub.ready()
                publisher = self.paho(version)
                for topic in (root + "/a/x", root + "/a/z", root + "/y"):
                    publisher.publish(topic, b"-", 1)
                self.assertEqual(sorted(m.topic for m in sub.messages(2)),
                                 [root + "/a/x", root + "/y"])

    # ------------------------------------------------------------------ invalid filters

    @requires("invalid_filter_suback")
    def test_invalid_filter_refused_in_suback(self):
        cases = ((MQTT5, 0x8F), (MQTT311, 0x80))
        for version, failure in cases:
            for bad in ("a/#/b", "a/b#", "a+/b", "#/"):
                with self.subTest(version=version, filter=bad):
                    client = self.raw(version)
                    good = unique("good")
                    suback = client.subscribe(1, [(good, 1), (bad, 1)])
                    self.assertEqual(suback.reasons, [1, failure],
                                     "%s must be refused in the SUBACK" % bad)
                    publisher = self.raw(version)
                    publisher.publish(good, b"ok", qos=1, packet_id=1)
                    self.assertEqual(client.expect(PUBLISH).payload, b"ok",
                                     "the valid filter of the same SUBSCRIBE must work")

    def test_invalid_filter_never_matches(self):
        """Whatever the broker does with `a/#/b` (refuse or disconnect), it must not
        subscribe to it."""
        root = unique("inv")
        client = RawClient(self.broker.host, self.broker.port, MQTT5)
        self.addCleanup(client.close)
        client.connect(unique())
        client.send(rawmqtt.subscribe(1, [(root + "/#/b", 0)], MQTT5))
        try:
            reply = client.recv(3)
            self.assertIsNotNone(reply, "no reply to an invalid SUBSCRIBE")
            if reply.type == rawmqtt.SUBACK:
                self.assertEqual(len(reply.reasons), 1)
                self.assertGreaterEqual(reply.reasons[0], 0x80, "invalid filter granted")
            else:
                self.assertEqual((reply.type, reply.reason), (rawmqtt.DISCONNECT, 0x81))
            publisher = self.raw(MQTT5)
            publisher.publish(root + "/x/b", b"x", qos=1, packet_id=1)
            self.assertIsNone(client.recv(0.5), "an invalid filter matched")
        except rawmqtt.ConnectionClosed:
            pass  # closing the connection is a valid response (4.13)


if __name__ == "__main__":
    brokerfixture.main()
