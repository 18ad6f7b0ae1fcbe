"""A stand-in for MetaQuotes' MetaTrader5 package, for tests on Linux (the real one installs only on Windows).

It has the package's function names, constants and return shapes (named tuples with the documented fields, None
and last_error() on failure), and plays a terminal connected to a hedging account at a broker. The "terminal" is a
JSON file named by the environment variable MT5_STANDIN_STATE, locked for every call, so it outlives the executor's
process (kill -9 it and the positions are still there) and a test in another process can trade "by hand" in the same
terminal with the same functions. Without that variable the state lives in this process only.

Test-only helpers start with _standin_ (set prices, accounts, the clock). MT5_STANDIN_PAUSE_FILE names a file: while
it exists, order_send() waits after the trade is done and saved, so a test can kill the caller in that window.
"""
import os
import time

from ._state import Terminal
from ._types import (AccountInfo, OrderSendResult, SymbolInfo, TerminalInfo, Tick, TradeDeal, TradePosition,
                     TradeRequest)
from ._constants import *  # noqa: F401,F403 - the package exports its constants at top level, so does the stand-in
from . import _constants as _c
from . import _broker

__version__ = "5.0.45"
__author__ = "stand-in for MetaQuotes Ltd."

_terminal = Terminal(os.environ.get("MT5_STANDIN_STATE"))
_session = {"initialized": False, "error": (_c.RES_S_OK, "Success")}


def _fail(code, text):
    _session["error"] = (code, text)
    return None


def _ok():
    _session["error"] = (_c.RES_S_OK, "Success")


def _connected():
    if not _session["initialized"]:
        _fail(_c.RES_E_INTERNAL_FAIL_CONNECT, "No IPC connection")
        return False
    return True


def last_error():
    return _session["error"]


def version():
    if not _connected():
        return None
    _ok()
    return (500, 4755, "20 Dec 2024")


def initialize(path=None, login=None, password=None, server=None, timeout=60000, portable=False):
    with _terminal.locked() as state:
        if not state.get("terminal_running", True):
            _fail(_c.RES_E_INTERNAL_FAIL_INIT, "IPC initialize failed, MetaTrader 5 x64 not found")
            return False
        _session["initialized"] = True
        if login is not None:
            return _broker.login(state, _session, int(login), password, server)
        _ok()
        return True


def login(login, password=None, server=None, timeout=60000):
    if not _connected():
        return False
    with _terminal.locked() as state:
        return _broker.login(state, _session, int(login), password, server)


def shutdown():
    _session["initialized"] = False
    _ok()
    return True


def terminal_info():
    if not _connected():
        return None
    with _terminal.locked() as state:
        _ok()
        return TerminalInfo(connected=state.get("connected_login") is not None,
                            trade_allowed=True, name="MetaTrader 5 (stand-in)", path="/standin", data_path="/standin",
                            company="MetaQuotes Ltd.", language="English", build=4755, maxbars=100000,
                            codepage=0, ping_last=1000, community_account=False, community_connection=False,
                            dlls_allowed=False, tradeapi_disabled=False, email_enabled=False, ftp_enabled=False,
                            notifications_enabled=False, mqid=False, retransmission=0.0, community_balance=0.0,
                            commondata_path="/standin")


def account_info():
    if not _connected():
        return None
    with _terminal.locked() as state:
        return _broker.account_info(state, _session)


def symbol_info(symbol):
    if not _connected():
        return None
    with _terminal.locked() as state:
        return _broker.symbol_info(state, _session, symbol)


def symbol_select(symbol, enable=True):
    if not _connected():
        return False
    with _terminal.locked() as state:
        if symbol not in state["symbols"]:
            _fail(_c.RES_E_NOT_FOUND, "Terminal: Not found")
            return False
        state["symbols"][symbol]["visible"] = bool(enable)
        _ok()
        return True


def symbol_info_tick(symbol):
    if not _connected():
        return None
    with _terminal.locked() as state:
        return _broker.tick(state, _session, symbol)


def positions_total():
    if not _connected():
        return None
    with _terminal.locked() as state:
        _ok()
        return len(_broker.account_positions(state))


def positions_get(symbol=None, group=None, ticket=None):
    if not _connected():
        return None
    with _terminal.locked() as state:
        return _broker.positions(state, _session, symbol, group, ticket)


def history_deals_total(date_from, date_to):
    if not _connected():
        return None
    with _terminal.locked() as state:
        quirk, state["none_when_empty"] = state.get("none_when_empty"), False
        deals = _broker.deals(state, _session, date_from, date_to, None, None, None)
        state["none_when_empty"] = quirk
    return None if deals is None else len(deals)


def history_deals_get(date_from=None, date_to=None, group=None, ticket=None, position=None):
    if not _connected():
        return None
    with _terminal.locked() as state:
        return _broker.deals(state, _session, date_from, date_to, group, ticket, position)


def order_send(request):
    if not _connected():
        return None
    with _terminal.locked() as state:
        result = _broker.order_send(state, _session, request)
    pause = os.environ.get("MT5_STANDIN_PAUSE_FILE")
    while pause and os.path.exists(pause):
        time.sleep(0.02)  # a test kills the caller here, after the trade is on the broker's books
    return result


# ---- test-only helpers: what the broker or the trader does outside the executor ----

def _standin_reset(**settings):
    """Starts a new broker: accounts, symbols and prices from settings (see _state.new_state)."""
    _terminal.reset(settings)


def _standin_set_tick(symbol, bid, ask):
    with _terminal.locked() as state:
        _broker.set_tick(state, symbol, bid, ask)


def _standin_set_time(epoch_seconds):
    """Freezes the broker's clock at this time (None lets it run again)."""
    with _terminal.locked() as state:
        state["frozen_time"] = epoch_seconds


def _standin_state():
    with _terminal.locked() as state:
        return state


def _standin_set_connected(running):
    """Stops or starts the terminal process: initialize() fails while it is down."""
    with _terminal.locked() as state:
        state["terminal_running"] = bool(running)


def _standin_attach(path):
    """Uses another state file from now on (a test drives several terminals)."""
    global _terminal
    _terminal = Terminal(path)


def _standin_requote_next(count):
    """The next count order_send() of a deal answer TRADE_RETCODE_REQUOTE, as a broker does in a fast market."""
    with _terminal.locked() as state:
        state["requote_next"] = int(count)


def _standin_set_symbol(symbol, **fields):
    """Changes what the broker says of a symbol (digits, volume_min, volume_max, volume_step, filling_mode, ...)."""
    with _terminal.locked() as state:
        state["symbols"][symbol].update(fields)


def _standin_round_trips(symbol, count, start, spacing, volume=0.01):
    """count positions opened at start + i * spacing and closed half a spacing later, all at the current prices:
    a long history made in one locked call."""
    with _terminal.locked() as state:
        spec = state["symbols"][symbol]
        for i in range(count):
            state["frozen_time"] = start + i * spacing
            opened = _broker.order_send(state, _session, {
                "action": _c.TRADE_ACTION_DEAL, "symbol": symbol, "volume": volume, "type": _c.ORDER_TYPE_BUY,
                "price": spec["ask"], "type_filling": _c.ORDER_FILLING_RETURN})
            state["frozen_time"] = start + i * spacing + spacing / 2
            _broker.order_send(state, _session, {
                "action": _c.TRADE_ACTION_DEAL, "symbol": symbol, "volume": volume, "type": _c.ORDER_TYPE_SELL,
                "position": opened.order, "price": spec["bid"], "type_filling": _c.ORDER_FILLING_RETURN})


def _standin_quirks(none_when_empty=False, no_position_filter=False):
    """Other readings of the documentation a package may follow: None (and an error) instead of an empty tuple,
    history_deals_get(position=...) not answered."""
    with _terminal.locked() as state:
        state["none_when_empty"] = bool(none_when_empty)
        state["no_position_filter"] = bool(no_position_filter)
