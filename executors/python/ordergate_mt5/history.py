"""Seed 004's terminal work (API.md, "MT5 accounts by investor password"): CONNECT_INVESTOR logs the terminal in with
an investor (read-only) password, TEST_CONNECTION tries credentials and goes back to the previous login, and
SYNC_HISTORY answers the closed deals (DEAL_ENTRY_OUT, and OUT_BY for a close by an opposite position) from
history_deals_get(), as result.details.deals:

    {"ticket", "positionId", "symbol", "type", "volume", "entryTime", "exitTime", "entryPrice", "exitPrice",
     "profit", "commission", "swap"}

type is the closed position's direction (BUY for a long); entry* come from the position's opening deals. Passwords
live in memory only (to log in again after a terminal restart): never on disk, in a result or in the log.
"""
import logging
import time

from . import wire
from .trading import failed, ok

LOG = logging.getLogger("ordergate_mt5.history")
# A command result travels in one WebSocket frame or HTTP body, which the gateway caps at 64 KiB.
MAX_DEALS_BYTES = 48000
WINDOW_MARGIN_SECONDS = 86400  # MT5 dates carry no zone: ask for a day more on each side, then filter exactly


def _credentials(p):
    login = p.get("mt5Login", p.get("login"))
    password = p.get("investorPassword", p.get("password"))
    server = p.get("mt5Server", p.get("server"))
    if login is None or not str(login).strip().isdigit() or not password:
        raise ValueError("mt5Login (a number) and investorPassword are required")
    return int(str(login).strip()), str(password), (str(server) if server else None)


def account_json(info):
    return {"login": info.login, "server": info.server, "balance": wire.num(info.balance),
            "equity": wire.num(info.equity), "currency": info.currency, "name": info.name,
            "tradeAllowed": bool(info.trade_allowed)}


class History:
    def __init__(self, terminal, journal, settings, log_guard):
        self.t = terminal
        self.c = terminal.c
        self.journal = journal
        self.settings = settings
        self.guard = log_guard

    def _login(self, login, password, server):
        self.guard.add(password)
        if self.t.login(login, password, server):
            info = self.t.account()
            if info is not None:
                return info, None
        code, text = self.t.error()
        return None, failed("MT5 login %d failed: %s %s" % (login, code, text),
                            {"status": "ERROR", "errorCode": code, "errorMessage": text})

    def connect_investor(self, p):
        login, password, server = _credentials(p)
        info, refused = self._login(login, password, server)
        if refused:
            return refused
        self.t.investor = (login, password, server)
        self.journal.state["boundLogin"] = login
        return ok("Successfully connected to MT5", {"status": "CONNECTED", "mt5Login": login,
                                                   "mt5Server": info.server, "accountInfo": account_json(info)})

    def disconnect(self):
        """Forgets the investor password (the gateway forgets it on disconnect too); the terminal stays as it is."""
        self.t.investor = None
        return ok("investor credentials forgotten", {"status": "DISCONNECTED"})

    def _previous(self):
        if self.t.investor is not None:
            return self.t.investor
        if self.settings.mt5_login:
            return int(self.settings.mt5_login), self.settings.mt5_password, self.settings.mt5_server
        return None

    def _visit(self, login, password, server, read):
        """Logs in to another account for read(info), then back to the one the terminal was on."""
        previous = self._previous()
        info, refused = self._login(login, password, server)
        try:
            return refused or read(info)
        finally:
            if previous is not None and previous[0] != login and not self.t.login(*previous):
                LOG.error("could not log back in to %s after visiting %s: %s", previous[0], login,
                          self.t.error_text())

    def test_connection(self, p):
        login, password, server = _credentials(p)
        brief = ("login", "server", "balance", "equity")
        return self._visit(login, password, server, lambda info: ok("Connection successful", {
            "accountInfo": {k: v for k, v in account_json(info).items() if k in brief}}))

    def sync(self, p):
        if p.get("investorPassword") or p.get("password"):
            login, password, server = _credentials(p)
            current = self.t.account()
            if current is None or current.login != login:
                return self._visit(login, password, server, lambda _info: self._closed_deals(p))
        return self._closed_deals(p)

    def _closed_deals(self, p):
        start = wire.parse_time(p.get("from", p.get("since", p.get("lastSyncAt")))) or 0.0
        end = wire.parse_time(p.get("to")) or time.time() + WINDOW_MARGIN_SECONDS
        info = self.t.account()
        deals = self.t.deals_between(start - WINDOW_MARGIN_SECONDS, end + WINDOW_MARGIN_SECONDS)
        if deals is None or info is None:
            return failed("could not read the terminal's history: %s" % self.t.error_text(), {"status": "ERROR"})
        closing = sorted((d for d in deals if self._is_close(d) and start <= _seconds(d) <= end),
                         key=lambda d: (_millis(d), d.ticket))
        entries = {}  # opening deals by position: those in the window, the others asked for when needed
        for deal in deals:
            if deal.entry == self.c.DEAL_ENTRY_IN:
                entries.setdefault(deal.position_id, []).append(deal)
        answered, size, truncated = [], 0, False
        for deal in closing:
            shaped = self._shape(deal, entries)
            size += len(wire.dumps(shaped)) + 1
            if size > MAX_DEALS_BYTES:
                truncated = True
                break
            answered.append(shaped)
        details = {"deals": answered, "count": len(answered), "login": info.login, "from": wire.iso_time(start),
                   "to": wire.iso_time(end), "truncated": truncated}
        if truncated:
            details["nextFrom"] = answered[-1]["exitTime"] if answered else wire.iso_time(start)
        return ok("%d closed deals%s" % (len(answered), ", more from nextFrom" if truncated else ""), details)

    def _is_close(self, deal):
        return (deal.entry in (self.c.DEAL_ENTRY_OUT, self.c.DEAL_ENTRY_OUT_BY)
                and deal.type in (self.c.DEAL_TYPE_BUY, self.c.DEAL_TYPE_SELL))

    def _shape(self, deal, entries):
        if deal.position_id not in entries:
            opening = [d for d in self.t.deals_of_position(deal.position_id) or ()
                       if d.entry == self.c.DEAL_ENTRY_IN]
            entries[deal.position_id] = opening
        opening = entries[deal.position_id]
        volume = sum(d.volume for d in opening)
        entry_price = sum(d.price * d.volume for d in opening) / volume if volume else None
        first = min(opening, key=_millis) if opening else None
        # the closing deal trades against the position: a sell closes a long
        direction = "BUY" if deal.type == self.c.DEAL_TYPE_SELL else "SELL"
        return {"ticket": str(deal.ticket), "positionId": str(deal.position_id), "symbol": deal.symbol,
                "type": direction, "volume": wire.num(deal.volume),
                "entryTime": wire.iso_time(first.time, first.time_msc) if first else None,
                "exitTime": wire.iso_time(deal.time, getattr(deal, "time_msc", 0)),
                "entryPrice": wire.num(entry_price), "exitPrice": wire.num(deal.price),
                "profit": wire.num(deal.profit), "commission": wire.num(deal.commission + getattr(deal, "fee", 0.0)),
                "swap": wire.num(deal.swap)}


def _millis(deal):
    return getattr(deal, "time_msc", 0) or deal.time * 1000


def _seconds(deal):
    return _millis(deal) / 1000.0
