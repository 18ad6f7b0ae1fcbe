"""The MT5 terminal through MetaQuotes' MetaTrader5 package: connecting, reading and sending, with the package's
conventions handled in one place (None plus last_error() on failure, named tuples, dates as datetime or seconds).

Not thread safe: the package is called from the executor's main thread only.
"""
import datetime
import logging
import time

LOG = logging.getLogger("ordergate_mt5.terminal")

# MetaQuotes' documented values, used when a build of the package lacks a name.
DOCUMENTED = {
    "RES_S_OK": 1, "TRADE_ACTION_DEAL": 1, "TRADE_ACTION_SLTP": 6, "ORDER_TYPE_BUY": 0, "ORDER_TYPE_SELL": 1,
    "ORDER_FILLING_FOK": 0, "ORDER_FILLING_IOC": 1, "ORDER_FILLING_RETURN": 2, "ORDER_TIME_GTC": 0,
    "SYMBOL_FILLING_FOK": 1, "SYMBOL_FILLING_IOC": 2, "POSITION_TYPE_BUY": 0, "POSITION_TYPE_SELL": 1,
    "DEAL_TYPE_BUY": 0, "DEAL_TYPE_SELL": 1, "DEAL_ENTRY_IN": 0, "DEAL_ENTRY_OUT": 1, "DEAL_ENTRY_INOUT": 2,
    "DEAL_ENTRY_OUT_BY": 3, "TRADE_RETCODE_REQUOTE": 10004, "TRADE_RETCODE_PLACED": 10008,
    "TRADE_RETCODE_DONE": 10009, "TRADE_RETCODE_DONE_PARTIAL": 10010, "TRADE_RETCODE_TIMEOUT": 10012,
    "TRADE_RETCODE_PRICE_CHANGED": 10020, "TRADE_RETCODE_PRICE_OFF": 10021, "TRADE_RETCODE_NO_CHANGES": 10025,
    "TRADE_RETCODE_INVALID_FILL": 10030, "TRADE_RETCODE_CONNECTION": 10031,
}
# last_error() codes at or below this mean the link to the terminal process itself failed (IPC).
IPC_FAILURE = -10000
MAX_BACKOFF_SECONDS = 30.0


class Constants:
    def __init__(self, mt5):
        self._mt5 = mt5

    def __getattr__(self, name):
        return getattr(self._mt5, name, DOCUMENTED[name])


class Terminal:
    def __init__(self, mt5, settings):
        self.mt5 = mt5
        self.c = Constants(mt5)
        self._settings = settings
        self.connected = False
        self._next_attempt = 0.0
        self._backoff = 1.0
        # (login, password, server) of a CONNECT_INVESTOR, in memory only, to log in again after a reconnect
        self.investor = None

    # ---- the link ----

    def error(self):
        """last_error() as (code, text); never raises."""
        try:
            code, text = self.mt5.last_error()
            return int(code), str(text)
        except Exception:  # a package without last_error: still report something readable
            return -1, "unknown error"

    def error_text(self):
        return "%d %s" % self.error()

    def ensure(self, now=None):
        """True when connected; otherwise tries initialize() when its back-off allows."""
        now = time.monotonic() if now is None else now
        if self.connected:
            return True
        if now < self._next_attempt:
            return False
        if self._connect():
            self._backoff = 1.0
            LOG.info("connected to the MT5 terminal")
            return True
        self._next_attempt = now + self._backoff
        LOG.warning("MT5 terminal not reachable (%s); next try in %.0f s", self.error_text(), self._backoff)
        self._backoff = min(MAX_BACKOFF_SECONDS, self._backoff * 2)
        return False

    def _connect(self):
        s = self._settings
        args = [s.mt5_path] if s.mt5_path else []
        kwargs = {}
        if s.mt5_login:
            kwargs.update(login=int(s.mt5_login), password=s.mt5_password)
            if s.mt5_server:
                kwargs["server"] = s.mt5_server
        if s.mt5_portable:
            kwargs["portable"] = True
        try:
            ok = self.mt5.initialize(*args, **kwargs)
        except Exception as error:  # a bad path or argument: the package raises rather than returns
            LOG.error("initialize() refused its arguments: %s", type(error).__name__)
            ok = False
        if ok and self.investor:
            ok = self.login(*self.investor)
        self.connected = bool(ok) and self.mt5.account_info() is not None
        return self.connected

    def disconnect(self):
        self.connected = False
        try:
            self.mt5.shutdown()
        except Exception:
            pass

    def _checked(self, value):
        """A call's answer; a None caused by a broken link to the terminal marks the terminal disconnected."""
        if value is None and self.error()[0] <= IPC_FAILURE:
            if self.connected:
                LOG.warning("lost the MT5 terminal: %s", self.error_text())
            self.connected = False
        return value

    def login(self, login, password, server=None):
        kwargs = {"password": password}
        if server:
            kwargs["server"] = server
        return bool(self._checked(self.mt5.login(int(login), **kwargs)))

    # ---- reading ----

    def account(self):
        return self._checked(self.mt5.account_info())

    def _empty_or_unknown(self, count):
        """After a None: () when the call found nothing (the documentation's examples read None as "no positions",
        "no deals"), None when it failed. count() is the matching *_total() call, asked when the error is unclear."""
        if self.error()[0] == self.c.RES_S_OK:
            return ()
        if not self.connected:
            return None
        try:
            total = count()
        except Exception:  # a package without the *_total() function, or one refusing the arguments
            return None
        return () if total == 0 else None

    def positions(self):
        """All open positions, () when there are none, None when the terminal could not say."""
        found = self._checked(self.mt5.positions_get())
        if found is None:
            return self._empty_or_unknown(self.mt5.positions_total)
        return tuple(found)

    def position(self, ticket):
        found = self._checked(self.mt5.positions_get(ticket=int(ticket)))
        for position in found or ():
            if position.ticket == int(ticket):
                return position
        return None

    def deals_of_position(self, position_id, since=None):
        """The deals of one position; () when it has none, None when the terminal could not say. When asking by
        position= is not answered, the deals since `since` (epoch seconds) are asked for and filtered."""
        found = self._checked(self.mt5.history_deals_get(position=int(position_id)))
        if found is not None:
            return tuple(found)
        if self.error()[0] == self.c.RES_S_OK:
            return ()
        now = time.time()
        window = self.deals_between((since or now - 30 * 86400) - 86400, now + 86400)
        if window is None:
            return None
        return tuple(d for d in window if d.position_id == int(position_id))

    def deals_of_order(self, order_ticket):
        return tuple(self._checked(self.mt5.history_deals_get(ticket=int(order_ticket))) or ())

    def deals_between(self, start_seconds, end_seconds):
        """Deals in a window of epoch seconds, or None. The package takes datetime objects (its documentation's
        examples pass naive ones) or seconds since 1970; both are tried. Callers ask for a day more on each side and
        filter by the deals' own times, so how the package places a naive datetime in time does not matter."""
        start = max(float(start_seconds), 2 * 86400.0)
        end = max(float(end_seconds), start)
        naive = [datetime.datetime.fromtimestamp(t, datetime.timezone.utc).replace(tzinfo=None) for t in (start, end)]
        for attempt in (naive, [int(start), int(end)]):
            try:
                found = self._checked(self.mt5.history_deals_get(attempt[0], attempt[1]))
            except TypeError:
                continue
            if found is None:
                return self._empty_or_unknown(lambda: self.mt5.history_deals_total(attempt[0], attempt[1]))
            return tuple(found)
        return None

    def tick(self, symbol):
        """The symbol's latest tick, adding it to Market Watch when the terminal does not show it yet."""
        found = self._checked(self.mt5.symbol_info_tick(symbol))
        if found is None and self.connected and hasattr(self.mt5, "symbol_select"):
            if self.mt5.symbol_select(symbol, True):
                found = self._checked(self.mt5.symbol_info_tick(symbol))
        return found

    def symbol(self, symbol):
        """symbol_info() when the package has it (digits, volume step, filling modes), else None."""
        if not hasattr(self.mt5, "symbol_info"):
            return None
        try:
            return self.mt5.symbol_info(symbol)
        except Exception:
            return None

    # ---- sending ----

    def send(self, request):
        return self._checked(self.mt5.order_send(request))
