"""Seed 002's agent (docs/mt5-jobs.md): paired by a user (agent id and pairing key, sent as X-Agent-Key), or the
executor itself with its own key (an agent is an executor of the same registry). It heartbeats, polls
GET /api/v1/agents/{id}/jobs/next, does each job (ea_jobs: compile, deploy, run, stop) and posts its result:

    POST /api/v1/agents/{id}/jobs/{job_id}/result  {"status": "completed"|"failed", "result": {...}, "logs": "..."}

A compile's EX5 goes in result.artifact_base64 with its name and SHA-256; everything else in result stays within the
gateway's 4 KiB, the logs within 16 KiB. Every result is written to state_dir/agent.json (atomically, forced) before
it is sent, and sent again until the gateway has it, so a job handed out again after a crash is answered with its
first result, never done twice (an EA terminal started twice, a second EX5). Runs on its own thread beside the
executor, or alone (no executor configured); never calls the MetaTrader5 package.
"""
import base64
import http.client
import json
import logging
import os
import threading
import time
import urllib.parse

from . import link, wire
from .ea_jobs import EaJobs, JobError
from .journal import write_atomically

LOG = logging.getLogger("ordergate_mt5.agent")
VERSION = "1.0.0"
MAX_RESULT_BYTES = 4096       # the gateway's bound on a result object (besides an artifact)
MAX_LOG_CHARS = 16000         # the gateway takes 16,384 characters of logs
KEEP_RESULTS = 50
JOBS_PER_POLL = 10
FINAL = (200, 404, 409, 413, 400)  # answered for good: taken, or refused for a reason a repeat would not change


def bounded_result(result):
    """The result object within the gateway's 4 KiB (an artifact aside): the largest other fields go first."""
    artifact = result.pop("artifact_base64", None)
    while result and len(wire.dumps(result).encode("utf-8")) > MAX_RESULT_BYTES:
        del result[max(result, key=lambda key: len(wire.dumps(result[key])))]
    if artifact is not None:
        result["artifact_base64"] = artifact
    return result


def bounded_logs(lines):
    """The job's log lines as one text of at most 16,000 characters: the first lines and the last, the middle cut."""
    text = "\n".join(lines)
    if len(text) <= MAX_LOG_CHARS:
        return text
    half = MAX_LOG_CHARS // 2 - 40
    return text[:half] + "\n... (%d characters cut) ...\n" % (len(text) - 2 * half) + text[-half:]


class AgentHttp:
    """One keep-alive connection to the gateway with the agent's credentials (standard library)."""

    def __init__(self, settings):
        self.scheme, self.host, self.port, self.prefix = link._base(settings.url)
        if settings.agent_key:
            self.auth = {"X-Agent-Key": settings.agent_key}
        else:  # the executor's own key: one program is both
            self.auth = {"X-API-Key": settings.api_key, "X-API-Secret": settings.api_secret}
        self._connection = None

    def call(self, method, path, body=None):
        """(status, JSON answer or None); link.LinkDown when nothing came back."""
        status, data = self._request(method, self.prefix + path, None if body is None else wire.dumps(body).encode())
        try:
            return status, json.loads(data.decode("utf-8")) if data else None
        except ValueError:
            return status, None

    def download(self, url):
        """The bytes at a download_url the gateway gave (its own path); JobError for anything else."""
        parts = urllib.parse.urlsplit(str(url))
        if parts.scheme or parts.netloc:
            if (parts.scheme, parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)) != \
                    (self.scheme, self.host, self.port):
                raise JobError("%s is not the gateway's: the agent's key is sent to the gateway only" % url)
        path = parts.path + ("?" + parts.query if parts.query else "")
        if not path.startswith(self.prefix + "/"):
            path = self.prefix + path
        status, data = self._request("GET", path, None)
        if status != 200:
            raise JobError("GET %s answered %s" % (parts.path, status))
        return data

    def _request(self, method, path, payload):
        headers = dict(self.auth, **{"Content-Type": "application/json", "User-Agent": link.USER_AGENT + "-agent"})
        for attempt in (1, 2):
            reused = self._connection is not None
            try:
                if self._connection is None:
                    kind = http.client.HTTPSConnection if self.scheme == "https" else http.client.HTTPConnection
                    self._connection = kind(self.host, self.port, timeout=link.HTTP_TIMEOUT_SECONDS)
                self._connection.request(method, path, body=payload, headers=headers)
                response = self._connection.getresponse()
                return response.status, response.read()
            except (OSError, http.client.HTTPException) as error:
                self.close()
                if attempt == 2 or not reused:
                    raise link.LinkDown("%s %s: %s" % (method, path.split("?")[0], type(error).__name__))
        raise link.LinkDown("unreachable")

    def close(self):
        if self._connection is not None:
            self._connection.close()
            self._connection = None


class Agent:
    def __init__(self, settings, clock=time.monotonic):
        self.s = settings
        self.agent_id = settings.agent_id or settings.executor_id
        self.clock = clock
        self.http = AgentHttp(settings)
        os.makedirs(settings.state_dir, exist_ok=True)
        self.path = os.path.join(settings.state_dir, "agent.json")
        self.state = {"results": {}, "order": [], "unsent": [], "deployments": {}}
        if os.path.exists(self.path):
            with open(self.path, encoding="utf-8") as file:
                self.state.update(json.load(file))
        self.jobs = EaJobs(settings, self.state)
        self.stopping = threading.Event()
        self.next_heartbeat = 0.0
        self.next_poll = 0.0
        self.thread = None

    # ---- the loop ----

    def start(self):
        """Beside the executor: the agent's own thread, so a compile never holds up an order."""
        self.thread = threading.Thread(target=self.run, name="og-agent", daemon=True)
        self.thread.start()
        return self

    def run(self):
        LOG.info("agent %s %s: polling %s for EA jobs every %.0f s", self.agent_id, VERSION, self.s.url,
                 self.s.agent_poll_seconds)
        while not self.stopping.is_set():
            try:
                self.step()
            except Exception:  # one bad job or answer must not stop the agent
                LOG.exception("agent: unexpected error; carrying on")
            self.stopping.wait(max(0.05, min(self.next_poll, self.next_heartbeat) - self.clock()))
        return 0

    def close(self):
        self.stopping.set()
        if self.thread is not None and self.thread is not threading.current_thread():
            self.thread.join(30)
        self.jobs.stop_all()
        self.http.close()

    def step(self):
        now = self.clock()
        try:
            if now >= self.next_heartbeat:
                self.next_heartbeat = now + self.s.agent_heartbeat_seconds
                self._heartbeat()
            if now >= self.next_poll:
                self.next_poll = now + self.s.agent_poll_seconds
                if self._send_unsent():
                    self._poll()
        except link.LinkDown as error:
            LOG.warning("agent: gateway unreachable (%s); next try in %.0f s", error, self.s.agent_poll_seconds)

    def _heartbeat(self):
        status, answer = self.http.call("POST", "/api/v1/agents/%s/heartbeat" % self.agent_id, {
            "status": "online", "metrics": {"active_eas": self.jobs.active_eas(), "agent": "ordergate-mt5-python",
                                            "version": VERSION}})
        if status != 200:
            LOG.error("agent heartbeat answered %s %s", status, (answer or {}).get("error"))

    def _poll(self):
        for _ in range(JOBS_PER_POLL):
            status, job = self.http.call("GET", "/api/v1/agents/%s/jobs/next" % self.agent_id)
            if status != 200 or not isinstance(job, dict):
                LOG.error("agent jobs/next answered %s %s", status, (job or {}).get("error"))
                return
            if job.get("no_jobs") or not job.get("job_id"):
                return
            self.on_job(job)
            if not self._send_unsent():
                return

    # ---- jobs ----

    def on_job(self, job):
        job_id = str(job["job_id"])
        if job_id in self.state["results"]:
            LOG.info("agent: job %s again: answering its first result", job_id)
            if job_id not in self.state["unsent"]:
                self.state["unsent"].append(job_id)
            return
        kind, payload = str(job.get("type")), job.get("payload") or {}
        LOG.info("agent: job %s (%s) for %s", job_id, kind, payload.get("deployment_id") or payload.get("version_id"))
        try:
            completed, result, lines = self._do(kind, payload)
        except JobError as error:
            completed, result, lines = False, {}, ["error: %s" % error]
        except OSError as error:
            completed, result, lines = False, {}, ["error: %s" % error]
        built = result.pop("artifact_bytes", None)
        if built is not None:
            result["artifact_base64"] = base64.b64encode(built).decode("ascii")
        body = {"status": "completed" if completed else "failed", "result": bounded_result(result),
                "logs": bounded_logs(lines)}
        self._remember(job_id, body)
        LOG.info("agent: job %s (%s) %s", job_id, kind, body["status"])

    def _do(self, kind, payload):
        if kind == "compile":
            return self.jobs.compile(payload, self.http.download(payload.get("source_url")))
        if kind == "deploy":
            result, lines = self.jobs.deploy(payload, self.http.download(payload.get("ex5_url")))
            return True, result, lines
        if kind == "run":
            result, lines = self.jobs.run(payload)
            return True, result, lines
        if kind == "stop":
            result, lines = self.jobs.stop(payload)
            return True, result, lines
        raise JobError("unknown job type %s" % kind)

    def _remember(self, job_id, body):
        """On disk before it is sent: a repeat of the job gets this very result."""
        self.state["results"][job_id] = body
        self.state["order"].append(job_id)
        self.state["unsent"].append(job_id)
        while len(self.state["order"]) > KEEP_RESULTS:
            old = self.state["order"].pop(0)
            if old not in self.state["unsent"]:
                self.state["results"].pop(old, None)
        self._save()

    def _send_unsent(self):
        """Sends the results not yet taken, oldest first; False while the gateway cannot take them."""
        while self.state["unsent"]:
            job_id = self.state["unsent"][0]
            status, answer = self.http.call("POST", "/api/v1/agents/%s/jobs/%s/result" % (self.agent_id, job_id),
                                            self.state["results"][job_id])
            if status not in FINAL:
                LOG.warning("agent: result of %s answered %s %s; sent again later", job_id, status,
                            (answer or {}).get("error"))
                return False
            if status != 200:
                LOG.warning("agent: the gateway refused the result of %s for good: %s %s", job_id, status,
                            (answer or {}).get("error"))
            self.state["unsent"].pop(0)
            # the gateway has the EX5 now (or refused it for good): a finished job is never handed out again
            self.state["results"][job_id]["result"].pop("artifact_base64", None)
            self._save()
        return True

    def _save(self):
        write_atomically(self.path, wire.dumps(self.state))
