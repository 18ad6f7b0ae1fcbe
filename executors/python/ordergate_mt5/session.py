"""The executor's side of the executor protocol (seed 000 plus the WebSocket push channel, docs/executors.md):

- commands come pushed on the WebSocket, or in pendingCommands of every heartbeat answer;
- heartbeats, results and trade reports go out on the WebSocket as {"type": "heartbeat" | "command_result" |
  "trade", ...}, or over HTTP (POST /api/executor/{id}/heartbeat, PATCH /api/executor/{id}/command, POST
  /api/trade) while there is no WebSocket: transport "auto" polls over HTTP until the socket is back;
- the outbox goes out in order, one item in flight on the socket, each until the gateway answers for it (its
  answer names the command id or the ticket), sent again after a silence: the gateway answers a repeat as the first;
- a dead link is retried with back-off: HTTP 0.5 s doubling to 5 s; the socket the same, or to 30 s while HTTP
  polling stands in for it (transport "auto").

Not thread safe: the executor's main thread (the socket's reader thread only queues frames).
"""
import logging
import queue
import time

from . import link, wire

LOG = logging.getLogger("ordergate_mt5.session")
ACK_TIMEOUT_SECONDS = 10.0
MIN_BACKOFF_SECONDS = 0.5
MAX_BACKOFF_SECONDS = 5.0
SOCKET_BACKOFF_WITH_POLLING_SECONDS = 30.0
MAX_HTTP_SENDS_PER_STEP = 50
PERMANENT = ("VALIDATION_ERROR", "INVALID_JSON", "NOT_FOUND", "CONFLICT", "PAYLOAD_TOO_LARGE")


class Backoff:
    def __init__(self, longest=MAX_BACKOFF_SECONDS):
        self.longest = longest
        self.delay = MIN_BACKOFF_SECONDS
        self.next = 0.0

    def failed(self, now):
        self.next = now + self.delay
        self.delay = min(self.longest, self.delay * 2)

    def succeeded(self):
        self.delay = MIN_BACKOFF_SECONDS
        self.next = 0.0


class GatewaySession:
    def __init__(self, settings, outbox, on_command, heartbeat_body, clock=time.monotonic):
        self.s = settings
        self.outbox = outbox
        self.on_command = on_command
        self.heartbeat_body = heartbeat_body
        self.clock = clock
        self.use_socket = settings.transport in ("auto", "websocket") and link.websocket is not None
        self.use_http = settings.transport in ("auto", "http")
        self.http = link.HttpClient(settings)
        self.inbound = queue.Queue()
        self.socket = None
        # a WebSocket attempt can block for its connect timeout: tried less often while HTTP polling stands in
        self.socket_backoff = Backoff(SOCKET_BACKOFF_WITH_POLLING_SECONDS if self.use_http else MAX_BACKOFF_SECONDS)
        self.http_backoff = Backoff()
        self.inflight = None  # (item, sent at) on the socket; item None for a heartbeat
        self.hold_until = 0.0  # rate limited or not ready: nothing is sent before this
        self.next_heartbeat = 0.0
        self.last_heartbeat = float("-inf")
        self.next_poll = 0.0
        self.connections = 0

    @property
    def channel(self):
        return "websocket" if self.socket is not None else "http" if self.use_http else None

    def step(self, wait_seconds):
        now = self.clock()
        if self.use_socket and self.socket is None and now >= self.socket_backoff.next:
            self._open_socket(now)
        if self.socket is None and self.use_http:
            wait_seconds = min(wait_seconds, max(0.0, max(self.next_poll, self.http_backoff.next) - now))
        self._receive(wait_seconds)
        now = self.clock()
        if self.socket is not None:
            if now >= self.next_heartbeat and self.inflight is None and now >= self.hold_until:
                self._send_on_socket(None, {"type": "heartbeat", **self.heartbeat_body()}, now)
        elif self.use_http and now >= self.next_poll and now >= self.http_backoff.next:
            self._poll(now)
        self.flush()

    def heartbeat_soon(self):
        """A heartbeat within a second (the balance or the positions changed), not only when one is due."""
        self.next_heartbeat = min(self.next_heartbeat, max(self.clock(), self.last_heartbeat + 1.0))

    def flush(self):
        """Sends what the outbox holds, as far as the link allows now."""
        if self.socket is not None:
            self._flush_socket(self.clock())
        elif self.use_http:
            self._flush_http(self.clock())

    def close(self):
        if self.socket is not None:
            self.socket.close()
            self.socket = None
        self.http.close()

    def reconnect(self):
        """Drops the WebSocket (RESTART): it is opened again on the next step."""
        if self.socket is not None:
            self.socket.close()
            self._socket_lost("restart requested")
        self.socket_backoff.succeeded()

    # ---- the WebSocket ----

    def _open_socket(self, now):
        try:
            self.socket = link.Socket(self.s, self.inbound).open()
        except link.LinkDown as error:
            first = self.socket_backoff.delay == MIN_BACKOFF_SECONDS
            self.socket_backoff.failed(now)
            (LOG.warning if first else LOG.debug)("%s; %s, next try in %.1f s", error, "polling over HTTP meanwhile"
                                                  if self.use_http else "retrying", self.socket_backoff.next - now)
            return
        self.connections += 1
        self.socket_backoff.succeeded()
        self.inflight = None
        self.next_heartbeat = 0.0  # tell the gateway at once that the executor is here
        LOG.info("WebSocket open to %s", self.socket.url)

    def _socket_lost(self, why):
        LOG.warning("WebSocket lost (%s); reconnecting with back-off", why)
        self.socket = None
        self.inflight = None
        self.socket_backoff.failed(self.clock())
        self.next_poll = 0.0

    def _receive(self, wait_seconds):
        deadline = self.clock() + max(0.0, wait_seconds)
        while True:
            try:
                generation, text = self.inbound.get(timeout=max(0.0, deadline - self.clock()))
            except queue.Empty:
                return
            if self.socket is None or generation != self.socket.generation:
                continue  # a frame of a session already given up
            if text is None:
                self._socket_lost("closed by the gateway or the network")
                return
            try:
                message = wire.loads(text)
            except ValueError:
                LOG.warning("ignoring a frame that is not JSON")
                continue
            if isinstance(message, dict):
                self._on_socket_message(message)
            if self.inbound.empty():
                return

    def _on_socket_message(self, message):
        item = self.inflight[0] if self.inflight else None
        if isinstance(message.get("command"), str) and "id" in message:
            self.on_command(message)
        elif isinstance(message.get("pendingCommands"), list):
            if self.inflight is not None and item is None:
                self.inflight = None
            for command in message["pendingCommands"]:
                self.on_command(command)
        elif isinstance(message.get("command"), dict):
            command_id = message["command"].get("id")
            self.outbox.acknowledge_result(command_id)
            if item is not None and item.kind == "result" and item.key == command_id:
                self.inflight = None
        elif isinstance(message.get("trade"), dict):
            if item is not None and item.kind == "trade" and str(message["trade"].get("ticket")) == item.ticket:
                self.outbox.done(item)
                self.inflight = None
        elif message.get("type") == "error":
            self._on_error(item, message.get("code"), message.get("error"), message.get("retryAfter"))

    def _on_error(self, item, code, text, retry_after):
        """An error answers the one message in flight: permanent ones drop it, the rest are sent again later."""
        now = self.clock()
        self.inflight = None
        if item is None:
            LOG.warning("the gateway refused a heartbeat: %s %s", code, text)
            self.next_heartbeat = now + (retry_after or 1.0)
        elif code in PERMANENT:
            LOG.warning("the gateway refused %s for good: %s %s", item, code, text)
            self.outbox.done(item)
        else:
            LOG.warning("the gateway refused %s for now: %s %s", item, code, text)
            self.hold_until = now + (float(retry_after) if retry_after else 1.0)

    def _flush_socket(self, now):
        if self.inflight is not None:
            if now - self.inflight[1] < ACK_TIMEOUT_SECONDS:
                return
            LOG.warning("no answer for %s within %.0f s; sending it again", self.inflight[0] or "heartbeat",
                        ACK_TIMEOUT_SECONDS)
            self.inflight = None
        if now < self.hold_until:
            return
        item = self.outbox.head()
        if item is None:
            return
        if item.kind == "result":
            message = {"type": "command_result", "commandId": item.key,
                       "status": "executed" if item.body.get("success") else "failed", "result": item.body}
        else:
            message = dict(item.body, type="trade")  # on the socket, type names the message: the direction is side
            if item.body.get("type"):
                message["side"] = item.body["type"]
        self._send_on_socket(item, message, now)

    def _send_on_socket(self, item, message, now):
        try:
            self.socket.send(message)
        except link.LinkDown as error:
            self._socket_lost(str(error))
            return
        self.inflight = (item, now)
        if item is None:
            self.last_heartbeat = now
            self.next_heartbeat = now + self.s.heartbeat_seconds

    # ---- HTTP ----

    def _poll(self, now):
        path = "/api/executor/%s/heartbeat" % self.s.executor_id
        try:
            status, answer, retry_after = self.http.call("POST", path, self.heartbeat_body())
        except link.LinkDown as error:
            self._http_down(now, error)
            return
        if self.http_backoff.delay > MIN_BACKOFF_SECONDS and self.use_socket:
            self.socket_backoff.succeeded()  # the gateway is back after an outage: try the WebSocket again now
        self.http_backoff.succeeded()
        self.next_poll = now + self.s.poll_seconds
        if status == 200 and isinstance(answer, dict):
            for command in answer.get("pendingCommands") or []:
                self.on_command(command)
        elif status == 429:
            self.next_poll = now + (retry_after or self.s.poll_seconds)
        else:
            LOG.error("heartbeat answered %s %s", status, (answer or {}).get("code"))
            self.http_backoff.failed(now)

    def _flush_http(self, now):
        for _ in range(MAX_HTTP_SENDS_PER_STEP):
            if now < self.http_backoff.next or now < self.hold_until:
                return
            item = self.outbox.head()
            if item is None:
                return
            if item.kind == "result":
                method, path = "PATCH", "/api/executor/%s/command" % self.s.executor_id
                body = {"commandId": item.key, "status": "executed" if item.body.get("success") else "failed",
                        "result": item.body}
            else:
                method, path, body = "POST", "/api/trade", item.body
            try:
                status, answer, retry_after = self.http.call(method, path, body)
            except link.LinkDown as error:
                self._http_down(now, error)
                return
            code = (answer or {}).get("code")
            if 200 <= status < 300:
                self.outbox.done(item)
            elif status == 429:
                self.hold_until = now + (retry_after or 1.0)
                return
            elif 400 <= status < 500 and status not in (401, 403, 408):
                LOG.warning("the gateway refused %s for good: %s %s", item, status, code)
                self.outbox.done(item)
            else:
                LOG.warning("the gateway refused %s for now: %s %s", item, status, code)
                self.http_backoff.failed(now)
                return

    def _http_down(self, now, error):
        first = self.http_backoff.delay == MIN_BACKOFF_SECONDS
        self.http_backoff.failed(now)
        (LOG.warning if first else LOG.debug)("gateway unreachable over HTTP (%s); next try in %.1f s", error,
                                              self.http_backoff.next - now)
