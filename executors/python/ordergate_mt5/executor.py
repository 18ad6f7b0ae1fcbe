"""The executor: one loop on one thread that keeps the terminal and the gateway connected, answers every command
once (its first result is on disk before it is sent; a repeat gets that result, never a second trade), compares
the terminal's positions for trade reports, and heartbeats with balance, equity and positions.

    run_executor.py --config executor.ini        (README.md says how to set it up beside a terminal)
"""
import logging
import signal
import time

from .commands import Commands
from .history import History
from .journal import Journal, JournalError
from .outbox import Outbox
from .session import GatewaySession
from .terminal import Terminal
from .trading import Trading
from .watcher import Watcher
from . import wire

LOG = logging.getLogger("ordergate_mt5.executor")
VERSION = "1.0.0"
MAX_METADATA_BYTES = 3800  # the gateway keeps a heartbeat's metadata up to 4 KiB
MAX_LISTED_POSITIONS = 20


class Executor:
    def __init__(self, settings, mt5, log_guard, clock=time.monotonic):
        self.s = settings
        self.clock = clock
        self.journal = Journal(settings.state_dir)
        if settings.mt5_login:
            self.journal.state["boundLogin"] = int(settings.mt5_login)  # the configured account is the account
        self.terminal = Terminal(mt5, settings)
        self.trading = Trading(self.terminal, self.journal, settings)
        self.history = History(self.terminal, self.journal, settings, log_guard)
        self.watcher = Watcher(self.terminal, self.journal, settings.executor_id)
        self.commands = Commands(self.terminal, self.journal, self.trading, self.history, self.status)
        self.outbox = Outbox(self.journal)
        self.session = GatewaySession(settings, self.outbox, self.on_command, self.heartbeat_body, clock)
        self.stopping = False
        self.next_scan = 0.0
        self.trades_sent = 0
        self.agent = None  # seed 002's agent, on its own thread, when [agent] is configured

    def run(self):
        for name in ("SIGTERM", "SIGINT", "SIGBREAK"):
            if hasattr(signal, name):
                signal.signal(getattr(signal, name), self._stop)
        LOG.info("executor %s %s starting: gateway %s, state in %s, %d results and %d reports waiting to be sent",
                 self.s.executor_id, VERSION, self.s.url, self.s.state_dir, len(self.journal.state["unacked"]),
                 len(self.journal.state["reports"]))
        if self.s.agent_on:
            from .agent import Agent
            self.agent = Agent(self.s).start()
        try:
            while not self.stopping:
                try:
                    self.step()
                except JournalError:
                    raise
                except Exception:  # one bad message or answer must not stop the executor: log it, go on
                    LOG.exception("unexpected error; carrying on in 1 s")
                    time.sleep(1.0)
        finally:
            self.close()
        return 0

    def _stop(self, _signal, _frame):
        self.stopping = True

    def step(self):
        now = self.clock()
        self.terminal.ensure(now)
        self.session.step(max(0.0, min(self.next_scan - now, 1.0)))
        now = self.clock()
        if now >= self.next_scan:
            self.next_scan = now + self.s.scan_seconds
            if self.terminal.connected and self.watcher.scan():
                self.session.heartbeat_soon()
                self.session.flush()
        if self.commands.restart_requested and not self.outbox.has_result_waiting():
            self.commands.restart_requested = False
            LOG.info("RESTART: reconnecting to the terminal and the gateway")
            self.terminal.disconnect()
            self.session.reconnect()

    def close(self):
        LOG.info("executor stopping")
        if self.agent is not None:
            self.agent.close()
        self.session.close()
        self.journal.close()
        self.terminal.disconnect()

    # ---- commands ----

    def on_command(self, command):
        if not isinstance(command, dict) or not isinstance(command.get("id"), str):
            LOG.warning("ignoring a command without an id")
            return
        command_id, kind = command["id"], str(command.get("command"))
        if self.journal.result(command_id) is not None:
            if not self.outbox.has_result(command_id):
                LOG.info("command %s (%s) again: answering its first result", command_id, kind)
                self.outbox.resend(command_id)
                if self.terminal.connected:
                    self.watcher.refresh_queued_opens()
                self.journal.save_state()
            return
        result = self.commands.execute(command_id, kind, command.get("parameters") or {})
        if result is None:
            LOG.warning("command %s (%s) left unanswered until the terminal can say what happened", command_id, kind)
            return
        self.journal.record_result(command_id, result)  # on disk before anything is sent
        LOG.info("command %s (%s): %s%s", command_id, kind, "executed" if result["success"] else "failed: ",
                 "" if result["success"] else result.get("message"))
        if self.terminal.connected:
            self.watcher.refresh_queued_opens()
            self.watcher.scan()  # the reports of what it changed, queued after its result
        self.journal.save_state()
        self.session.heartbeat_soon()  # the new balance and positions
        self.session.flush()

    # ---- what the gateway is told ----

    def status(self):
        info = self.terminal.account() if self.terminal.connected else None
        positions = self.terminal.positions() if self.terminal.connected else None
        details = {"version": VERSION, "paused": bool(self.journal.state.get("paused")),
                   "terminalConnected": info is not None, "channel": self.session.channel,
                   "openPositions": len(positions) if positions is not None else None}
        if info is not None:
            details.update(login=info.login, server=info.server, currency=info.currency,
                           balance=wire.num(info.balance), equity=wire.num(info.equity))
        return details

    def heartbeat_body(self):
        info = self.terminal.account() if self.terminal.connected else None
        positions = self.terminal.positions() if info is not None else None
        metadata = {"version": VERSION, "platform": "MT5", "executor": "ordergate-mt5-python",
                    "terminalConnected": info is not None, "paused": bool(self.journal.state.get("paused"))}
        if info is not None:
            # currencyDigits: the gateway refuses an account whose currency is finer than its money (BTC at 8), by name
            metadata.update(accountBalance=wire.num(info.balance), accountEquity=wire.num(info.equity),
                            login=info.login, server=info.server, currency=info.currency, currencyDigits=info.currency_digits)
        if positions is not None:
            metadata["openPositions"] = len(positions)
            listed = []
            for p in positions[:MAX_LISTED_POSITIONS]:
                listed.append({"ticket": str(p.ticket), "symbol": p.symbol,
                               "type": "BUY" if p.type == self.terminal.c.POSITION_TYPE_BUY else "SELL",
                               "lots": wire.num(p.volume), "openPrice": wire.num(p.price_open),
                               "sl": wire.num(p.sl), "tp": wire.num(p.tp), "profit": wire.num(p.profit)})
                if len(wire.dumps(dict(metadata, positions=listed))) > MAX_METADATA_BYTES:
                    listed.pop()
                    break
            metadata["positions"] = listed
            metadata["positionsListed"] = len(listed)
        status = "online" if info is not None else "terminal_disconnected"
        if self.journal.state.get("paused"):
            status = "paused"
        return {"status": status, "metadata": metadata}
