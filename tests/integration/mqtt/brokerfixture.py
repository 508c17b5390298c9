"""Starts the broker under test for the MQTT integration suite.

Which broker:
  SBX_BIN=/path/to/sbx        runs `sbx broker ...` (what ctest does; nothing may skip)
  SBX_REFERENCE=mosquitto     runs Debian's /usr/sbin/mosquitto as a reference, to prove the
                              tests themselves against an established broker

Both get free loopback ports and a fresh temp dir. `Broker.restart()` and `Broker.kill9()`
keep the data dir, so persistence and crash durability can be tested.
"""

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

MOSQUITTO = "/usr/sbin/mosquitto"
START_TIMEOUT = 15.0
STOP_TIMEOUT = 10.0

# What the broker under test can do. `sbx broker` must do everything here (its contract);
# mosquitto 2.0.11 lacks a few, and tests needing those skip in reference mode only.
CAPABILITIES = {
    # The contract of `sbx broker`: `listening mqtt 127.0.0.1:N` lines on stdout.
    "listening_lines": {"sbx": True, "mosquitto": False},
    # A PUBACK/PUBREC sent means the message is on disk (--durability synced). mosquitto
    # only writes its persistence file on autosave_interval and at shutdown, so kill -9
    # loses whatever arrived since the last save.
    "kill9_durability": {"sbx": True, "mosquitto": False},
    # Our contract says CONNACK *advertises* Retain/Wildcard/Subscription Identifier/
    # Shared Subscription Available = 1. MQTT 5.0 3.2.2.3.5, 3.2.2.3.11-13 allow omitting
    # them (absent means available), which is what mosquitto does.
    "connack_explicit_availability": {"sbx": True, "mosquitto": False},
    # --max-topic-length / --max-topic-levels have no mosquitto equivalent.
    "topic_limits": {"sbx": True, "mosquitto": False},
    # Our contract refuses an invalid filter in its SUBACK (v5 0x8F, 3.1.1 0x80) so the
    # other filters of the SUBSCRIBE still apply. mosquitto treats it as a malformed
    # packet and disconnects, which 3.1.1 4.8 and 5.0 4.13 also permit.
    "invalid_filter_suback": {"sbx": True, "mosquitto": False},
    # MQTT 5.0 4.13.1: on a Malformed Packet or Protocol Error the server SHOULD send a
    # DISCONNECT with the reason code before closing. mosquitto 2.0.11 closes silently
    # after a bad remaining length and after a second CONNECT (it does send 0x81 for other
    # malformed packets). Where this is False the tests also accept a silent close.
    "v5_disconnect_before_close": {"sbx": True, "mosquitto": False},
    # MQTT 5.0 3.1.4 (CONNECT actions, step 2): on a client id takeover the server sends
    # the existing client DISCONNECT 0x8E Session taken over. mosquitto 2.0.11 just closes.
    "v5_takeover_disconnect": {"sbx": True, "mosquitto": False},
    # The in-flight window to a client (--max-inflight, and the client's Receive Maximum,
    # MQTT 5.0 3.3.4-9: the server MUST NOT have more unacknowledged QoS>0 PUBLISHes
    # out than that) holds at all times. mosquitto 2.0.11 keeps it for the first window
    # only: each PUBACK then releases a whole new window, violating 3.3.4-9.
    "inflight_window_after_ack": {"sbx": True, "mosquitto": False},
}

# Numeric properties of each broker.
LIMITS = {
    # MQTT 3.1.1 3.1.2.10 / 5.0 3.1.2.10: no packet within 1.5 x Keep Alive means the
    # server MUST close. For keepalive 1 s that is 1.5 s; sbx must close by 2.5 s.
    # mosquitto 2.0.11 only looks at idle connections every few seconds and closes after
    # up to ~6 s, a deviation from the spec's timing; the bound is relaxed only for it.
    "keepalive_1s_close_by": {"sbx": 2.5, "mosquitto": 7.0},
    # MQTT 5.0 3.2.2.3.6: Maximum Packet Size is the total packet size. mosquitto 2.0.11
    # compares it with the remaining length, so it admits packets up to 2 bytes (fixed
    # header) larger than configured.
    "max_packet_size_slack": {"sbx": 0, "mosquitto": 2},
    # --max-connections N admits N. mosquitto 2.0.11's max_connections admits N + 1.
    "max_connections_slack": {"sbx": 0, "mosquitto": 1},
}


def mode():
    """'sbx' or 'mosquitto'; exits with a usage message when neither (or both) is set."""
    sbx_bin = os.environ.get("SBX_BIN")
    reference = os.environ.get("SBX_REFERENCE")
    if sbx_bin and reference:
        sys.exit("set SBX_BIN or SBX_REFERENCE=mosquitto, not both")
    if sbx_bin:
        return "sbx"
    if reference == "mosquitto":
        return "mosquitto"
    sys.exit("set SBX_BIN=/path/to/sbx (the broker under test) or SBX_REFERENCE=mosquitto")


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
LISTENING_LINE = re.compile(r"^listening (mqtt|ws) 127\.0\.0\.1:(\d+)$")


class BrokerError(RuntimeError):
    pass


class Broker:
    """One broker process with its own temp dir.

    Options (all optional): persistent (use a data dir), ws (WebSocket listener),
    durability, sys_interval, max_connections, max_packet_size, max_inflight,
    max_queued, max_topic_length, max_topic_levels.
    """

    def __init__(self, persistent=False, ws=False, **limits):
        self.kind = mode()
        self.persistent = persistent
        self.ws = ws
        self.limits = limits
        self.dir = tempfile.mkdtemp(prefix="sbx-mqtt-")
        self.data_dir = os.path.join(self.dir, "data")
        self.log_path = os.path.join(self.dir, "broker.log")
        self.process = None
        self.port = None
        self.ws_port = None
        self.stdout_lines = []
        self.exit_codes = []
        self.host = "127.0.0.1"
        _ALL_BROKERS.append(self)

    # -------------------------------------------------------------------- life cycle

    def start(self):
        if self.process is not None:
            raise BrokerError("broker already running")
        os.makedirs(self.data_dir, exist_ok=True)
        log = open(self.log_path, "ab")
        log.write(b"==== start %s\n" % time.ctime().encode())
        log.flush()
        if self.kind == "sbx":
            self._start_sbx(log)
        else:
            self._start_mosquitto(log)
        log.close()
        return self

    def stop(self):
        """SIGTERM, then SIGKILL after STOP_TIMEOUT. Returns the exit code."""
        if self.process is None:
            return None
        self.process.send_signal(signal.SIGTERM)
        return self._reap(STOP_TIMEOUT)

    def interrupt(self):
        """SIGINT (Ctrl-C); returns the exit code."""
        self.process.send_signal(signal.SIGINT)
        return self._reap(STOP_TIMEOUT)

    def kill9(self):
        """SIGKILL without warning; the data dir stays."""
        self.process.send_signal(signal.SIGKILL)
        self._reap(STOP_TIMEOUT)

    def restart(self):
        """Clean stop and start with the same data dir. Ports may change."""
        code = self.stop()
        if code != 0:
            raise BrokerError("broker exited with %r on SIGTERM\n%s" % (code, self.log_tail()))
        return self.start()

    def close(self):
        """Stops the broker; fails when it did not exit cleanly on SIGTERM."""
        if self.process is None:
            return
        alive = self.process.poll() is None
        code = self.stop()
        if not alive:
            raise BrokerError("broker died during the tests (exit %r)\n%s"
                              % (code, self.log_tail()))
        if code != 0:
            raise BrokerError("broker exited with %r on SIGTERM\n%s" % (code, self.log_tail()))

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
            self.process.kill()
            code = self.process.wait()
            code = "killed after %.0f s without exiting" % timeout
        self.process = None
        self.exit_codes.append(code)
        return code

    # -------------------------------------------------------------------- sbx

    def _sbx_command(self):
        cmd = [os.environ["SBX_BIN"], "broker", "--mqtt-port", "0", "--log-level", "debug"]
        if self.ws:
            cmd += ["--ws-port", "0"]
        if self.persistent:
            cmd += ["--data-dir", self.data_dir]
        for option, value in self.limits.items():
            cmd += ["--" + option.replace("_", "-"), str(value)]
        return cmd

    def _start_sbx(self, log):
        self.process = subprocess.Popen(self._sbx_command(), stdout=subprocess.PIPE,
                                        stderr=log, stdin=subprocess.DEVNULL)
        lines = []
        ready = threading.Event()
        wanted = {"mqtt", "ws"} if self.ws else {"mqtt"}
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
        ready.wait(START_TIMEOUT)
        self.stdout_lines = lines
        if not wanted <= ports.keys():
            self.kill9()
            raise BrokerError("sbx broker did not print %s within %.0f s; stdout: %r\n%s"
                              % (sorted(wanted), START_TIMEOUT, lines, self.log_tail()))
        self.port = ports["mqtt"]
        self.ws_port = ports.get("ws")

    # -------------------------------------------------------------------- mosquitto

    def _mosquitto_config(self):
        self.port = free_port()
        self.ws_port = free_port() if self.ws else None
        lim = self.limits
        conf = [
            "per_listener_settings false",
            "allow_anonymous true",
            "log_dest stderr",
            "log_type all",
            "set_tcp_nodelay true",
        ]
        if os.geteuid() == 0:
            # As root mosquitto switches to user "mosquitto", who cannot write our temp dir.
            conf.append("user root")
        conf += [
            "sys_interval %d" % lim.get("sys_interval", 10),
            # mosquitto defaults to 1000 queued messages; lift that so only the tests that
            # configure a bound (max_queued) meet one.
            "max_queued_messages %d" % lim.get("max_queued", 0),
        ]
        if self.persistent:
            conf += ["persistence true", "persistence_location %s/" % self.data_dir,
                     "autosave_interval 1"]
        if "max_inflight" in lim:
            conf.append("max_inflight_messages %d" % lim["max_inflight"])
        if "max_packet_size" in lim:
            conf.append("max_packet_size %d" % lim["max_packet_size"])
        conf.append("listener %d 127.0.0.1" % self.port)
        if "max_connections" in lim:
            conf.append("max_connections %d" % lim["max_connections"])
        if self.ws:
            conf += ["listener %d 127.0.0.1" % self.ws_port, "protocol websockets"]
        unknown = set(lim) - {"sys_interval", "max_queued", "max_inflight", "max_packet_size",
                              "max_connections", "durability"}
        if unknown:
            raise BrokerError("mosquitto has no equivalent for %s" % sorted(unknown))
        return "\n".join(conf) + "\n"

    def _start_mosquitto(self, log):
        conf_path = os.path.join(self.dir, "mosquitto.conf")
        with open(conf_path, "w") as conf:
            conf.write(self._mosquitto_config())
        self.process = subprocess.Popen([MOSQUITTO, "-c", conf_path], stdout=log, stderr=log,
                                        stdin=subprocess.DEVNULL)
        ports = [self.port] + ([self.ws_port] if self.ws else [])
        if not wait_until(lambda: not self.alive() or all(map(_accepts, ports)), START_TIMEOUT):
            self.kill9()
            raise BrokerError("mosquitto did not listen on %s\n%s" % (ports, self.log_tail()))
        if not self.alive():
            code = self._reap(0)
            raise BrokerError("mosquitto exited with %r\n%s" % (code, self.log_tail()))


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


def main():
    """Runs the calling module's tests. In sbx mode a skipped test is a failure: the
    broker must implement everything the capability map lists."""
    kind = mode()
    print("broker under test: %s" % (os.environ["SBX_BIN"] if kind == "sbx" else MOSQUITTO),
          file=sys.stderr)
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
        if ok and not os.environ.get("SBX_KEEP_TMP"):
            shutil.rmtree(broker.dir, ignore_errors=True)
        else:
            print("kept %s" % broker.dir, file=sys.stderr)
    sys.exit(0 if ok else 1)
