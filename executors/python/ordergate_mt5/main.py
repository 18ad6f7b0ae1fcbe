"""Start-up: settings, logging, the MetaTrader5 package, then the executor's loop (and seed 002's agent beside it,
or alone when only an agent is configured). Exit status 0 after a stop
(Ctrl+C, SIGTERM), 2 for a setting or installation problem (the message says which), 1 for anything else."""
import logging
import sys

from . import settings as settings_module
from .link import websocket

LOG = logging.getLogger("ordergate_mt5")


def main(argv=None):
    try:
        flags = settings_module.parser().parse_args(argv)
        if flags.pair:
            from .pairing import pair
            return pair(flags)
        settings = settings_module.load(argv)
    except settings_module.SettingsError as error:
        print("ordergate executor: %s" % error, file=sys.stderr)
        return 2
    guard = settings_module.configure_logging(settings)
    if settings.agent_only:
        return _run_agent_only(settings)
    if settings.transport == "websocket" and websocket is None:
        LOG.error("transport websocket needs the websocket-client package: py -m pip install websocket-client")
        return 2
    if websocket is None and settings.transport == "auto":
        LOG.warning("websocket-client is not installed: polling over HTTP (py -m pip install websocket-client)")
    try:
        import MetaTrader5 as mt5
    except ImportError:
        LOG.error("the MetaTrader5 package is not installed: py -m pip install MetaTrader5")
        return 2
    from .executor import Executor
    from .journal import JournalError
    try:
        return Executor(settings, mt5, guard).run()
    except (JournalError, OSError) as error:
        LOG.critical("stopping: the state directory cannot be used (%s); nothing more is traded", error)
        return 1


def _run_agent_only(settings):
    """A paired agent and no executor: the agent's loop on this thread; the MetaTrader5 package is not needed."""
    import signal
    from .agent import Agent
    agent = Agent(settings)
    for name in ("SIGTERM", "SIGINT", "SIGBREAK"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), lambda _signal, _frame: agent.stopping.set())
    try:
        return agent.run()
    except OSError as error:
        LOG.critical("stopping: the state directory cannot be used (%s)", error)
        return 1
    finally:
        agent.close()
