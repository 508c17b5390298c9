"""Starts the broker under test for the AMQP 0-9-1 integration suite.

Which broker:
  SBX_BIN=/path/to/sbx        runs `sbx broker --amqp-port 0 ...` (what ctest does; nothing
                              may skip)
  SBX_REFERENCE=rabbitmq      runs a private node of Debian's rabbitmq-server as a
                              reference, to prove the tests themselves against RabbitMQ

Both get free loopback ports and a fresh temp dir. `Broker.restart()` and `Broker.kill9()`
keep the data, so persistence and crash durability can be tested.

Users, vhosts and permissions (`Broker(config=...)`) use one shape for both brokers:

    {"amqp": {"users":       [{"name": "u", "password": "p", "tags": ["administrator"]}],
              "vhosts":      ["/", "other"],
              "permissions": [{"user": "u", "vhost": "other",
                               "configure": ".*", "write": ".*", "read": ".*"}]}}

`sbx broker` reads it from `--config FILE`; the reference node imports the same entities as
RabbitMQ definitions at boot. The config adds to the defaults of both: vhost "/" and user
guest/guest (loopback only) with full permissions on "/".
"""

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import uuid

import pika

RABBITMQ_BIN = "/usr/lib/rabbitmq/bin"
EPMD = "/usr/bin/epmd"
START_TIMEOUT = 90.0  # a RabbitMQ boot takes ~10 s on an idle two-core machine
STOP_TIMEOUT = 30.0
SBX_START_TIMEOUT = 15.0

# What the broker under test can do. `sbx broker` must do everything here (its contract);
# tests needing something the reference lacks skip in reference mode only.
CAPABILITIES = {
    # connection.start advertises capabilities.consumer_cancel_notify and sends
    # basic.cancel when a consumer's queue is deleted (a RabbitMQ extension).
    "consumer_cancel_notify": {"sbx": True, "rabbitmq": True},
    # A channel number above the channel-max the client sent in tune-ok closes the
    # connection with 530 NOT_ALLOWED. RabbitMQ 3.10 checks only its own channel_max.
    "channel_max_enforced": {"sbx": True, "rabbitmq": False},
    # An unknown class or method id gets connection.close 540 NOT_IMPLEMENTED. RabbitMQ
    # 3.10's reader crashes on it and drops the socket without a close.
    "unknown_method_close": {"sbx": True, "rabbitmq": False},
    # An acknowledgement confirmed by tx.commit-ok is on disk: after kill -9 the message
    # is not delivered again. RabbitMQ 3.10 classic queues write acks lazily (its
    # guarantee is at-least-once), so after kill -9 it redelivers them.
    "kill9_acked_not_redelivered": {"sbx": True, "rabbitmq": False},
    # x-queue-type stream over AMQP 0-9-1 (RabbitMQ 3.9+; Debian 12 ships 3.10.8).
    "streams": {"sbx": True, "rabbitmq": True},
    # MQTT clients on the same broker, routed through amq.topic (rabbitmq_mqtt plugin).
    "mqtt_bridge": {"sbx": True, "rabbitmq": True},
    # A memory alarm over the bytes held in queues, with the watermark in the broker
    # config ("amqp_memory_high_watermark"). RabbitMQ's watermark is the whole node's
    # memory (hundreds of MB before any message), so a test cannot steer it that finely.
    "queue_bytes_watermark": {"sbx": True, "rabbitmq": False},
}

# Numeric properties of each broker.
LIMITS = {
    # connection.tune as RabbitMQ 3.10 proposes it (channel_max, frame_max, heartbeat).
    # sbx proposes the same so that clients see the defaults they know.
    "tune": {"sbx": (2047, 131072, 60), "rabbitmq": (2047, 131072, 60)},
    # Frame-max is the size of the whole frame (AMQP 0-9-1 4.2.3). RabbitMQ 3.10 admits
    # payloads up to frame-max itself (8 bytes more) before raising 501 FRAME_ERROR.
    "frame_max_slack": {"sbx": 0, "rabbitmq": 8},
}


def mode():
    """'sbx' or 'rabbitmq'; exits with a usage message when neither (or both) is set."""
    sbx_bin = os.environ.get("SBX_BIN")
    reference = os.environ.get("SBX_REFERENCE")
    if sbx_bin and reference:
        sys.exit("set SBX_BIN or SBX_REFERENCE=rabbitmq, not both")
    if sbx_bin:
        return "sbx"
    if reference == "rabbitmq":
        return "rabbitmq"
    sys.exit("set SBX_BIN=/path/to/sbx (the broker under test) or SBX_REFERENCE=rabbitmq")


def supports(capability):
    return CAPABILITIES[capability][mode()]


def limit(name):
    return LIMITS[name][mode()]


def requires(*capabilities):
    """Skips a test or class in reference mode when the reference broker lacks a
    capability. In sbx mode every capability is required, so nothing skips."""
    missing = [c for c in capabilities if not supports(c)]
    return unittest.skipIf(bool(missing), "reference broker lacks %s" % ", ".join(missing))


def unique(prefix="t"):
    """A name no other test uses: tests in one module share a broker."""
    return "%s-%s" % (prefix, uuid.uuid4().hex[:10])


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(predicate, timeout, interval=0.02):
    """Polls `predicate` until it is true or `timeout` passes; returns its last value.
    Used only where there is no event to wait on (another process's state)."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() >= deadline:
            return value
        time.sleep(interval)


_ALL_BROKERS = []
LISTENING_LINE = re.compile(r"^listening (amqp|mqtt) 127\.0\.0\.1:(\d+)$")


class BrokerError(RuntimeError):
    pass


class Broker:
    """One broker process (for RabbitMQ: one node and its own epmd) with its own temp dir.

    Options: persistent (sbx: --data-dir; a RabbitMQ node always keeps its data dir),
    mqtt (an MQTT listener too, for cross-protocol tests), config (users, vhosts and
    permissions, see the module docstring; other keys are sbx config settings, which
    the reference node ignores).
    """

    def __init__(self, persistent=False, mqtt=False, config=None):
        self.kind = mode()
        self.persistent = persistent
        self.mqtt = mqtt
        self.config = config or {"amqp": {}}
        self.dir = tempfile.mkdtemp(prefix="sbx-amqp-")
        self.data_dir = os.path.join(self.dir, "data")
        self.log_path = os.path.join(self.dir, "broker.log")
        self.process = None
        self.epmd = None
        self.port = None
        self.mqtt_port = None
        self.stdout_lines = []
        self.exit_codes = []
        self.host = "127.0.0.1"
        self.nodename = "sbxtest-%s@localhost" % uuid.uuid4().hex[:10]
        self._rabbit_ports = None
        _ALL_BROKERS.append(self)

    # -------------------------------------------------------------------- clients

    def params(self, user="guest", password="guest", vhost="/", **options):
        """pika connection parameters for this broker (bounded timeouts)."""
        options.setdefault("connection_attempts", 1)
        options.setdefault("socket_timeout", 5)
        options.setdefault("blocked_connection_timeout", 10)
        return pika.ConnectionParameters(host=self.host, port=self.port, virtual_host=vhost,
                                         credentials=pika.PlainCredentials(user, password),
                                         **options)

    def url(self, user="guest", password="guest", vhost="/"):
        """An amqp:// URI (vhost "/" is %2F) for command line tools and amqplib."""
        quoted = vhost.replace("%", "%25").replace("/", "%2F")
        return "amqp://%s:%s@%s:%d/%s" % (user, password, self.host, self.port, quoted)

    # -------------------------------------------------------------------- life cycle

    def start(self):
        if self.process is not None:
            raise BrokerError("broker already running")
        os.makedirs(self.data_dir, exist_ok=True)
        log = open(self.log_path, "ab")
        log.write(b"==== start %s\n" % time.ctime().encode())
        log.flush()
        try:
            if self.kind == "sbx":
                self._start_sbx(log)
            else:
                self._start_rabbitmq(log)
        finally:
            log.close()
        return self

    def stop(self):
        """A clean shutdown (SIGTERM / rabbitmqctl stop), SIGKILL after STOP_TIMEOUT.
        Returns the exit code."""
        if self.process is None:
            return None
        if self.kind == "sbx":
            self.process.send_signal(signal.SIGTERM)
        else:
            self._rabbitmqctl("stop", self._pid_file, timeout=STOP_TIMEOUT)
        return self._reap(STOP_TIMEOUT)

    def kill9(self):
        """SIGKILL without warning (for RabbitMQ: the whole process group of the node,
        the beam included); the data stays."""
        if self.kind == "sbx":
            self.process.send_signal(signal.SIGKILL)
        else:
            _killpg(self.process.pid)
        self._reap(STOP_TIMEOUT)

    def restart(self):
        """Clean stop and start with the same data. sbx ports may change."""
        code = self.stop()
        if code != 0:
            raise BrokerError("broker exited with %r on stop\n%s" % (code, self.log_tail()))
        return self.start()

    def close(self):
        """Stops the broker; fails when it did not exit cleanly."""
        try:
            if self.process is None:
                return
            alive = self.process.poll() is None
            code = self.stop()
            if not alive:
                raise BrokerError("broker died during the tests (exit %r)\n%s"
                                  % (code, self.log_tail()))
            if code != 0:
                raise BrokerError("broker exited with %r on stop\n%s" % (code, self.log_tail()))
        finally:
            self._stop_epmd()

    def alive(self):
        return self.process is not None and self.process.poll() is None

    def assert_alive(self, testcase):
        testcase.assertTrue(self.alive(), "broker process died\n%s" % self.log_tail())

    def log_tail(self, lines=40):
        try:
            with open(self.log_path, "rb") as log:
                text = log.read().decode("utf-8", "replace")
        except OSError:
            return "(no broker log)"
        return "---- broker log tail (%s)\n%s" % (self.log_path,
                                                 "\n".join(text.splitlines()[-lines:]))

    def _reap(self, timeout):
        try:
            code = self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            if self.kind == "sbx":
                self.process.kill()
            else:
                _killpg(self.process.pid)
            self.process.wait()
            code = "killed after %.0f s without exiting" % timeout
        self.process = None
        self.exit_codes.append(code)
        return code

    # -------------------------------------------------------------------- sbx

    def _sbx_command(self):
        cmd = [os.environ["SBX_BIN"], "broker", "--amqp-port", "0", "--mqtt-port", "0",
               "--log-level", "debug"]
        if self.persistent:
            cmd += ["--data-dir", self.data_dir]
        if any(value for value in self.config.values()):
            path = os.path.join(self.dir, "sbx-config.json")
            with open(path, "w") as out:
                json.dump(self.config, out, indent=2)
            cmd += ["--config", path]
        return cmd

    def _start_sbx(self, log):
        self.process = subprocess.Popen(self._sbx_command(), stdout=subprocess.PIPE,
                                        stderr=log, stdin=subprocess.DEVNULL)
        lines = []
        ready = threading.Event()
        wanted = {"amqp", "mqtt"} if self.mqtt else {"amqp"}
        ports = {}

        def read_stdout(stream):
            for raw in stream:
                line = raw.decode("utf-8", "replace").rstrip("\n")
                lines.append(line)
                match = LISTENING_LINE.match(line)
                if match:
                    ports[match.group(1)] = int(match.group(2))
                    if wanted <= ports.keys():
                        ready.set()
            ready.set()  # EOF: the broker exited

        threading.Thread(target=read_stdout, args=(self.process.stdout,), daemon=True).start()
        ready.wait(SBX_START_TIMEOUT)
        self.stdout_lines = lines
        if not wanted <= ports.keys():
            self.kill9()
            raise BrokerError("sbx broker did not print %s within %.0f s; stdout: %r\n%s"
                              % (sorted(wanted), SBX_START_TIMEOUT, lines, self.log_tail()))
        self.port = ports["amqp"]
        self.mqtt_port = ports.get("mqtt")

    # -------------------------------------------------------------------- rabbitmq

    @property
    def _pid_file(self):
        return os.path.join(self.dir, "rabbit.pid")

    def _rabbit_env(self):
        """The environment of the node and of every CLI call against it: everything in the
        temp dir, nothing from /etc/rabbitmq or /var/lib/rabbitmq."""
        amqp, dist, epmd, mqtt = self._rabbit_ports
        home = os.path.join(self.dir, "home")
        os.makedirs(home, exist_ok=True)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("RABBITMQ_", "ERL_"))}
        env.update({
            "HOME": home,
            "RABBITMQ_NODENAME": self.nodename,
            "RABBITMQ_USE_LONGNAME": "false",
            "RABBITMQ_NODE_IP_ADDRESS": "127.0.0.1",
            "RABBITMQ_NODE_PORT": str(amqp),
            "RABBITMQ_DIST_PORT": str(dist),
            "ERL_EPMD_PORT": str(epmd),
            "ERL_EPMD_ADDRESS": "127.0.0.1",
            "RABBITMQ_MNESIA_BASE": os.path.join(self.data_dir, "mnesia"),
            "RABBITMQ_LOG_BASE": os.path.join(self.dir, "log"),
            "RABBITMQ_CONFIG_FILE": os.path.join(self.dir, "rabbitmq.conf"),
            "RABBITMQ_ADVANCED_CONFIG_FILE": os.path.join(self.dir, "advanced.config"),
            "RABBITMQ_CONF_ENV_FILE": os.path.join(self.dir, "rabbitmq-env.conf"),
            "RABBITMQ_ENABLED_PLUGINS_FILE": os.path.join(self.dir, "enabled_plugins"),
            "RABBITMQ_PID_FILE": self._pid_file,
            # The distribution listener binds loopback only, like everything else.
            "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS": "-kernel inet_dist_use_interface {127,0,0,1}",
            # CLI tools pick their own distribution ports from this range.
            "RABBITMQ_CTL_DIST_PORT_MIN": str(dist + 1),
            "RABBITMQ_CTL_DIST_PORT_MAX": str(dist + 40),
        })
        return env

    def _rabbit_conf(self):
        amqp, _, _, mqtt = self._rabbit_ports
        conf = [
            "listeners.tcp.1 = 127.0.0.1:%d" % amqp,
            "loopback_users.guest = true",
            "log.console = true",
            "log.console.level = info",
            "log.file = false",
            # Shared CI machines: do not let a nearly full disk or busy memory block
            # publishers in the middle of a test.
            "disk_free_limit.absolute = 1MB",
            "vm_memory_high_watermark.relative = 0.8",
            "load_definitions = %s" % os.path.join(self.dir, "definitions.json"),
        ]
        if self.mqtt:
            conf += ["mqtt.listeners.tcp.1 = 127.0.0.1:%d" % mqtt,
                     "mqtt.allow_anonymous = true",
                     "mqtt.vhost = /",
                     "mqtt.exchange = amq.topic"]
        return "\n".join(conf) + "\n"

    def _rabbit_definitions(self):
        """The fixture config as RabbitMQ definitions (users carry plain passwords,
        which the definitions importer hashes)."""
        amqp = self.config["amqp"]
        users = [{"name": "guest", "password": "guest", "tags": "administrator"}]
        users += [{"name": u["name"], "password": u["password"],
                   "tags": ",".join(u.get("tags", []))} for u in amqp.get("users", [])]
        vhosts = [{"name": name} for name in ["/"] + list(amqp.get("vhosts", []))]
        permissions = [{"user": "guest", "vhost": "/", "configure": ".*", "write": ".*",
                        "read": ".*"}] + list(amqp.get("permissions", []))
        return {"users": users, "vhosts": vhosts, "permissions": permissions}

    def _first_rabbit_start(self):
        self._rabbit_ports = (free_port(), free_port(), free_port(),
                              free_port() if self.mqtt else 0)
        if self._rabbit_ports[1] + 41 > 65535:
            self._rabbit_ports = (self._rabbit_ports[0], 20000 + self._rabbit_ports[1] % 20000,
                                  self._rabbit_ports[2], self._rabbit_ports[3])
        files = {
            "rabbitmq.conf": self._rabbit_conf(),
            "advanced.config": "[].\n",
            "rabbitmq-env.conf": "",
            "enabled_plugins": "[].\n",
            "definitions.json": json.dumps(self._rabbit_definitions(), indent=2),
        }
        for name, text in files.items():
            with open(os.path.join(self.dir, name), "w") as out:
                out.write(text)
        if self.mqtt:
            self._rabbit_cli("rabbitmq-plugins", "--offline", "enable", "rabbitmq_mqtt")

    def _start_rabbitmq(self, log):
        if self._rabbit_ports is None:
            self._first_rabbit_start()
        env = self._rabbit_env()
        if self.epmd is None or self.epmd.poll() is not None:
            # Our own epmd on a private port, so that nothing outlives the test run.
            self.epmd = subprocess.Popen([EPMD, "-port", env["ERL_EPMD_PORT"], "-address",
                                          "127.0.0.1"], env=env, stdout=log, stderr=log,
                                         stdin=subprocess.DEVNULL, start_new_session=True)
        if os.path.exists(self._pid_file):
            os.unlink(self._pid_file)
        self.process = subprocess.Popen([os.path.join(RABBITMQ_BIN, "rabbitmq-server")],
                                        env=env, stdout=log, stderr=log,
                                        stdin=subprocess.DEVNULL, start_new_session=True)
        try:
            self._rabbitmqctl("wait", "--timeout", str(int(START_TIMEOUT)), self._pid_file,
                              timeout=START_TIMEOUT + 10)
        except BrokerError:
            if self.process is not None:
                self.kill9()
            raise
        self.port = self._rabbit_ports[0]
        self.mqtt_port = self._rabbit_ports[3] or None
        if not wait_until(lambda: _accepts(self.port), 10):
            self.kill9()
            raise BrokerError("RabbitMQ did not listen on %d\n%s" % (self.port, self.log_tail()))

    def _rabbitmqctl(self, *args, timeout=60):
        return self._rabbit_cli("rabbitmqctl", *args, timeout=timeout)

    def _rabbit_cli(self, tool, *args, timeout=60):
        try:
            done = subprocess.run([os.path.join(RABBITMQ_BIN, tool)] + list(args),
                                  env=self._rabbit_env(), capture_output=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise BrokerError("%s %s timed out\n%s" % (tool, " ".join(args), self.log_tail()))
        if done.returncode != 0:
            raise BrokerError("%s %s failed (%d): %s%s\n%s"
                              % (tool, " ".join(args), done.returncode,
                                 done.stdout.decode(errors="replace"),
                                 done.stderr.decode(errors="replace"), self.log_tail()))
        return done.stdout.decode(errors="replace")

    def _stop_epmd(self):
        if self.epmd is not None:
            _killpg(self.epmd.pid)
            self.epmd.wait()
            self.epmd = None


def _killpg(pgid):
    try:
        os.killpg(pgid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _accepts(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


class BrokerTestCase(unittest.TestCase):
    """One broker shared by every test of a class; `broker_options` configures it."""

    broker_options = {}
    broker = None

    @classmethod
    def setUpClass(cls):
        cls.broker = Broker(**cls.broker_options).start()

    @classmethod
    def tearDownClass(cls):
        cls.broker.close()

    def tearDown(self):
        self.broker.assert_alive(self)

    def connect(self, broker=None, **options):
        """A pika BlockingConnection closed at the end of the test."""
        broker = broker or self.broker
        connection = pika.BlockingConnection(broker.params(**options))
        self.addCleanup(_close_quietly, connection)
        return connection

    def channel(self, broker=None, **options):
        return self.connect(broker, **options).channel()


def _close_quietly(connection):
    try:
        if connection.is_open:
            connection.close()
    except Exception:  # the broker may have closed it already; the test decides
        pass


def main():
    """Runs the calling module's tests. In sbx mode a skipped test is a failure: the
    broker must implement everything the capability map lists."""
    kind = mode()
    print("broker under test: %s" % (os.environ["SBX_BIN"] if kind == "sbx"
                                     else RABBITMQ_BIN + "/rabbitmq-server"), file=sys.stderr)
    program = unittest.main(module="__main__", exit=False, verbosity=2)
    result = program.result
    ok = result.wasSuccessful()
    if kind == "sbx" and result.skipped:
        print("FAILED: %d test(s) skipped against sbx; every test must run there"
              % len(result.skipped), file=sys.stderr)
        ok = False
    for broker in _ALL_BROKERS:
        if broker.process is not None:
            broker.kill9()
        broker._stop_epmd()
        if ok and not os.environ.get("SBX_KEEP_TMP"):
            shutil.rmtree(broker.dir, ignore_errors=True)
        else:
            print("kept %s" % broker.dir, file=sys.stderr)
    sys.exit(0 if ok else 1)
