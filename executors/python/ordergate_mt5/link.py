"""The two ways to the gateway: HTTP (seed 000's routes, one keep-alive connection, standard library) and the
WebSocket push channel GET /api/executor/{id}/stream (websocket-client: Debian's python3-websocket, or
pip install websocket-client on Windows). Both send the executor's key and secret as X-API-Key / X-API-Secret.
"""
import http.client
import logging
import socket
import ssl
import threading
import urllib.parse

from . import wire

try:
    import websocket  # websocket-client
except ImportError:  # HTTP polling still works without it
    websocket = None

LOG = logging.getLogger("ordergate_mt5.link")
HTTP_TIMEOUT_SECONDS = 10.0
CONNECT_TIMEOUT_SECONDS = 5.0
# The gateway pings every 20 s and heartbeats are answered: this long without a frame means the link is dead.
SOCKET_SILENCE_SECONDS = 90.0
USER_AGENT = "ordergate-mt5-executor"


class LinkDown(Exception):
    """The gateway could not be reached or the connection broke."""


def _base(url):
    parts = urllib.parse.urlsplit(url)
    path = parts.path.rstrip("/")
    if path.endswith("/api"):
        path = path[:-4]  # seed 000 calls its base URL .../api; the routes below start with /api themselves
    return parts.scheme, parts.hostname, parts.port or (443 if parts.scheme == "https" else 80), path


class HttpClient:
    def __init__(self, settings):
        self.scheme, self.host, self.port, self.prefix = _base(settings.url)
        self.headers = {"X-API-Key": settings.api_key, "X-API-Secret": settings.api_secret,
                        "Content-Type": "application/json", "Accept": "application/json", "User-Agent": USER_AGENT}
        self._connection = None

    def call(self, method, path, body=None):
        """(status, JSON answer or None, Retry-After seconds or None); LinkDown when nothing came back.

        Every call the executor makes is idempotent at the gateway, so one broken keep-alive connection is retried
        once on a fresh one."""
        payload = None if body is None else wire.dumps(body).encode("utf-8")
        for attempt in (1, 2):
            reused = self._connection is not None
            try:
                connection = self._connection or self._connect()
                self._connection = connection
                connection.request(method, self.prefix + path, body=payload, headers=self.headers)
                response = connection.getresponse()
                data = response.read()
                retry_after = response.getheader("Retry-After")
                if response.getheader("Connection", "").lower() == "close":
                    self.close()
                return response.status, _json(data), _seconds(retry_after)
            except (OSError, http.client.HTTPException) as error:
                self.close()
                if attempt == 2 or not reused:
                    raise LinkDown("%s %s: %s" % (method, path, type(error).__name__))
        raise LinkDown("unreachable")

    def _connect(self):
        if self.scheme == "https":
            return http.client.HTTPSConnection(self.host, self.port, timeout=HTTP_TIMEOUT_SECONDS,
                                               context=ssl.create_default_context())
        return http.client.HTTPConnection(self.host, self.port, timeout=HTTP_TIMEOUT_SECONDS)

    def close(self):
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def _json(data):
    try:
        return wire.loads(data.decode("utf-8")) if data else None
    except ValueError:
        return None


def _seconds(text):
    try:
        return float(text) if text else None
    except ValueError:
        return None


class Socket:
    """One WebSocket session. A reader thread hands every text frame to the inbound queue as (generation, text),
    and (generation, None) when the session ends; the main thread sends."""
    generation = 0

    def __init__(self, settings, inbound):
        if websocket is None:
            raise LinkDown("the websocket-client package is not installed")
        scheme, host, port, prefix = _base(settings.url)
        self.url = "%s://%s:%d%s/api/executor/%s/stream" % ("wss" if scheme == "https" else "ws", host, port, prefix,
                                                            settings.executor_id)
        self._headers = ["X-API-Key: " + settings.api_key, "X-API-Secret: " + settings.api_secret,
                         "User-Agent: " + USER_AGENT]
        self._inbound = inbound
        self._ws = None
        Socket.generation += 1
        self.generation = Socket.generation

    def open(self):
        try:
            self._ws = websocket.create_connection(self.url, header=self._headers, timeout=CONNECT_TIMEOUT_SECONDS,
                                                   enable_multithread=True)
        except (OSError, websocket.WebSocketException) as error:
            raise LinkDown("WebSocket %s: %s" % (self.url, _describe(error)))
        self._ws.settimeout(SOCKET_SILENCE_SECONDS)
        threading.Thread(target=self._read, name="og-ws-reader-%d" % self.generation, daemon=True).start()
        return self

    def _read(self):
        try:
            while True:
                text = self._ws.recv()  # answers the gateway's pings itself
                if not text:
                    break  # a close frame
                self._inbound.put((self.generation, text if isinstance(text, str) else text.decode("utf-8")))
        except (OSError, websocket.WebSocketException, socket.timeout) as error:
            LOG.info("WebSocket ended: %s", _describe(error))
        finally:
            self._inbound.put((self.generation, None))

    def send(self, message):
        try:
            self._ws.send(wire.dumps(message))
        except (OSError, websocket.WebSocketException) as error:
            raise LinkDown("WebSocket send: %s" % _describe(error))

    def close(self):
        if self._ws is not None:
            try:
                self._ws.close(timeout=1)
            except Exception:  # closing a socket that is already broken
                pass
            finally:
                self._ws.shutdown()


def _describe(error):
    status = getattr(error, "status_code", None)
    return "%s%s" % (type(error).__name__, " (HTTP %s)" % status if status else "")
