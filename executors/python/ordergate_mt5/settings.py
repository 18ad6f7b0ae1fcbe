"""Settings: command-line flags (argparse), environment variables and an owner-only INI file (configparser).

Secrets (the executor's API secret, the MT5 password) come from the file or the environment, never from a flag
(flags show in process lists), are never logged, and a file holding them that others may read is refused.
Precedence: flag, then environment, then file, then default.
"""
import argparse
import configparser
import logging
import os
import sys

from . import winacl

LOG = logging.getLogger("ordergate_mt5.settings")

ENVIRONMENT = {
    "url": "ORDERGATE_URL",
    "executor_id": "ORDERGATE_EXECUTOR_ID",
    "api_key": "ORDERGATE_EXECUTOR_KEY",
    "api_secret": "ORDERGATE_EXECUTOR_SECRET",
    "state_dir": "ORDERGATE_STATE_DIR",
    "mt5_login": "MT5_LOGIN",
    "mt5_password": "MT5_PASSWORD",
    "mt5_server": "MT5_SERVER",
    "mt5_path": "MT5_PATH",
    "agent_id": "ORDERGATE_AGENT_ID",
    "agent_key": "ORDERGATE_AGENT_KEY",
}

# (section, key in the file, attribute, default, type)
FILE_KEYS = [
    ("gateway", "url", "url", None, str),
    ("gateway", "executor_id", "executor_id", None, str),
    ("gateway", "api_key", "api_key", None, str),
    ("gateway", "api_secret", "api_secret", None, str),
    ("gateway", "transport", "transport", "auto", str),
    ("gateway", "heartbeat_seconds", "heartbeat_seconds", 15.0, float),
    ("gateway", "poll_seconds", "poll_seconds", 1.0, float),
    ("terminal", "path", "mt5_path", None, str),
    ("terminal", "login", "mt5_login", None, int),
    ("terminal", "password", "mt5_password", None, str),
    ("terminal", "server", "mt5_server", None, str),
    ("terminal", "portable", "mt5_portable", False, bool),
    ("terminal", "deviation_points", "deviation", 20, int),
    ("executor", "state_dir", "state_dir", None, str),
    ("executor", "scan_seconds", "scan_seconds", 1.0, float),
    ("executor", "log_level", "log_level", "INFO", str),
    ("executor", "log_file", "log_file", None, str),
    # seed 002's agent (README.md, "EAs"): paired (agent_id, pairing_key) or the executor itself (enabled = true)
    ("agent", "enabled", "agent_enabled", False, bool),
    ("agent", "agent_id", "agent_id", None, str),
    ("agent", "pairing_key", "agent_key", None, str),
    ("agent", "poll_seconds", "agent_poll_seconds", 5.0, float),
    ("agent", "heartbeat_seconds", "agent_heartbeat_seconds", 60.0, float),
    ("agent", "ea_terminal", "agent_terminal", None, str),
    ("agent", "metaeditor", "agent_metaeditor", None, str),
    ("agent", "mql5_dir", "agent_mql5_dir", None, str),
]
SECRET_ATTRIBUTES = ("api_secret", "mt5_password", "agent_key")
TRANSPORTS = ("auto", "websocket", "http")


class SettingsError(Exception):
    """A setting is missing or wrong; the message names it and says what to do."""


class Settings:
    def __init__(self, values):
        self.__dict__.update(values)

    def secrets(self):
        return [getattr(self, name) for name in SECRET_ATTRIBUTES if getattr(self, name)]

    def __repr__(self):
        shown = {k: ("***" if k in SECRET_ATTRIBUTES and v else v) for k, v in sorted(self.__dict__.items())}
        return "Settings(%s)" % ", ".join("%s=%r" % item for item in shown.items())


def parser():
    p = argparse.ArgumentParser(prog="run_executor.py", description="Ordergate executor for a MetaTrader 5 terminal "
                                "(secrets come from the --config file or the environment, never from flags)")
    p.add_argument("--config", help="INI file (owner-only: chmod 600 on Linux, your profile folder on Windows)")
    p.add_argument("--url", help="the gateway, e.g. https://gateway.example.com (env ORDERGATE_URL)")
    p.add_argument("--executor-id", dest="executor_id", help="env ORDERGATE_EXECUTOR_ID")
    p.add_argument("--state-dir", dest="state_dir", help="where results and positions are kept (env ORDERGATE_STATE_DIR)")
    p.add_argument("--transport", choices=TRANSPORTS, help="auto (WebSocket, HTTP polling when it fails), websocket, http")
    p.add_argument("--heartbeat-seconds", dest="heartbeat_seconds", type=float)
    p.add_argument("--poll-seconds", dest="poll_seconds", type=float, help="heartbeat period while polling over HTTP")
    p.add_argument("--scan-seconds", dest="scan_seconds", type=float, help="how often positions are compared")
    p.add_argument("--log-level", dest="log_level", choices=("DEBUG", "INFO", "WARNING", "ERROR"))
    p.add_argument("--log-file", dest="log_file")
    p.add_argument("--pair", metavar="AGENT_NAME", help="pair this program as an agent (seed 002): signs in with your "
                   "Ordergate email and password and writes agent_id and pairing_key into --config, then exits")
    return p


def _check_private(path):
    """Refuses a file that anyone but its owner may read: it holds the executor's secret."""
    if os.name == "nt":
        try:
            readers = winacl.other_readers(path)
        except OSError as error:
            LOG.warning("could not read the access list of %s (%s): make sure only you can read it", path, error)
            return
        if readers:
            raise SettingsError("%s is readable by %s; keep it in your user profile folder, or run: icacls \"%s\" "
                                "/inheritance:r /grant:r \"%%USERNAME%%:F\"" % (path, ", ".join(readers), path))
        return
    info = os.stat(path)
    if info.st_mode & 0o077:
        raise SettingsError("%s may be read by others (mode %o); run: chmod 600 %s"
                            % (path, info.st_mode & 0o777, path))
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        raise SettingsError("%s belongs to another user (uid %d); the executor reads only its own config file"
                            % (path, info.st_uid))


def _read_file(path):
    if not os.path.isfile(path):
        raise SettingsError("config file %s does not exist" % path)
    _check_private(path)
    file = configparser.ConfigParser(interpolation=None)
    try:
        with open(path, encoding="utf-8") as handle:
            file.read_file(handle)
    except configparser.Error as error:
        raise SettingsError("config file %s: %s" % (path, error.message.splitlines()[0]))
    values = {}
    for section, key, attribute, _default, kind in FILE_KEYS:
        if file.has_option(section, key):
            raw = file.get(section, key).strip()
            if raw:
                values[attribute] = _typed(raw, kind, "[%s] %s in %s" % (section, key, path))
    return values


def read_file(path):
    """The settings an owner-only config file holds (SettingsError for one others may read)."""
    return _read_file(path)


def _typed(raw, kind, where):
    if kind is bool:
        if str(raw).lower() in ("1", "true", "yes", "on"):
            return True
        if str(raw).lower() in ("0", "false", "no", "off"):
            return False
        raise SettingsError("%s must be true or false, not %r" % (where, raw))
    try:
        return kind(raw)
    except ValueError:
        raise SettingsError("%s must be %s, not %r" % (where, "a number" if kind in (int, float) else kind, raw))


def load(argv=None, environ=None):
    environ = os.environ if environ is None else environ
    flags = parser().parse_args(argv)
    values = {attribute: default for _s, _k, attribute, default, _t in FILE_KEYS}
    if flags.config:
        values.update(_read_file(flags.config))
    for attribute, variable in ENVIRONMENT.items():
        if environ.get(variable):
            kind = next(t for _s, _k, a, _d, t in FILE_KEYS if a == attribute)
            values[attribute] = _typed(environ[variable], kind, "environment variable " + variable)
    for attribute, value in vars(flags).items():
        if value is not None and attribute not in ("config", "pair"):
            values[attribute] = value
    _validate(values, flags.config)
    return Settings(values)


def _validate(values, config_path):
    values["agent_only"] = bool(values.get("agent_id")) and not values.get("executor_id")
    required = [("url", "the gateway's URL")]
    if not values["agent_only"]:
        required += [("executor_id", "the executor id"), ("api_key", "the executor's API key"),
                     ("api_secret", "the executor's API secret")]
    for attribute, what in required:
        if not values.get(attribute):
            raise SettingsError("%s is missing: set %s in the config file or %s" % (what, attribute,
                                                                                   ENVIRONMENT[attribute]))
    values["url"] = values["url"].rstrip("/")
    if not values["url"].startswith(("http://", "https://")):
        raise SettingsError("url must start with http:// or https://, not %r" % values["url"])
    if values["transport"] not in TRANSPORTS:
        raise SettingsError("transport must be one of %s, not %r" % (", ".join(TRANSPORTS), values["transport"]))
    if bool(values.get("mt5_login")) != bool(values.get("mt5_password")):
        raise SettingsError("give both the MT5 login and password, or neither (the terminal's own login is used)")
    _validate_agent(values)
    for attribute in ("heartbeat_seconds", "poll_seconds", "scan_seconds", "agent_poll_seconds",
                      "agent_heartbeat_seconds"):
        if not 0.05 <= values[attribute] <= 3600:
            raise SettingsError("%s must be between 0.05 and 3600 seconds" % attribute)
    if not values.get("state_dir"):
        base = os.path.dirname(os.path.abspath(config_path)) if config_path else os.getcwd()
        values["state_dir"] = os.path.join(base, "ordergate-state")


def _validate_agent(values):
    """The agent is on with a paired agent's id and key, or with enabled = true (the executor's own key)."""
    values["agent_on"] = bool(values.get("agent_id")) or bool(values.get("agent_enabled"))
    if bool(values.get("agent_id")) != bool(values.get("agent_key")):
        raise SettingsError("give both the agent's agent_id and pairing_key (ORDERGATE_AGENT_ID, ORDERGATE_AGENT_KEY), "
                            "or neither")
    if not values["agent_on"]:
        return
    terminal = values.get("agent_terminal") or values.get("mt5_path")
    values["agent_terminal"] = terminal
    folder = os.path.dirname(terminal) if terminal else None
    if not values.get("agent_metaeditor") and folder:
        values["agent_metaeditor"] = os.path.join(folder, "MetaEditor64.exe")
    if not values.get("agent_mql5_dir"):
        if not folder:
            raise SettingsError("the agent needs the MQL5 folder for EAs: set [agent] ea_terminal (a terminal64.exe "
                                "installed with /portable for EAs) or [agent] mql5_dir")
        values["agent_mql5_dir"] = os.path.join(folder, "MQL5")


class SecretFilter(logging.Filter):
    """Replaces every secret in a log record with ***: a second guard behind never logging them at all."""

    def __init__(self, secrets):
        super().__init__()
        self._secrets = [s for s in secrets if s]

    def add(self, secret):
        """A secret learnt while running (an investor password in a command) is kept out of the log too."""
        if secret and secret not in self._secrets:
            self._secrets.append(str(secret))

    def filter(self, record):
        message = record.getMessage()
        for secret in self._secrets:
            message = message.replace(secret, "***")
        record.msg, record.args = message, None
        return True


def configure_logging(settings):
    handlers = [logging.StreamHandler(sys.stderr)]
    if settings.log_file:
        handlers.append(logging.FileHandler(settings.log_file, encoding="utf-8"))
    guard = SecretFilter(settings.secrets())
    for handler in handlers:
        handler.addFilter(guard)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=getattr(logging, settings.log_level.upper(), logging.INFO), handlers=handlers,
                        force=True)
    return guard
