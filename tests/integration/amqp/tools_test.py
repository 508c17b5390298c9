#!/usr/bin/python3
"""Debian's amqp-tools (rabbitmq-c): amqp-declare-queue, amqp-publish, amqp-consume,
amqp-get against the broker, checked with pika."""

import subprocess

import pika

import amqpfixture
from amqpfixture import BrokerTestCase, unique
from amqpclients import drain, publisher

TOOL_TIMEOUT = 20


class ToolsTest(BrokerTestCase):

    def tool(self, name, *args, stdin=None, check=True):
        done = subprocess.run(["/usr/bin/" + name, "--url", self.broker.url()] + list(args),
                              input=stdin, capture_output=True, timeout=TOOL_TIMEOUT)
        if check:
            self.assertEqual(done.returncode, 0, "%s failed: %r" % (name, done.stderr))
        return done

    def queue(self):
        name = unique("q")
        self.addCleanup(lambda: self.channel().queue_delete(name))
        return name

    def test_declare_queue_prints_its_name_and_creates_a_durable_queue(self):
        name = self.queue()
        done = self.tool("amqp-declare-queue", "-q", name, "-d")
        self.assertEqual(done.stdout.decode().strip(), name)
        channel = self.channel()
        self.assertEqual(channel.queue_declare(name, passive=True).method.message_count, 0)
        channel.queue_declare(name, durable=True)  # equivalent: it is durable
        with self.assertRaises(pika.exceptions.ChannelClosedByBroker) as caught:
            channel.queue_declare(name, durable=False)
        self.assertEqual(caught.exception.reply_code, 406)

    def test_declare_server_named_queue(self):
        done = self.tool("amqp-declare-queue", "-q", "")
        name = done.stdout.decode().strip()
        self.addCleanup(lambda: self.channel().queue_delete(name))
        self.assertTrue(name.startswith("amq.gen-"), name)

    def test_publish_with_properties_reaches_pika(self):
        name = self.queue()
        self.channel().queue_declare(name)
        self.tool("amqp-publish", "-r", name, "-b", "from amqp-publish", "-p", "-C",
                  "text/plain", "-H", "origin: tools")
        got = drain(self.channel(), name)
        self.assertEqual(len(got), 1)
        method, props, body = got[0]
        self.assertEqual(body, b"from amqp-publish")
        self.assertEqual((props.delivery_mode, props.content_type, props.headers),
                         (2, "text/plain", {"origin": "tools"}))

    def test_publish_lines_from_stdin_to_an_exchange(self):
        name = self.queue()
        channel = self.channel()
        channel.queue_declare(name)
        channel.queue_bind(name, "amq.topic", "tools.#")
        self.tool("amqp-publish", "-e", "amq.topic", "-r", "tools.lines", "-l",
                  stdin=b"one\ntwo\nthree\n")
        self.assertEqual([b for _, _, b in drain(channel, name)], [b"one\n", b"two\n", b"three\n"])

    def test_get_prints_a_message_and_fails_on_empty(self):
        name = self.queue()
        channel = publisher(self.channel())
        channel.queue_declare(name)
        channel.basic_publish("", name, b"for amqp-get")
        self.assertEqual(self.tool("amqp-get", "-q", name).stdout, b"for amqp-get")
        empty = self.tool("amqp-get", "-q", name, check=False)
        self.assertNotEqual(empty.returncode, 0, "amqp-get succeeded on an empty queue")

    def test_consume_runs_a_command_per_message_and_acks(self):
        name = self.queue()
        channel = publisher(self.channel())
        channel.queue_declare(name)
        for body in (b"c1", b"c2", b"c3"):
            channel.basic_publish("", name, body)
        done = self.tool("amqp-consume", "-q", name, "-c", "3", "-p", "1", "cat")
        self.assertEqual(done.stdout, b"c1c2c3")
        self.assertEqual(channel.queue_declare(name, passive=True).method.message_count, 0)

    def test_consume_from_exchange_with_a_private_queue(self):
        consumer = subprocess.Popen(["/usr/bin/amqp-consume", "--url", self.broker.url(),
                                     "-e", "amq.direct", "-r", unique("rk"), "-c", "1",
                                     "cat"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.addCleanup(lambda: consumer.poll() is None and consumer.kill())
        routing_key = consumer.args[6]
        channel = self.channel()
        # The tool declares and binds its own queue; publish until it is bound.
        for _ in range(100):
            channel.basic_publish("amq.direct", routing_key, b"to the tool")
            try:
                out, err = consumer.communicate(timeout=0.1)
                break
            except subprocess.TimeoutExpired:
                continue
        else:
            self.fail("amqp-consume got nothing")
        self.assertEqual(consumer.returncode, 0, err)
        self.assertEqual(out, b"to the tool")


if __name__ == "__main__":
    amqpfixture.main()
