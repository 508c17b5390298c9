"""pika helpers shared by the suite's modules."""

import time

import pika


def publisher(channel):
    """Turns on publisher confirms: basic_publish then returns once the broker has routed
    (and enqueued) the message, so a following basic_get sees it."""
    channel.confirm_delivery()
    return channel


def drain(channel, queue, auto_ack=True, limit=1000):
    """Every message currently in `queue` as (method, properties, body) via basic.get."""
    got = []
    while len(got) < limit:
        method, properties, body = channel.basic_get(queue, auto_ack=auto_ack)
        if method is None:
            return got
        got.append((method, properties, body))
    return got


def bodies(channel, queue):
    return [body for _, _, body in drain(channel, queue)]


def get_within(channel, queue, timeout, auto_ack=True):
    """basic.get until a message arrives or `timeout` passes (for what the broker does on
    its own clock: TTL, dead-lettering); returns (method, properties, body) or None."""
    deadline = time.monotonic() + timeout
    while True:
        method, properties, body = channel.basic_get(queue, auto_ack=auto_ack)
        if method is not None:
            return method, properties, body
        if time.monotonic() >= deadline:
            return None
        channel.connection.sleep(0.05)


def message_count(channel, queue):
    return channel.queue_declare(queue, passive=True).method.message_count


def wait_for_count(channel, queue, count, timeout):
    """Polls the queue depth until it is `count`; returns the last depth seen."""
    deadline = time.monotonic() + timeout
    while True:
        depth = message_count(channel, queue)
        if depth == count or time.monotonic() >= deadline:
            return depth
        channel.connection.sleep(0.05)


def wait_until_gone(testcase, queue, timeout, interval=0.05):
    """Polls a passive declare (each on a fresh channel of a fresh connection) until the
    broker answers 404; True when it did within `timeout`. 405 (another connection's
    exclusive queue) means the queue is still there."""
    connection = testcase.connect()
    deadline = time.monotonic() + timeout
    while True:
        try:
            connection.channel().queue_declare(queue, passive=True)
        except pika.exceptions.ChannelClosedByBroker as error:
            testcase.assertIn(error.reply_code, (404, 405), error.reply_text)
            if error.reply_code == 404:
                return True
        if time.monotonic() >= deadline:
            return False
        connection.sleep(interval)


class Collector:
    """Consumes from a queue into a list; `wait(n)` pumps the connection's I/O until n
    deliveries arrived or the timeout passed."""

    def __init__(self, channel, queue, auto_ack=False, **consume_options):
        self.channel = channel
        self.deliveries = []
        self.tag = channel.basic_consume(queue, self._on_message, auto_ack=auto_ack,
                                         **consume_options)

    def _on_message(self, channel, method, properties, body):
        self.deliveries.append((method, properties, body))

    @property
    def bodies(self):
        return [body for _, _, body in self.deliveries]

    def wait(self, count, timeout=5.0):
        deadline = time.monotonic() + timeout
        while len(self.deliveries) < count and time.monotonic() < deadline:
            self.channel.connection.process_data_events(time_limit=0.05)
        return len(self.deliveries) >= count

    def quiet(self, seconds=0.5):
        """Pumps I/O for `seconds`; True when nothing more arrived."""
        before = len(self.deliveries)
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.channel.connection.process_data_events(time_limit=0.05)
        return len(self.deliveries) == before


def persistent(**headers):
    return pika.BasicProperties(delivery_mode=2, headers=headers or None)
