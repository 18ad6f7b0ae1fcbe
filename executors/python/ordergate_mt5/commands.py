"""One command from the gateway (seed 000's {"id", "command", "parameters"}) in, its result out:
{"success", "message", "details"}. Never raises; answers None only when it must stay unanswered for now (a trade may
have been sent and the terminal cannot be asked), so that the gateway delivers it again and it is settled then.
"""
import logging

from .trading import failed, ok

LOG = logging.getLogger("ordergate_mt5.commands")
TRADING = ("OPEN_POSITION", "CLOSE_POSITION", "MODIFY_POSITION", "CLOSE_ALL_POSITIONS", "STOP_ALL")
TERMINAL = TRADING + ("CONNECT_INVESTOR", "TEST_CONNECTION", "SYNC_HISTORY")
# DISCONNECT_INVESTOR needs no terminal: it forgets the investor password this process holds.


class Commands:
    def __init__(self, terminal, journal, trading, history, status):
        self.t = terminal
        self.journal = journal
        self.trading = trading
        self.history = history
        self.status = status  # () -> the GET_STATUS details
        self.restart_requested = False

    def execute(self, command_id, kind, parameters):
        if not isinstance(parameters, dict):
            return failed("parameters must be an object")
        if kind in TERMINAL and not self.t.ensure():
            if self.journal.intent(command_id):
                return None  # it may have traded before a crash: settle it once the terminal can be asked
            return failed("the MT5 terminal is not connected: %s" % self.t.error_text())
        if kind in TRADING:
            elsewhere = self._logged_in_elsewhere()
            if elsewhere:
                return None if self.journal.intent(command_id) else failed(elsewhere)
        try:
            return self._dispatch(command_id, kind, parameters)
        except ValueError as error:
            return failed("invalid parameters: %s" % error)
        except Exception:
            LOG.exception("command %s (%s) failed", command_id, kind)
            if self.journal.intent(command_id):
                return None  # a trade may have happened: the re-delivered command finds it by its comment
            return failed("the executor could not run %s" % kind)

    def _logged_in_elsewhere(self):
        """Why not to trade when the terminal is on another account than the executor's, else None."""
        info = self.t.account()
        bound = self.journal.state.get("boundLogin")
        if info is not None and bound is not None and int(info.login) != int(bound):
            return "the terminal is logged in to account %s, not to the executor's account %s" % (info.login, bound)
        return None

    def _dispatch(self, command_id, kind, p):
        state = self.journal.state
        if kind == "OPEN_POSITION":
            return self.trading.open(command_id, p)
        if kind == "CLOSE_POSITION":
            return self.trading.close(command_id, p)
        if kind == "MODIFY_POSITION":
            return self.trading.modify(p)
        if kind == "CLOSE_ALL_POSITIONS":
            return self.trading.close_all(command_id)
        if kind == "STOP_ALL":
            state["paused"] = True
            self.journal.save_state()
            return self.trading.close_all(command_id)
        if kind == "PAUSE":
            state["paused"] = True
            self.journal.save_state()
            return ok("trading paused", {"paused": True})
        if kind == "RESUME":
            state["paused"] = False
            self.journal.save_state()
            return ok("trading resumed", {"paused": False})
        if kind == "GET_STATUS":
            return ok("status", self.status())
        if kind == "RESTART":
            self.restart_requested = True
            return ok("restarting the links to the terminal and the gateway", {})
        if kind == "CONNECT_INVESTOR":
            return self.history.connect_investor(p)
        if kind == "TEST_CONNECTION":
            return self.history.test_connection(p)
        if kind == "SYNC_HISTORY":
            return self.history.sync(p)
        if kind == "DISCONNECT_INVESTOR":
            return self.history.disconnect()
        return failed("Unknown command %s" % kind)
