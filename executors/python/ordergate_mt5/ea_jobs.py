"""Seed 002's jobs done on this machine, as MetaTrader 5 does them (docs/mt5-jobs.md):

- compile: the job's MQL5 source (its SHA-256 checked) written to MQL5/Experts/Ordergate/, compiled by MetaEditor's
  documented command line (MetaEditor64.exe /compile:"file.mq5" /log:"file.log"); the EX5 it writes and its log
  (UTF-16 with a BOM) are the result;
- deploy: the job's EX5 (its SHA-256 checked) written to MQL5/Experts/Ordergate/;
- run: the EA terminal (a terminal64.exe kept for EAs) started with /config: a start-up file whose [StartUp] section
  names the Expert and Symbol, MetaTrader 5's documented way to open a chart with an EA on it;
- stop: that terminal process ended.

Each job answers (completed, result, log lines). The MetaTrader5 package is not used here: these run on the agent's
own thread. Not thread safe: one agent thread.
"""
import hashlib
import logging
import os
import re
import subprocess
import time

LOG = logging.getLogger("ordergate_mt5.ea_jobs")
COMPILE_TIMEOUT_SECONDS = 180
START_CHECK_SECONDS = 2.0
STOP_WAIT_SECONDS = 15
SUBFOLDER = "Ordergate"
RESULT_LINE = re.compile(r"result:?\s*(\d+)\s+errors?,\s*(\d+)\s+warnings?", re.IGNORECASE)


class JobError(Exception):
    """The job cannot be done; the message says why and goes to the deployment's logs."""


def sha256_hex(data):
    return hashlib.sha256(data).hexdigest()


def safe_name(name, extension):
    """A file name from the job that stays a plain name in the Experts folder: no path, only the expected extension."""
    base = os.path.basename(str(name or "").replace("\\", "/"))
    stem = re.sub(r"[^A-Za-z0-9_.-]", "_", os.path.splitext(base)[0])[:64] or "ea"
    return stem + extension


def read_compiler_log(path):
    """MetaEditor writes its log in UTF-16 with a byte order mark; a stand-in or older build may write UTF-8."""
    with open(path, "rb") as file:
        raw = file.read()
    if raw.startswith(b"\xff\xfe") or raw.startswith(b"\xfe\xff"):
        return raw.decode("utf-16", "replace")
    return raw.decode("utf-8", "replace")


class EaJobs:
    def __init__(self, settings, state):
        self.s = settings
        self.state = state  # the agent's state dict: deployments (file, symbol) survive restarts
        self.processes = {}  # deployment id -> the EA terminal process this agent started

    @property
    def experts_dir(self):
        return os.path.join(self.s.agent_mql5_dir, "Experts", SUBFOLDER)

    def active_eas(self):
        return sum(1 for process in self.processes.values() if process.poll() is None)

    # ---- compile ----

    def compile(self, payload, source):
        if sha256_hex(source) != str(payload.get("source_sha256", "")).lower():
            raise JobError("the source's SHA-256 is not the job's: not compiled")
        if not self.s.agent_metaeditor or not os.path.isfile(self.s.agent_metaeditor):
            raise JobError("MetaEditor not found at %s: set [agent] metaeditor" % self.s.agent_metaeditor)
        os.makedirs(self.experts_dir, exist_ok=True)
        name = safe_name(payload.get("file_name"), ".mq5")
        mq5 = os.path.join(self.experts_dir, name)
        ex5 = mq5[:-4] + ".ex5"
        log_path = mq5[:-4] + ".log"
        with open(mq5, "wb") as file:
            file.write(source)
        for stale in (ex5, log_path):
            if os.path.exists(stale):
                os.remove(stale)  # only what this compile writes counts
        started = time.monotonic()
        try:
            subprocess.run([self.s.agent_metaeditor, "/compile:" + mq5, "/log:" + log_path],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=COMPILE_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            raise JobError("MetaEditor did not finish within %d s" % COMPILE_TIMEOUT_SECONDS)
        except OSError as error:
            raise JobError("MetaEditor could not be started: %s" % error)
        elapsed_ms = int((time.monotonic() - started) * 1000)
        lines = read_compiler_log(log_path).splitlines() if os.path.exists(log_path) else ["(MetaEditor wrote no log)"]
        lines = [line.strip() for line in lines if line.strip()]
        errors, warnings = self._counts(lines)
        result = {"compilation_time_ms": elapsed_ms, "errors": errors, "warnings": warnings}
        if errors or not os.path.exists(ex5):
            return False, result, lines
        with open(ex5, "rb") as file:
            built = file.read()
        result.update(artifact_name=os.path.basename(ex5), artifact_sha256=sha256_hex(built), artifact_bytes=built)
        return True, result, lines + ["Output: %s (%d bytes)" % (os.path.basename(ex5), len(built))]

    @staticmethod
    def _counts(lines):
        for line in reversed(lines):
            found = RESULT_LINE.search(line)
            if found:
                return int(found.group(1)), int(found.group(2))
        return (1 if any("error" in line.lower() for line in lines) else 0), 0

    # ---- deploy, run, stop ----

    def deploy(self, payload, ex5):
        expected = payload.get("ex5_sha256")
        if expected and sha256_hex(ex5) != str(expected).lower():
            raise JobError("the EX5's SHA-256 is not the job's: not deployed")
        os.makedirs(self.experts_dir, exist_ok=True)
        name = safe_name(payload.get("file_name"), ".ex5")
        path = os.path.join(self.experts_dir, name)
        temp = path + ".tmp"
        with open(temp, "wb") as file:
            file.write(ex5)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp, path)
        self.state.setdefault("deployments", {})[str(payload.get("deployment_id"))] = {
            "file": name, "symbol": payload.get("symbol")}
        return {"path": path, "bytes": len(ex5)}, ["copied %s to MQL5\\Experts\\%s\\%s (%d bytes, SHA-256 checked)"
                                                  % (name, SUBFOLDER, name, len(ex5))]

    def run(self, payload):
        deployment = str(payload.get("deployment_id"))
        known = self.state.get("deployments", {}).get(deployment)
        if known is None:
            raise JobError("deployment %s was not deployed by this agent: deploy it first" % deployment)
        symbol = str(payload.get("symbol") or known.get("symbol") or "")
        running = self.processes.get(deployment)
        if running is not None and running.poll() is None:
            return {"pid": running.pid}, ["EA already running on %s" % symbol]
        for other, process in self.processes.items():
            if process.poll() is None:
                raise JobError("the EA terminal already runs deployment %s: stop it first (one EA terminal, one "
                               "chart at a time)" % other)
        if not self.s.agent_terminal or not os.path.isfile(self.s.agent_terminal):
            raise JobError("the EA terminal is not found at %s: set [agent] ea_terminal" % self.s.agent_terminal)
        startup = self._startup_file(deployment, known["file"], symbol)
        process = subprocess.Popen([self.s.agent_terminal, "/portable", "/config:" + startup],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + START_CHECK_SECONDS
        while time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.1)
        if process.poll() is not None:
            raise JobError("the EA terminal exited at once (status %s)" % process.returncode)
        self.processes[deployment] = process
        return {"pid": process.pid}, ["EA started on %s (%s in terminal process %d)" % (symbol, known["file"],
                                                                                        process.pid)]

    def stop(self, payload):
        deployment = str(payload.get("deployment_id"))
        symbol = payload.get("symbol")
        process = self.processes.pop(deployment, None)
        if process is None or process.poll() is not None:
            return {}, ["EA stopped on %s (it was not running)" % symbol]
        process.terminate()
        try:
            process.wait(STOP_WAIT_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(STOP_WAIT_SECONDS)
        return {}, ["EA stopped on %s (terminal process %d ended)" % (symbol, process.pid)]

    def stop_all(self):
        for deployment in list(self.processes):
            self.stop({"deployment_id": deployment, "symbol": ""})

    def _startup_file(self, deployment, ex5_name, symbol):
        """MetaTrader 5's start-up configuration: [StartUp] Expert (under MQL5\\Experts), Symbol, Period."""
        folder = os.path.join(self.s.state_dir, "agent")
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, safe_name(deployment, ".ini"))
        with open(path, "w", encoding="utf-8") as file:
            file.write("[StartUp]\nExpert=%s\\%s\nSymbol=%s\nPeriod=H1\n"
                       % (SUBFOLDER, os.path.splitext(ex5_name)[0], symbol))
        return path
