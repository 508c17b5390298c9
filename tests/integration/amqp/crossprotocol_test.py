#!/usr/bin/python3
"""One broker, two protocols: MQTT publishes land on amq.topic with "/" turned into "."
(and "+" into "*" for subscriptions), AMQP publishes to amq.topic reach MQTT subscribers,
as RabbitMQ's MQTT plugin does it."""

import queue
import threading

import paho.mqtt.client as mqtt
import pika

import amqpfixture
from amqpfixture import BrokerTestCase, requires, unique
from amqpclients import get_within, publisher

WAIT = 5.0


class MqttClient:
    """paho-mqtt 3.1.1 client with its network loop on a thread; messages go to a queue."""

    def __init__(self, host, port):
        self.client = mqtt.Client(client_id=unique("mqtt"), protocol=mqtt.MQTTv311)
        self.messages = queue.Queue()
        self.subscribed = threading.Event()
        self.connected = threading.Event()
        self.client.on_connect = lambda c, u, f, rc: rc == 0 and self.connected.set()
        self.client.on_subscribe = lambda c, u, mid, qos: self.subscribed.set()
        self.client.on_message = lambda c, u, msg: self.messages.put(msg)
        self.client.connect(host, port, keepalive=30)
        self.client.loop_start()
        if not self.connected.wait(WAIT):
            self.close()
            raise AssertionError("MQTT CONNECT not accepted")

    def subscribe(self, topic, qos=1):
        self.subscribed.clear()
        self.client.subscribe(topic, qos)
        if not self.subscribed.wait(WAIT):
            raise AssertionError("no SUBACK for %s" % topic)

    def publish(self, topic, payload, qos=1):
        info = self.client.publish(topic, payload, qos)
        info.wait_for_publish(WAIT)
        if not info.is_published():
            raise AssertionError("no PUBACK for %s" % topic)

    def receive(self, timeout=WAIT):
        try:
            return self.messages.get(timeout=timeout)
        except queue.Empty:
            return None

    def close(self):
        self.client.disconnect()
        self.client.loop_stop()


@requires("mqtt_bridge")
class CrossProtocolTest(BrokerTestCase):
    broker_options = {"mqtt": True}

    def setUp(self):
        self.ch = publisher(self.channel())

    def mqtt(self):
        client = MqttClient(self.broker.host, self.broker.mqtt_port)
        self.addCleanup(client.close)
        return client

    def amqp_queue(self, *routing_keys):
        name = unique("q")
        self.ch.queue_declare(name, exclusive=True)
        for key in routing_keys:
            self.ch.queue_bind(name, "amq.topic", key)
        return name

    def test_mqtt_publish_reaches_amqp_queue_bound_with_dotted_key(self):
        prefix = unique("a")
        name = self.amqp_queue(prefix + ".b")
        self.mqtt().publish(prefix + "/b", b"from mqtt")
        got = get_within(self.ch, name, WAIT)
        self.assertIsNotNone(got, "MQTT publish did not reach the AMQP queue")
        method, _, body = got
        self.assertEqual((method.exchange, method.routing_key, body),
                         ("amq.topic", prefix + ".b", b"from mqtt"))

    def test_mqtt_topics_match_amqp_topic_wildcards(self):
        prefix = unique("w")
        name = self.amqp_queue(prefix + ".*.c")
        client = self.mqtt()
        client.publish(prefix + "/b/c", b"match")
        client.publish(prefix + "/b/x", b"no match")
        client.publish(prefix + "/b", b"no match either")
        got = get_within(self.ch, name, WAIT)
        self.assertEqual(got[2] if got else None, b"match")
        self.assertIsNone(get_within(self.ch, name, 0.5))

    def test_amqp_publish_to_amq_topic_reaches_mqtt_subscriber(self):
        prefix = unique("x")
        subscriber = self.mqtt()
        subscriber.subscribe(prefix + "/y")
        self.ch.basic_publish("amq.topic", prefix + ".y", b"from amqp")
        self.ch.basic_publish("amq.topic", prefix + ".z", b"other topic")
        message = subscriber.receive()
        self.assertIsNotNone(message, "AMQP publish did not reach the MQTT subscriber")
        self.assertEqual((message.topic, message.payload), (prefix + "/y", b"from amqp"))
        self.assertIsNone(subscriber.receive(0.5))

    def test_mandatory_publish_taken_only_by_mqtt_subscriber_is_not_returned(self):
        # RabbitMQ's MQTT plugin binds a queue per subscription, so the publish is routed;
        # with confirms on, a basic.return would raise UnroutableError here.
        prefix = unique("r")
        subscriber = self.mqtt()
        subscriber.subscribe(prefix + "/only")
        self.ch.basic_publish("amq.topic", prefix + ".only", b"to mqtt", mandatory=True)
        message = subscriber.receive()
        self.assertEqual((message.topic, message.payload) if message else None,
                         (prefix + "/only", b"to mqtt"))
        with self.assertRaises(pika.exceptions.UnroutableError):
            self.ch.basic_publish("amq.topic", prefix + ".nobody", b"lost", mandatory=True)

    def test_mqtt_wildcard_subscription_receives_amqp_publishes(self):
        prefix = unique("p")
        subscriber = self.mqtt()
        subscriber.subscribe(prefix + "/+/end")
        subscriber.subscribe(prefix + "/deep/#")
        self.ch.basic_publish("amq.topic", prefix + ".mid.end", b"plus")
        self.ch.basic_publish("amq.topic", prefix + ".deep.a.b", b"hash")
        got = {}
        for _ in range(2):
            message = subscriber.receive()
            self.assertIsNotNone(message)
            got[message.topic] = message.payload
        self.assertEqual(got, {prefix + "/mid/end": b"plus", prefix + "/deep/a/b": b"hash"})

    def test_mqtt_to_mqtt_still_works_beside_amqp(self):
        prefix = unique("m")
        subscriber, publisher_client = self.mqtt(), self.mqtt()
        subscriber.subscribe(prefix + "/t")
        name = self.amqp_queue(prefix + ".t")
        publisher_client.publish(prefix + "/t", b"both")
        message = subscriber.receive()
        self.assertEqual((message.topic, message.payload) if message else None,
                         (prefix + "/t", b"both"))
        got = get_within(self.ch, name, WAIT)
        self.assertEqual(got[2] if got else None, b"both")


if __name__ == "__main__":
    amqpfixture.main()
