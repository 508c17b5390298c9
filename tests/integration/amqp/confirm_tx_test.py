#!/usr/bin/python3
"""Publisher confirms (acks, nacks for reject-publish overflow) and transactions
(select/commit/rollback of publishes and acks)."""

import pika

import amqpfixture
from amqpfixture import BrokerTestCase, unique
from amqpclients import bodies, drain, message_count
import rawamqp


class ConfirmTest(BrokerTestCase):

    def setUp(self):
        self.conn = self.connect()
        self.ch = self.conn.channel()

    def queue(self, **arguments):
        name = unique("q")
        self.ch.queue_declare(name, exclusive=True, arguments=arguments or None)
        return name

    def test_confirms_ack_every_publish(self):
        name = self.queue()
        self.ch.confirm_delivery()
        for index in range(20):
            self.ch.basic_publish("", name, b"%d" % index)  # raises on a nack
        self.assertEqual(message_count(self.ch, name), 20)

    def test_confirm_delivery_tags_count_from_one(self):
        client = rawamqp.RawAmqp(self.broker.host, self.broker.port)
        self.addCleanup(client.close)
        client.open()
        client.open_channel(1)
        client.send(rawamqp.method_frame(1, (85, 10), b"\x00"))  # confirm.select
        client.expect((85, 11))
        for body in (b"a", b"b", b"c"):
            client.send(rawamqp.method_frame(1, rawamqp.BASIC_PUBLISH,
                                             rawamqp.basic_publish("amq.fanout", "")))
            client.send(rawamqp.header_frame(1, 60, len(body)))
            client.send(rawamqp.body_frame(1, body))
        # One ack each, or fewer with multiple=true covering a run (RabbitMQ coalesces
        # confirms that are settled together).
        tags = []
        while not tags or tags[-1][0] < 3:
            ack = client.expect((60, 80))  # basic.ack
            tag, multiple = rawamqp.Reader(ack.args).take("QB")
            tags.append((tag, bool(multiple)))
            self.assertLessEqual(len(tags), 3)
        self.assertEqual(tags[-1][0], 3)
        self.assertEqual([t for t, _ in tags], sorted(t for t, _ in tags))
        first_tag, first_multiple = tags[0]
        self.assertTrue(first_tag == 1 or first_multiple, tags)

    def test_unroutable_publish_is_confirmed(self):
        self.ch.confirm_delivery()
        self.ch.basic_publish("amq.direct", unique("nowhere"), b"x")  # acked, not nacked

    def test_reject_publish_overflow_nacks(self):
        name = self.queue(**{"x-max-length": 2, "x-overflow": "reject-publish"})
        self.ch.confirm_delivery()
        self.ch.basic_publish("", name, b"1")
        self.ch.basic_publish("", name, b"2")
        with self.assertRaises(pika.exceptions.NackError):
            self.ch.basic_publish("", name, b"3")
        self.assertEqual(bodies(self.ch, name), [b"1", b"2"])
        self.ch.basic_publish("", name, b"4")  # room again: acked
        self.assertEqual(bodies(self.ch, name), [b"4"])

    def test_tx_select_on_confirm_channel_is_406(self):
        self.ch.confirm_delivery()
        with self.assertRaises(pika.exceptions.ChannelClosedByBroker) as caught:
            self.ch.tx_select()
        self.assertEqual(caught.exception.reply_code, 406)


class TxTest(BrokerTestCase):

    def setUp(self):
        self.conn = self.connect()
        self.ch = self.conn.channel()
        self.observer = self.conn.channel()
        self.name = unique("q")
        self.ch.queue_declare(self.name, exclusive=True)

    def test_commit_publishes(self):
        self.ch.tx_select()
        self.ch.basic_publish("", self.name, b"1")
        self.ch.basic_publish("", self.name, b"2")
        self.assertEqual(message_count(self.observer, self.name), 0)
        self.ch.tx_commit()
        self.assertEqual(bodies(self.observer, self.name), [b"1", b"2"])

    def test_rollback_discards_publishes(self):
        self.ch.tx_select()
        self.ch.basic_publish("", self.name, b"gone")
        self.ch.tx_rollback()
        self.ch.basic_publish("", self.name, b"kept")
        self.ch.tx_commit()
        self.assertEqual(bodies(self.observer, self.name), [b"kept"])

    def test_acks_take_effect_on_commit_only(self):
        self.observer.basic_publish("", self.name, b"m")
        consumer = self.conn.channel()
        consumer.tx_select()
        method, _, _ = consumer.basic_get(self.name, auto_ack=False)
        consumer.basic_ack(method.delivery_tag)
        consumer.tx_rollback()
        consumer.close()  # the ack was rolled back: the message returns
        again = drain(self.observer, self.name, auto_ack=False)
        self.assertEqual([(m.redelivered, b) for m, _, b in again], [(True, b"m")])
        self.observer.close()
        consumer = self.conn.channel()
        consumer.tx_select()
        method, _, _ = consumer.basic_get(self.name, auto_ack=False)
        consumer.basic_ack(method.delivery_tag)
        consumer.tx_commit()
        consumer.close()
        self.assertEqual(bodies(self.conn.channel(), self.name), [])

    def test_commit_without_select_is_406(self):
        with self.assertRaises(pika.exceptions.ChannelClosedByBroker) as caught:
            self.ch.tx_commit()
        self.assertEqual(caught.exception.reply_code, 406)
        self.assertTrue(caught.exception.reply_text.startswith("PRECONDITION_FAILED"))

    def test_confirm_select_on_tx_channel_is_406(self):
        self.ch.tx_select()
        with self.assertRaises(pika.exceptions.ChannelClosedByBroker) as caught:
            self.ch.confirm_delivery()
        self.assertEqual(caught.exception.reply_code, 406)


if __name__ == "__main__":
    amqpfixture.main()
