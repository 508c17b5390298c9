#!/usr/bin/python3
"""PUBLISH at QoS 0/1/2, ack flows, ordering, DUP redelivery, retained messages, v5
subscription options, message expiry, topic aliases and property pass-through."""

import time

import paho.mqtt.client as mqtt

import brokerfixture
from brokerfixture import BrokerTestCase, unique
from clients import V5, V311, MosquittoSub, PahoClient, mosquitto_pub, publish_props
import rawmqtt
from rawmqtt import MQTT5, MQTT311, PUBCOMP, PUBLISH, PUBREC, PUBREL, RawClient

VERSIONS = (MQTT311, MQTT5)


class PublishTest(BrokerTestCase):
    broker_options = {"max_queued": 5000}

    def paho(self, version=V5, client_id=None, clean=True):
        client = PahoClient(self.broker, client_id or unique(), version, clean=clean)
        self.addCleanup(client.disconnect)
        return client

    def raw(self, version=MQTT311):
        client = RawClient(self.broker.host, self.broker.port, version)
        self.addCleanup(client.close)
        return client

    # ------------------------------------------------------------------ QoS end to end

    def test_qos_0_1_2_end_to_end_with_paho(self):
        for version in (V311, V5):
            for sub_qos in (0, 1, 2):
                with self.subTest(version=version, subscription_qos=sub_qos):
                    topic = unique("qos")
                    subscriber = self.paho(version)
                    subscriber.connect_ok()
                    self.assertEqual(len(subscriber.subscribe(topic, sub_qos)), 1)
                    publisher = self.paho(version)
                    publisher.connect_ok()
                    for pub_qos in (0, 1, 2):
                        publisher.publish(topic, b"q%d" % pub_qos, pub_qos)
                        message = subscriber.recv()
                        self.assertEqual(message.payload, b"q%d" % pub_qos)
                        self.assertEqual(message.qos, min(pub_qos, sub_qos),
                                         "delivered QoS is the minimum of both (3.8.4)")
                        self.assertFalse(message.retain)

    def test_full_qos1_and_qos2_flows_on_the_wire(self):
        for version in VERSIONS:
            with self.subTest(version=version):
                topic = unique("flow")
                subscriber = self.raw(version)
                subscriber.connect(unique())
                self.assertEqual(subscriber.subscribe(1, [(topic, 2)]).reasons, [2])
                publisher = self.raw(version)
                publisher.connect(unique())

                puback = publisher.publish(topic, b"one", qos=1, packet_id=11)
                self.assertEqual((puback.packet_id, puback.reason), (11, 0))
                delivered = subscriber.expect(PUBLISH)
                self.assertEqual((delivered.qos, delivered.payload, delivered.dup),
                                 (1, b"one", False))
                subscriber.send(rawmqtt.puback(delivered.packet_id, version))

                publisher.send(rawmqtt.publish(topic, b"two", 2, packet_id=12, version=version))
                pubrec = publisher.expect(PUBREC)
                self.assertEqual((pubrec.packet_id, pubrec.reason), (12, 0))
                # Exactly once: a DUP resend before PUBREL must not deliver a second copy.
                publisher.send(rawmqtt.publish(topic, b"two", 2, dup=True, packet_id=12,
                                               version=version))
                self.assertEqual(publisher.expect(PUBREC).packet_id, 12)
                publisher.send(rawmqtt.pubrel(12, version))
                self.assertEqual(publisher.expect(PUBCOMP).packet_id, 12)

                delivered = subscriber.expect(PUBLISH)
                self.assertEqual((delivered.qos, delivered.payload), (2, b"two"))
                subscriber.send(rawmqtt.pubrec(delivered.packet_id, version))
                pubrel = subscriber.expect(PUBREL)
                self.assertEqual(pubrel.packet_id, delivered.packet_id)
                self.assertEqual(pubrel.flags, 0x02, "PUBREL fixed header flags are 0010")
                subscriber.send(rawmqtt.pubcomp(delivered.packet_id, version))
                self.assertIsNone(subscriber.recv(0.7), "QoS 2 message delivered twice")

    def test_thousand_qos1_messages_arrive_in_order(self):
        topic = unique("order")
        subscriber = self.paho(V311)
        subscriber.connect_ok()
        subscriber.subscribe(topic, 1)
        publisher = self.paho(V5)
        publisher.connect_ok()
        infos = [publisher.publish(topic, b"%d" % i, 1, wait=False) for i in range(1000)]
        payloads = [m.payload for m in subscriber.recv_many(1000, timeout=10)]
        self.assertEqual(payloads, [b"%d" % i for i in range(1000)],
                         "4.6: messages on one topic keep their order")
        for info in infos[-5:]:
            info.wait_for_publish(5)
            self.assertTrue(info.is_published())

    # ------------------------------------------------------------------ redelivery

    def persistent_raw(self, version, client_id):
        client = self.raw(version)
        connack = client.connect(client_id, clean=False,
                                 props={"session_expiry_interval": 300}
                                 if version == MQTT5 else None)
        self.assertEqual(connack.reason, 0)
        return client, connack

    def test_unacked_qos1_redelivered_with_dup_after_reconnect(self):
        for version in VERSIONS:
            with self.subTest(version=version):
                topic, client_id = unique("dup"), unique()
                subscriber, _ = self.persistent_raw(version, client_id)
                subscriber.subscribe(1, [(topic, 1)])
                publisher = self.raw(version)
                publisher.connect(unique())
                for i in range(3):
                    publisher.publish(topic, b"m%d" % i, qos=1, packet_id=i + 1)
                first = [subscriber.expect(PUBLISH) for _ in range(3)]
                self.assertEqual([p.payload for p in first], [b"m0", b"m1", b"m2"])
                self.assertFalse(any(p.dup for p in first))
                subscriber.close()  # none acknowledged

                subscriber, connack = self.persistent_raw(version, client_id)
                self.assertTrue(connack.session_present)
                again = [subscriber.expect(PUBLISH) for _ in range(3)]
                self.assertEqual([(p.payload, p.packet_id, p.dup) for p in again],
                                 [(p.payload, p.packet_id, True) for p in first],
                                 "4.4: resend unacked PUBLISH with DUP and the original ids")
                for p in again:
                    subscriber.send(rawmqtt.puback(p.packet_id, version))
                subscriber.disconnect()

                subscriber, _ = self.persistent_raw(version, client_id)
                self.assertIsNone(subscriber.recv(0.7), "acknowledged messages came back")
                subscriber.disconnect()

    def test_qos2_pubrel_resent_after_reconnect(self):
        for version in VERSIONS:
            with self.subTest(version=version):
                topic, client_id = unique("rel"), unique()
                subscriber, _ = self.persistent_raw(version, client_id)
                subscriber.subscribe(1, [(topic, 2)])
                publisher = self.raw(version)
                publisher.connect(unique())
                publisher.publish(topic, b"x", qos=2, packet_id=5)
                delivered = subscriber.expect(PUBLISH)
                subscriber.send(rawmqtt.pubrec(delivered.packet_id, version))
                subscriber.expect(PUBREL)
                subscriber.close()  # PUBCOMP never sent

                subscriber, connack = self.persistent_raw(version, client_id)
                self.assertTrue(connack.session_present)
                pubrel = subscriber.expect(PUBREL)
                self.assertEqual(pubrel.packet_id, delivered.packet_id,
                                 "4.4: after PUBREC the server resends PUBREL, not PUBLISH")
                subscriber.send(rawmqtt.pubcomp(pubrel.packet_id, version))
                self.assertIsNone(subscriber.recv(0.7))
                subscriber.disconnect()

    # ------------------------------------------------------------------ retained

    def test_retained_set_replace_clear_with_mosquitto_clients(self):
        for version in (V311, V5):
            with self.subTest(version=version):
                topic = unique("ret")
                mosquitto_pub(self.broker, "-t", topic, "-m", "first", "-r", "-q", "1",
                              version=version)
                mosquitto_pub(self.broker, "-t", topic, "-m", "second", "-r", "-q", "1",
                              version=version)
                self.assertEqual(self.retained_via_mosquitto_sub(topic, version),
                                 [(b"second", True)], "the newest retained message replaces")
                mosquitto_pub(self.broker, "-t", topic, "-n", "-r", version=version)
                # 3.3.1.3: an empty retained publish clears the topic.
                self.assert_nothing_retained(topic, version)

    def retained_via_mosquitto_sub(self, topic, version):
        sub = MosquittoSub(self.broker, "-t", topic, "-C", "1", "-W", "5", version=version)
        try:
            return [(m.payload, m.retain) for m in sub.messages(1)]
        finally:
            sub.close()

    def assert_nothing_retained(self, topic, version):
        client = self.paho(version)
        client.connect_ok()
        client.subscribe(topic, 1)
        client.expect_nothing(0.7)

    def test_retained_delivered_on_subscribe_only_to_new_subscribers(self):
        for version in (V311, V5):
            with self.subTest(version=version):
                root = unique("ret")
                live = self.paho(version)
                live.connect_ok()
                live.subscribe(root + "/#", 1)
                publisher = self.paho(version)
                publisher.connect_ok()
                publisher.publish(root + "/a", b"A", 1, retain=True)
                publisher.publish(root + "/b", b"B", 0, retain=True)
                message = live.recv()
                self.assertEqual((message.payload, message.retain), (b"A", False),
                                 "a live subscriber sees retain 0 (3.3.1-9)")
                live.recv()
                late = self.paho(version)
                late.connect_ok()
                late.subscribe(root + "/+", 1)
                got = sorted((m.topic, m.payload, m.retain) for m in late.recv_many(2))
                self.assertEqual(got, [(root + "/a", b"A", True), (root + "/b", b"B", True)])
                late.expect_nothing(0.5)

    def test_v5_retain_handling(self):
        topic = unique("rh")
        publisher = self.paho(V5)
        publisher.connect_ok()
        publisher.publish(topic, b"kept", 1, retain=True)
        expected = {0: (1, 1), 1: (1, 0), 2: (0, 0)}  # retained count: first, repeated subscribe
        for handling, (first, repeated) in expected.items():
            with self.subTest(retain_handling=handling):
                client = self.raw(MQTT5)
                client.connect(unique())
                options = 1 | (handling << 4)
                for attempt, count in (("first", first), ("repeated", repeated)):
                    client.subscribe(attempt == "first" and 1 or 2, [(topic, options)])
                    got = list(client.pending)
                    while len(got) < count:
                        got.append(client.expect(PUBLISH))
                    extra = client.recv(0.5)
                    self.assertIsNone(extra, "retain handling %d, %s subscribe: extra %r"
                                      % (handling, attempt, extra))
                    self.assertEqual(len(got), count,
                                     "retain handling %d, %s subscribe" % (handling, attempt))
                    for p in got:
                        self.assertEqual((p.payload, p.retain), (b"kept", True))
                        if p.qos:
                            client.send(rawmqtt.puback(p.packet_id, MQTT5))

    def test_v5_retain_as_published(self):
        topic = unique("rap")
        plain = self.paho(V5)
        plain.connect_ok()
        plain.subscribe(topic, options=mqtt.SubscribeOptions(qos=1, retainAsPublished=False))
        as_published = self.paho(V5)
        as_published.connect_ok()
        as_published.subscribe(topic,
                               options=mqtt.SubscribeOptions(qos=1, retainAsPublished=True))
        publisher = self.paho(V5)
        publisher.connect_ok()
        publisher.publish(topic, b"r", 1, retain=True)
        publisher.publish(topic, b"n", 1, retain=False)
        self.assertEqual([(m.payload, m.retain) for m in plain.recv_many(2)],
                         [(b"r", False), (b"n", False)])
        self.assertEqual([(m.payload, m.retain) for m in as_published.recv_many(2)],
                         [(b"r", True), (b"n", False)], "3.8.3.1: retain as published")
        publisher.publish(topic, b"", 1, retain=True)  # clean up the retained message

    def test_v5_no_local(self):
        topic = unique("nl")
        client = self.paho(V5)
        client.connect_ok()
        client.subscribe(topic, options=mqtt.SubscribeOptions(qos=1, noLocal=True))
        other = self.paho(V5)
        other.connect_ok()
        other.subscribe(topic, 1)
        client.publish(topic, b"own", 1)
        self.assertEqual(other.recv().payload, b"own")
        other.publish(topic, b"foreign", 1)
        self.assertEqual(client.recv().payload, b"foreign",
                         "3.8.3.1: no local suppresses only the client's own messages")
        self.assertEqual(other.recv().payload, b"foreign")
        client.expect_nothing(0.5)

    # ------------------------------------------------------------------ v5 properties

    def test_v5_message_expiry_for_offline_session(self):
        topic, client_id = unique("exp"), unique()
        keep = {"session_expiry_interval": 300}
        subscriber = self.raw(MQTT5)
        subscriber.connect(client_id, clean=False, props=keep)
        subscriber.subscribe(1, [(topic, 1)])
        subscriber.disconnect()
        publisher = self.raw(MQTT5)
        publisher.connect(unique())
        publisher.publish(topic, b"short", 1, packet_id=1, props={"message_expiry_interval": 1})
        publisher.publish(topic, b"long", 1, packet_id=2, props={"message_expiry_interval": 60})
        time.sleep(2.5)  # the offline time is what is under test; no event marks it
        subscriber = self.raw(MQTT5)
        self.assertTrue(subscriber.connect(client_id, clean=False, props=keep).session_present)
        delivered = subscriber.expect(PUBLISH)
        subscriber.send(rawmqtt.puback(delivered.packet_id, MQTT5))
        self.assertEqual(delivered.payload, b"long", "the expired message must be dropped")
        remaining = delivered.props.get("message_expiry_interval")
        self.assertIsNotNone(remaining, "3.3.2.3.3: the expiry interval is forwarded")
        self.assertLessEqual(remaining, 58, "expiry must count down while queued")
        self.assertGreaterEqual(remaining, 50)
        self.assertIsNone(subscriber.recv(0.5), "only one message may arrive")
        subscriber.disconnect()

    def test_v5_topic_alias_from_client(self):
        topic = unique("alias")
        subscriber = self.paho(V5)
        subscriber.connect_ok()
        subscriber.subscribe(topic, 1)
        publisher = self.raw(MQTT5)
        connack = publisher.connect(unique())
        self.assertGreaterEqual(connack.props.get("topic_alias_maximum", 0), 1)
        publisher.publish(topic, b"named", 1, packet_id=1, props={"topic_alias": 1})
        ack = publisher.publish("", b"aliased", 1, packet_id=2, props={"topic_alias": 1})
        self.assertEqual(ack.reason, 0)
        got = [(m.topic, m.payload) for m in subscriber.recv_many(2)]
        self.assertEqual(got, [(topic, b"named"), (topic, b"aliased")],
                         "3.3.2.3.4: an empty topic with a known alias uses its topic")

    def test_v5_properties_passed_through_unchanged(self):
        topic = unique("props")
        subscriber = self.paho(V5)
        subscriber.connect_ok()
        subscriber.subscribe(topic, 1)
        publisher = self.paho(V5)
        publisher.connect_ok()
        user = [("b", "2"), ("a", "1"), ("a", "3")]
        sent = publish_props(UserProperty=user, ResponseTopic=topic + "/reply",
                             CorrelationData=b"\x00\x01\xfe\xff", ContentType="text/x-test",
                             PayloadFormatIndicator=1)
        publisher.publish(topic, "ünïcode".encode(), 1, properties=sent)
        got = subscriber.recv()
        p = got.properties
        self.assertEqual(got.payload, "ünïcode".encode())
        self.assertEqual(p.UserProperty, user, "3.3.2.3.7: user properties keep their order")
        self.assertEqual(p.ResponseTopic, topic + "/reply")
        self.assertEqual(p.CorrelationData, b"\x00\x01\xfe\xff")
        self.assertEqual(p.ContentType, "text/x-test")
        self.assertEqual(p.PayloadFormatIndicator, 1)

    # ------------------------------------------------------------------ mosquitto tools

    def test_mosquitto_pub_to_mosquitto_sub_all_qos(self):
        for version in (V311, V5):
            with self.subTest(version=version):
                topic = unique("mosq")
                sub = MosquittoSub(self.broker, "-t", topic, "-q", "2", "-C", "3",
                                   version=version)
                self.addCleanup(sub.close)
                sub.ready()
                for qos in (0, 1, 2):
                    mosquitto_pub(self.broker, "-t", topic, "-m", "via %d" % qos,
                                  "-q", str(qos), version=version)
                got = [(m.topic, m.payload, m.qos) for m in sub.messages(3)]
                self.assertEqual(got, [(topic, b"via %d" % q, q) for q in (0, 1, 2)])
                self.assertEqual(sub.wait(), 0, "mosquitto_sub -C 3 must exit 0")

    def test_mosquitto_v5_properties_through_broker(self):
        topic = unique("mosqprops")
        sub = MosquittoSub(self.broker, "-t", topic, "-C", "1", version=V5)
        self.addCleanup(sub.close)
        sub.ready()
        mosquitto_pub(self.broker, "-t", topic, "-m", "p", "-q", "1",
                      "-D", "publish", "user-property", "who", "mosquitto_pub",
                      "-D", "publish", "content-type", "text/plain",
                      "-D", "publish", "response-topic", topic + "/r", version=V5)
        (message,) = sub.messages(1)
        self.assertEqual((message.payload, message.content_type, message.response_topic,
                          message.user_props), (b"p", "text/plain", topic + "/r",
                                                "who:mosquitto_pub"))


if __name__ == "__main__":
    brokerfixture.main()
