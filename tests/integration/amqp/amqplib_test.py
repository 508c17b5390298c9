#!/usr/bin/python3
"""amqplib (Node.js, from npm): node/amqplib_smoke.js declares, publishes with confirms,
consumes and acks. `npm ci` in node/ installs amqplib from the committed lock file."""

import json
import os
import subprocess

import amqpfixture
from amqpfixture import BrokerTestCase, unique

NODE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "node")


def ensure_amqplib():
    """npm ci when node_modules is missing or older than the lock file."""
    marker = os.path.join(NODE_DIR, "node_modules", ".package-lock.json")
    lock = os.path.join(NODE_DIR, "package-lock.json")
    if os.path.exists(marker) and os.path.getmtime(marker) >= os.path.getmtime(lock):
        return
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=NODE_DIR, check=True,
                   timeout=300)


class AmqplibTest(BrokerTestCase):

    @classmethod
    def setUpClass(cls):
        ensure_amqplib()
        super().setUpClass()

    def run_smoke(self, count):
        env = dict(os.environ, AMQP_URL=self.broker.url(), AMQP_QUEUE=unique("amqplib"),
                   AMQP_COUNT=str(count))
        done = subprocess.run(["node", os.path.join(NODE_DIR, "amqplib_smoke.js")], env=env,
                              capture_output=True, timeout=60)
        self.assertEqual(done.returncode, 0, done.stderr.decode(errors="replace"))
        return json.loads(done.stdout.decode().strip().splitlines()[-1])

    def test_declare_publish_with_confirms_consume_ack(self):
        report = self.run_smoke(25)
        self.assertEqual(report["acked"], 25)
        self.assertEqual([m["body"] for m in report["received"]],
                         ["msg-%d" % i for i in range(25)])
        self.assertEqual([m["index"] for m in report["received"]], list(range(25)))
        self.assertTrue(all(m["persistent"] and not m["redelivered"]
                            for m in report["received"]))
        self.assertEqual(report["remaining"], 0)


if __name__ == "__main__":
    amqpfixture.main()
