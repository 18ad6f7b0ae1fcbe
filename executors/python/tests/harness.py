"""What the tests drive: a real Ordergate gateway in a child process, the executor in a child process (so kill -9 is
real), and the stand-in MetaTrader5 terminal (tests/standin) whose state file both the executor and the test use.

The gateway is started with ORDERGATE_GATEWAY_CMD (a JSON list: the command before --port/--data-dir, which the
Maven test sets to the build's classpath) or else `java -jar gateway-http/target/ordergate.jar`.
"""
import atexit
import io
import json
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
EXECUTOR_DIR = os.path.dirname(HERE)
REPO = os.path.dirname(os.path.dirname(EXECUTOR_DIR))
STANDIN = os.path.join(HERE, "standin")
ADMIN_KEY = "og_pyexec_admin"
ADMIN_SECRET = "pyexec-admin-secret-0123456789"

sys.path.insert(0, STANDIN)
sys.path.insert(0, EXECUTOR_DIR)
import MetaTrader5 as standin  # noqa: E402 - the stand-in, from the path set above


def wait_until(what, condition, timeout=15.0):
    """Polls condition until it returns something truthy (and returns that), or fails naming what it waited for."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError("timed out after %.0f s waiting for %s" % (timeout, what))
        time.sleep(0.05)


def order_command(results, order_id):
    """The result of an order's command, keyed ord_<order id>_<start epoch> (the gateway start the order was made in),
    or None: tests know the order id, not the epoch (a restarted gateway counts one more)."""
    for command_id, result in results.items():
        if command_id.startswith("ord_%s_" % order_id):
            return result
    return None


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def gateway_command():
    configured = os.environ.get("ORDERGATE_GATEWAY_CMD")
    if configured:
        return json.loads(configured)
    jar = os.path.join(REPO, "gateway-http", "target", "ordergate.jar")
    if not os.path.exists(jar):
        raise AssertionError("no gateway to test against: build it (mvn -B -q -DskipTests package) or set "
                             "ORDERGATE_GATEWAY_CMD")
    return ["java", "-jar", jar]


class Gateway:
    def __init__(self, data_dir, port=0, log_path=None):
        self.data_dir = data_dir
        env = dict(os.environ, ORDERGATE_API_KEY=ADMIN_KEY, ORDERGATE_API_SECRET=ADMIN_SECRET,
                   ORDERGATE_DEMO_FEED="off")
        self._log = open(log_path or os.path.join(os.path.dirname(data_dir), "gateway.log"), "ab")
        self.process = subprocess.Popen(gateway_command() + ["--port", str(port), "--data-dir", data_dir],
                                        stdout=subprocess.PIPE, stderr=self._log, env=env)
        self.port = self._await_banner()
        self.url = "http://127.0.0.1:%d" % self.port

    def _await_banner(self):
        found = {}

        def read():
            for raw in self.process.stdout:
                line = raw.decode("utf-8", "replace")
                if line.startswith("Ordergate listening on http://"):
                    found["port"] = int(line.split("http://", 1)[1].split(" ", 1)[0].rsplit(":", 1)[1])
        threading.Thread(target=read, daemon=True).start()
        return wait_until("the gateway's banner", lambda: found.get("port") or (self.process.poll() is not None
                                                                                   and self._died()), 60)

    def _died(self):
        raise AssertionError("the gateway exited with %s before listening" % self.process.returncode)

    def call(self, method, path, body=None, key=ADMIN_KEY, secret=ADMIN_SECRET):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.url + path, data=data, method=method, headers={
            "Content-Type": "application/json", "X-API-Key": key, "X-API-Secret": secret})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null")

    def ok(self, method, path, body=None):
        status, answer = self.call(method, path, body)
        if status >= 300:
            raise AssertionError("%s %s answered %s %s" % (method, path, status, answer))
        return answer

    def new_account_and_executor(self, account_id, balance=10000):
        self.ok("POST", "/api/v1/accounts", {"account_id": account_id, "venue": "mt5", "currency": "USD",
                                             "balance": balance, "leverage": 100})
        return self.ok("POST", "/api/v1/executors", {"name": "py " + account_id, "platform": "MT5",
                                                     "account_id": account_id})

    def order(self, account_id, side, quantity, **extra):
        body = dict(account_id=account_id, symbol="EURUSD", side=side, type="market", quantity=quantity, **extra)
        return self.call("POST", "/api/v1/orders", body)

    def order_status(self, order_id):
        return self.ok("GET", "/api/v1/orders/%s" % order_id)

    def positions(self, account_id):
        return self.ok("GET", "/api/v1/positions?account_id=" + account_id)["positions"]

    def executor(self, executor_id):
        return self.ok("GET", "/api/v1/executors/" + executor_id)

    def kill(self):
        self.process.kill()
        self.process.wait(30)
        self._closed()

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(30)
        self._closed()

    def _closed(self):
        self.process.stdout.close()
        self._log.close()


_shared = {}


def shared_gateway():
    """One gateway for every test class that needs no gateway of its own, stopped when the tests end."""
    if "gateway" not in _shared:
        workdir = tempfile.mkdtemp(prefix="og-pyexec-")
        _shared["gateway"] = Gateway(os.path.join(workdir, "data"))
        atexit.register(lambda: (_shared["gateway"].stop(), shutil.rmtree(workdir, ignore_errors=True)))
    return _shared["gateway"]


class Terminal:
    """The test's hands on the stand-in terminal the executor uses: the same state file, the same functions."""

    def __init__(self, state_file, **settings):
        self.state_file = state_file
        standin._standin_attach(state_file)
        standin._standin_reset(**settings)
        assert standin.initialize(login=5000001, password="master", server="Standin-Demo"), standin.last_error()

    def attach(self):
        standin._standin_attach(self.state_file)
        return standin

    def state(self):
        return self.attach()._standin_state()

    def positions(self):
        return self.state()["positions"]

    def deals(self):
        return self.state()["deals"]


class ExecutorProcess:
    def __init__(self, workdir, gateway_url, executor, state_file, transport="auto", env=None, name="executor",
                 agent=None):
        """executor None: an agent alone (agent: the [agent] section's keys and values)."""
        self.workdir = workdir
        self.state_dir = os.path.join(workdir, "state")
        self.config = os.path.join(workdir, "executor.ini")
        self.log_path = os.path.join(workdir, name + ".log")
        with open(self.config, "w") as file:
            file.write("[gateway]\nurl = %s\ntransport = %s\nheartbeat_seconds = 2\npoll_seconds = 0.2\n"
                       % (gateway_url, transport))
            if executor is not None:
                file.write("executor_id = %s\napi_key = %s\napi_secret = %s\n[terminal]\nlogin = 5000001\n"
                           "password = master\nserver = Standin-Demo\n"
                           % (executor["executor_id"], executor["api_key"], executor["api_secret"]))
            file.write("[executor]\nstate_dir = %s\nscan_seconds = 0.1\nlog_level = DEBUG\n" % self.state_dir)
            if agent:
                file.write("[agent]\n" + "".join("%s = %s\n" % item for item in agent.items()))
        os.chmod(self.config, 0o600)
        self.env = dict(os.environ, PYTHONPATH=os.pathsep.join([STANDIN, EXECUTOR_DIR]), **(env or {}))
        if state_file:
            self.env["MT5_STANDIN_STATE"] = state_file
        self.process = None

    def start(self):
        self._log = open(self.log_path, "ab")
        self.process = subprocess.Popen([sys.executable, os.path.join(EXECUTOR_DIR, "run_executor.py"),
                                         "--config", self.config], stdout=self._log, stderr=self._log, env=self.env)
        return self

    def kill(self):
        self.process.kill()
        self.process.wait(30)
        self._log.close()

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(15)
            self._log.close()

    def log(self):
        with open(self.log_path, encoding="utf-8", errors="replace") as file:
            return file.read()

    def results(self):
        """The executor's results file: command id to its first result."""
        path = os.path.join(self.state_dir, "results.log")
        found = {}
        if os.path.exists(path):
            with open(path, encoding="utf-8") as file:
                for line in file:
                    if line.endswith("\n"):
                        record = json.loads(line)
                        if record["k"] == "R":
                            found[record["id"]] = record["r"]
        return found


class InProcessExecutorTest(unittest.TestCase):
    """The executor object in this process, beside a stand-in terminal, with no gateway: for what the gateway does
    not send yet or what needs a crash at an exact point. command() goes through the executor's own command path."""
    accounts = None
    frozen_time = None

    def setUp(self):
        from ordergate_mt5 import settings as settings_module
        from ordergate_mt5.executor import Executor
        self.dir = tempfile.mkdtemp(prefix="og-pyexec-inproc-")
        self.addCleanup(shutil.rmtree, self.dir, True)
        self.terminal = Terminal(os.path.join(self.dir, "terminal.json"), accounts=self.accounts,
                                 frozen_time=self.frozen_time)
        self.mt5 = self.terminal.attach()
        config = os.path.join(self.dir, "executor.ini")
        with open(config, "w") as file:
            file.write("[gateway]\nurl = http://127.0.0.1:9\nexecutor_id = exe_h\napi_key = exe_k\n"
                       "api_secret = secret-of-the-executor\n[terminal]\nlogin = 5000001\npassword = master\n"
                       "server = Standin-Demo\n")
        os.chmod(config, 0o600)
        self.settings = settings_module.load(["--config", config, "--state-dir", os.path.join(self.dir, "state")], {})
        self.log = io.StringIO()
        handler = logging.StreamHandler(self.log)
        self.guard = settings_module.SecretFilter(self.settings.secrets())
        handler.addFilter(self.guard)
        logging.getLogger().addHandler(handler)
        logging.getLogger().setLevel(logging.DEBUG)
        self.addCleanup(logging.getLogger().removeHandler, handler)
        self.executor = Executor(self.settings, self.mt5, self.guard)
        self.addCleanup(lambda: self.executor.journal.close())
        self.assertTrue(self.executor.terminal.ensure())

    def restart(self):
        """A new executor on the same state directory, as after kill -9 (the journal forced every line already)."""
        from ordergate_mt5.executor import Executor
        self.executor.journal.close()
        self.executor = Executor(self.settings, self.mt5, self.guard)
        self.assertTrue(self.executor.terminal.ensure())

    def command(self, command_id, kind, **parameters):
        self.executor.on_command({"id": command_id, "command": kind, "parameters": parameters})
        return self.executor.journal.result(command_id)
