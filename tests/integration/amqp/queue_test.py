#!/usr/bin/python3
"""Queues: durable/exclusive/auto-delete, server-named, passive declare, purge, delete with
if-unused/if-empty, exclusive queues seen from another connection."""

import pika

import amqpfixture
from amqpfixture import BrokerTestCase, unique
from amqpclients import Collector, bodies, publisher, wait_until_gone


class QueueTest(BrokerTestCase):

    def setUp(self):
        self.conn = self.connect()
        self.ch = publisher(self.conn.channel())

    def shared_queue(self, **options):
        """A non-exclusive queue deleted after the test."""
        name = unique("q")
        self.ch.queue_declare(name, **options)
        self.addCleanup(lambda: self.channel().queue_delete(name))
        return name

    def assert_refused(self, code, action, *args, **kwargs):
        with self.assertRaises(pika.exceptions.ChannelClosedByBroker) as caught:
            action(*args, **kwargs)
        self.assertEqual(caught.exception.reply_code, code, caught.exception.reply_text)
        self.ch = publisher(self.conn.channel())
        return caught.exception.reply_text

    def passive_exists(self, name):
        channel = self.conn.channel()
        try:
            channel.queue_declare(name, passive=True)
            return True
        except pika.exceptions.ChannelClosedByBroker as error:
            self.assertEqual(error.reply_code, 404)
            return False

    # ---------------------------------------------------------------- declare

    def test_declare_ok_counts_ready_messages_and_consumers(self):
        name = self.shared_queue(durable=True)
        for body in (b"1", b"2", b"3"):
            self.ch.basic_publish("", name, body)
        consumer = self.conn.channel()
        consumer.basic_qos(prefetch_count=1)
        collector = Collector(consumer, name)
        self.assertTrue(collector.wait(1))
        ok = self.ch.queue_declare(name, durable=True).method
        # The unacknowledged delivery is not "ready".
        self.assertEqual((ok.queue, ok.message_count, ok.consumer_count), (name, 2, 1))

    def test_passive_declare_counts_ready_messages(self):
        name = self.shared_queue()
        for body in (b"1", b"2", b"3"):
            self.ch.basic_publish("", name, body)
        ok = self.channel().queue_declare(name, passive=True).method
        self.assertEqual((ok.queue, ok.message_count, ok.consumer_count), (name, 3, 0))

    def test_passive_declare_of_missing_queue_is_404(self):
        text = self.assert_refused(404, self.ch.queue_declare, unique("missing"), passive=True)
        self.assertTrue(text.startswith("NOT_FOUND"), text)

    def test_inequivalent_redeclare_is_406(self):
        name = self.shared_queue(durable=True)
        self.assert_refused(406, self.ch.queue_declare, name, durable=False)
        self.assert_refused(406, self.ch.queue_declare, name, durable=True,
                            arguments={"x-max-length": 5})

    def test_server_named_queue(self):
        ok = self.ch.queue_declare("", exclusive=True).method
        self.assertTrue(ok.queue.startswith("amq.gen-"), ok.queue)
        self.ch.basic_publish("", ok.queue, b"to generated name")
        self.assertEqual(bodies(self.ch, ok.queue), [b"to generated name"])
        other = self.ch.queue_declare("", exclusive=True).method.queue
        self.assertNotEqual(other, ok.queue)

    def test_amq_prefixed_queue_name_is_403(self):
        self.assert_refused(403, self.ch.queue_declare, "amq." + unique("mine"))

    def test_durable_flag_and_arguments_are_kept(self):
        name = self.shared_queue(durable=True, arguments={"x-max-length": 2})
        self.ch.queue_declare(name, durable=True, arguments={"x-max-length": 2})
        for body in (b"1", b"2", b"3"):
            self.ch.basic_publish("", name, body)
        self.assertEqual(bodies(self.ch, name), [b"2", b"3"])

    # ---------------------------------------------------------------- exclusive

    def test_exclusive_queue_is_locked_to_its_connection_405(self):
        name = unique("q-excl")
        self.ch.queue_declare(name, exclusive=True)
        other = self.channel()
        for action in (lambda c: c.queue_declare(name, exclusive=True),
                       lambda c: c.queue_declare(name, passive=True),
                       lambda c: c.basic_consume(name, lambda *a: None),
                       lambda c: c.basic_get(name),
                       lambda c: c.queue_delete(name),
                       lambda c: c.queue_purge(name)):
            with self.assertRaises(pika.exceptions.ChannelClosedByBroker) as caught:
                action(other)
            self.assertEqual(caught.exception.reply_code, 405, caught.exception.reply_text)
            self.assertTrue(caught.exception.reply_text.startswith("RESOURCE_LOCKED"))
            other = self.channel()
        # The owner's other channels may use it.
        second = publisher(self.conn.channel())
        second.basic_publish("", name, b"mine")
        self.assertEqual(bodies(self.ch, name), [b"mine"])

    def test_exclusive_queue_goes_with_its_connection(self):
        owner = self.connect()
        name = unique("q-excl")
        owner.channel().queue_declare(name, exclusive=True)
        with self.assertRaises(pika.exceptions.ChannelClosedByBroker) as caught:
            self.ch.queue_declare(name, passive=True)
        self.assertEqual(caught.exception.reply_code, 405)
        owner.close()
        self.assertTrue(wait_until_gone(self, name, 5.0), "exclusive queue outlived its owner")

    # ---------------------------------------------------------------- auto-delete

    def test_auto_delete_queue_goes_with_its_last_consumer(self):
        name = unique("q-auto")
        self.ch.queue_declare(name, auto_delete=True)
        self.addCleanup(lambda: self.channel().queue_delete(name))
        self.assertTrue(self.passive_exists(name), "deleted before any consumer")
        channel = self.conn.channel()
        first = channel.basic_consume(name, lambda *a: None)
        second = channel.basic_consume(name, lambda *a: None)
        channel.basic_cancel(first)
        self.assertTrue(self.passive_exists(name), "deleted while a consumer remains")
        channel.basic_cancel(second)
        self.assertTrue(wait_until_gone(self, name, 5.0), "auto-delete queue still there")

    # ---------------------------------------------------------------- bind, purge, delete

    def test_bind_and_unbind(self):
        name = self.shared_queue()
        self.ch.queue_bind(name, "amq.direct", name)
        self.ch.basic_publish("amq.direct", name, b"bound")
        self.ch.queue_unbind(name, "amq.direct", name)
        self.ch.basic_publish("amq.direct", name, b"unbound")
        self.assertEqual(bodies(self.ch, name), [b"bound"])

    def test_purge_returns_count_and_empties(self):
        name = self.shared_queue()
        for index in range(5):
            self.ch.basic_publish("", name, b"%d" % index)
        self.assertEqual(self.ch.queue_purge(name).method.message_count, 5)
        self.assertEqual(bodies(self.ch, name), [])
        self.assertEqual(self.ch.queue_purge(name).method.message_count, 0)

    def test_purge_keeps_unacked_deliveries(self):
        name = self.shared_queue()
        for body in (b"a", b"b"):
            self.ch.basic_publish("", name, body)
        consumer = self.conn.channel()
        method, _, body = consumer.basic_get(name, auto_ack=False)
        self.assertEqual(body, b"a")
        self.assertEqual(self.ch.queue_purge(name).method.message_count, 1)
        consumer.basic_nack(method.delivery_tag, requeue=True)
        self.assertEqual(bodies(self.ch, name), [b"a"])

    def test_purge_missing_queue_is_404(self):
        self.assert_refused(404, self.ch.queue_purge, unique("missing"))

    def test_delete_returns_message_count(self):
        name = unique("q")
        self.ch.queue_declare(name)
        for body in (b"1", b"2"):
            self.ch.basic_publish("", name, body)
        self.assertEqual(self.ch.queue_delete(name).method.message_count, 2)
        self.assertFalse(self.passive_exists(name))

    def test_delete_if_unused_refuses_while_consumed(self):
        name = self.shared_queue()
        channel = self.conn.channel()
        tag = channel.basic_consume(name, lambda *a: None)
        text = self.assert_refused(406, self.ch.queue_delete, name, if_unused=True)
        self.assertTrue(text.startswith("PRECONDITION_FAILED"), text)
        channel.basic_cancel(tag)
        self.ch.queue_delete(name, if_unused=True)
        self.assertFalse(self.passive_exists(name))

    def test_delete_if_empty_refuses_with_messages(self):
        name = self.shared_queue()
        self.ch.basic_publish("", name, b"still here")
        self.assert_refused(406, self.ch.queue_delete, name, if_empty=True)
        self.assertEqual(bodies(self.ch, name), [b"still here"])
        self.ch.queue_delete(name, if_empty=True)
        self.assertFalse(self.passive_exists(name))

    def test_delete_removes_bindings(self):
        name = self.shared_queue()
        self.ch.queue_bind(name, "amq.fanout")
        self.ch.queue_delete(name)
        self.ch.queue_declare(name)
        self.ch.basic_publish("amq.fanout", "", b"old binding?")
        self.assertEqual(bodies(self.ch, name), [])


if __name__ == "__main__":
    amqpfixture.main()
