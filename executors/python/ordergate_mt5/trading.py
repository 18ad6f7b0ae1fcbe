"""The order commands as MT5 trade requests: OPEN_POSITION and CLOSE_POSITION are TRADE_ACTION_DEAL (a close names
the position with position=, a partial close sends fewer lots), MODIFY_POSITION is TRADE_ACTION_SLTP.

Every request carries the command's id in its comment (og:ord_42_1), so what it did can be found in the terminal: a
command whose trade may have happened before a crash (an intent on disk, no result) is answered from the position
or deal that carries its comment, and is never sent again. Not thread safe: the executor's main thread.
"""
import hashlib
import logging
import time

from . import wire

LOG = logging.getLogger("ordergate_mt5.trading")
MAX_COMMENT = 31  # MT5 refuses longer comments
PRICE_RETRIES = 3
DEAL_LOOKUP_SECONDS = 2.0


def comment_for(command_id):
    text = "og:" + command_id
    return text if len(text) <= MAX_COMMENT else "og#" + hashlib.sha1(command_id.encode()).hexdigest()[:20]


def ok(message, details):
    return {"success": True, "message": message, "details": details}


def failed(message, details=None):
    result = {"success": False, "message": message}
    if details:
        result["details"] = details
    return result


class Trading:
    def __init__(self, terminal, journal, settings):
        self.t = terminal
        self.c = terminal.c
        self.journal = journal
        self.deviation = int(settings.deviation)

    # ---- OPEN_POSITION ----

    def open(self, command_id, p):
        if self.journal.state.get("paused"):
            return failed("trading is paused (PAUSE); send RESUME first")
        symbol = str(p.get("symbol") or "")
        side = str(p.get("type") or "").upper()
        if not symbol or side not in ("BUY", "SELL"):
            return failed("OPEN_POSITION needs symbol and type BUY or SELL")
        lots = wire.decimal_param(p, "lots", required=True)
        if lots <= 0:
            return failed("lots must be positive")
        comment = comment_for(command_id)
        recovered = self._opened_by(comment, deep=self.journal.intent(command_id))
        if recovered is not None:
            return recovered
        if self.journal.intent(command_id):
            return failed("outcome unknown after a restart: no position or deal carries comment %s, so it is not "
                          "sent again; check the terminal" % comment)
        buy = side == "BUY"
        info = self.t.symbol(symbol)
        request = {"action": self.c.TRADE_ACTION_DEAL, "symbol": symbol, "volume": self._volume(lots, info),
                   "type": self.c.ORDER_TYPE_BUY if buy else self.c.ORDER_TYPE_SELL,
                   "sl": self._level(wire.decimal_param(p, "sl"), info), "tp": self._level(wire.decimal_param(p, "tp"), info),
                   "deviation": self.deviation, "magic": int(p.get("magicNumber") or 0), "comment": comment,
                   "type_time": self.c.ORDER_TIME_GTC}
        self.journal.record_intent(command_id)
        result, why = self._send(request, info, buy)
        if result is None:
            return self._opened_by(comment, deep=True) or failed(why)
        try:
            return self._opened(result, comment)
        except Exception:  # the trade is done: whatever went wrong after it, answer what order_send said
            LOG.exception("reading back position of order %s", result.order)
            return ok("position opened", {"ticket": str(result.order), "price": wire.num(result.price),
                                          "lots": wire.num(result.volume)})

    def _opened(self, result, comment):
        deadline = time.monotonic() + DEAL_LOOKUP_SECONDS
        while True:  # a real terminal may show the position a moment after order_send returns
            position = self.t.position(result.order)
            if position is None:
                position = next((q for q in self.t.positions() or () if q.comment == comment), None)
            if position is not None or time.monotonic() > deadline:
                break
            time.sleep(0.05)
        ticket = position.ticket if position is not None else result.order
        if position is None:
            deal = next((d for d in self.t.deals_of_order(result.order)), None)
            ticket = deal.position_id if deal is not None and deal.position_id else result.order
        price = result.price or (position.price_open if position is not None else 0.0)
        lots = result.volume or (position.volume if position is not None else 0.0)
        return ok("position opened", {"ticket": str(ticket), "price": wire.num(price), "lots": wire.num(lots),
                                      "order": str(result.order), "deal": str(result.deal), "retcode": result.retcode})

    def _opened_by(self, comment, deep):
        """The result of an opening this comment names, found in the terminal, or None."""
        for position in self.t.positions() or ():
            if position.comment == comment:
                return ok("position opened (found in the terminal after a restart)", {
                    "ticket": str(position.ticket), "price": wire.num(position.price_open),
                    "lots": wire.num(position.volume), "recovered": True})
        if not deep:
            return None
        now = time.time()
        for deal in self.t.deals_between(now - 7 * 86400, now + 86400) or ():
            if deal.comment == comment and deal.entry == self.c.DEAL_ENTRY_IN:
                return ok("position opened (found in the history after a restart)", {
                    "ticket": str(deal.position_id), "price": wire.num(deal.price), "lots": wire.num(deal.volume),
                    "recovered": True})
        return None

    # ---- CLOSE_POSITION ----

    def close(self, command_id, p):
        ticket = wire.ticket_param(p)
        lots = wire.decimal_param(p, "lots")
        comment = comment_for(command_id)
        position = self.t.position(ticket)
        if self.journal.intent(command_id):
            found = self._closed_by(ticket, comment)
            if found is not None:
                return found
            before = self.journal.intent_info(command_id).get("volume")
            if position is None or before is None or abs(position.volume - before) > 1e-9:
                return failed("outcome unknown after a restart: the position changed but no deal carries comment "
                              "%s, so it is not sent again; check the terminal" % comment)
            LOG.info("command %s: position %d is as it was before the crash: the close was never sent", command_id,
                     ticket)
        if position is None:
            return self._closed_by(ticket, comment) or failed("no open position with ticket %d" % ticket)
        return self._close_position(command_id, position, lots, comment)

    def _close_position(self, command_id, position, lots, comment):
        volume = position.volume if lots is None or lots >= position.volume else lots
        partial = volume < position.volume
        buy_position = position.type == self.c.POSITION_TYPE_BUY
        info = self.t.symbol(position.symbol)
        request = {"action": self.c.TRADE_ACTION_DEAL, "symbol": position.symbol, "volume": self._volume(volume, info),
                   "type": self.c.ORDER_TYPE_SELL if buy_position else self.c.ORDER_TYPE_BUY,
                   "position": int(position.ticket), "deviation": self.deviation, "magic": int(position.magic),
                   "comment": comment, "type_time": self.c.ORDER_TIME_GTC}
        self.journal.record_intent(command_id, {"ticket": int(position.ticket), "volume": position.volume})
        result, why = self._send(request, info, not buy_position)
        if result is None:
            return self._closed_by(position.ticket, comment) or failed(why)
        try:
            deal = self._deal(position.ticket, result.deal)
        except Exception:
            LOG.exception("reading back the closing deal of position %s", position.ticket)
            deal = None
        details = {"ticket": str(position.ticket), "price": wire.num(result.price or (deal.price if deal else 0)),
                   "lots": wire.num(result.volume or volume), "partial": partial, "deal": str(result.deal)}
        if deal is not None:
            details.update(profit=wire.num(deal.profit), commission=wire.num(deal.commission + deal.fee),
                           swap=wire.num(deal.swap))
        return ok("position partially closed" if partial else "position closed", details)

    def _deal(self, position_ticket, deal_ticket):
        """The closing deal; a real terminal may take a moment to show it in its history."""
        deadline = time.monotonic() + DEAL_LOOKUP_SECONDS
        while True:
            for deal in self.t.deals_of_position(position_ticket) or ():
                if deal.ticket == deal_ticket:
                    return deal
            if time.monotonic() > deadline:
                return None
            time.sleep(0.05)

    def _closed_by(self, ticket, comment):
        outs = (self.c.DEAL_ENTRY_OUT, self.c.DEAL_ENTRY_OUT_BY)
        mine = [d for d in self.t.deals_of_position(ticket) or () if d.comment == comment and d.entry in outs]
        if not mine:
            return None
        deal = mine[-1]
        still_open = self.t.position(ticket)
        return ok("position closed (found in the history after a restart)", {
            "ticket": str(ticket), "price": wire.num(deal.price), "lots": wire.num(deal.volume),
            "partial": still_open is not None, "deal": str(deal.ticket), "profit": wire.num(deal.profit),
            "commission": wire.num(deal.commission + deal.fee), "swap": wire.num(deal.swap), "recovered": True})

    # ---- MODIFY_POSITION ----

    def modify(self, p):
        ticket = wire.ticket_param(p)
        position = self.t.position(ticket)
        if position is None:
            return failed("no open position with ticket %d" % ticket)
        info = self.t.symbol(position.symbol)
        sl = wire.decimal_param(p, "sl")
        tp = wire.decimal_param(p, "tp")
        request = {"action": self.c.TRADE_ACTION_SLTP, "position": int(ticket), "symbol": position.symbol,
                   "sl": self._level(position.sl if sl is None else sl, info),
                   "tp": self._level(position.tp if tp is None else tp, info), "magic": int(position.magic)}
        result = self.t.send(request)
        if result is None:
            return failed("order_send failed: %s" % self.t.error_text())
        if result.retcode not in (self.c.TRADE_RETCODE_DONE, self.c.TRADE_RETCODE_NO_CHANGES):
            return self._refused(result)
        return ok("position modified", {"ticket": str(ticket), "sl": request["sl"], "tp": request["tp"]})

    # ---- CLOSE_ALL_POSITIONS, STOP_ALL ----

    def close_all(self, command_id):
        positions = self.t.positions()
        if positions is None:
            return failed("could not read positions: %s" % self.t.error_text())
        closed, total, refused = 0, 0.0, []
        for position in positions:
            result = self._close_position(command_id, position, None, comment_for(command_id))
            if result["success"]:
                closed += 1
                total += result["details"].get("profit", 0.0)
            else:
                refused.append("%s: %s" % (position.ticket, result["message"]))
        details = {"closedPositions": closed, "totalProfit": wire.num(total)}
        if refused:
            details["refused"] = refused
            return failed("%d of %d positions not closed" % (len(refused), len(positions)), details)
        return ok("All positions closed successfully", details)

    # ---- shared ----

    def _send(self, request, info, buy):
        """order_send with fresh prices: retried on a requote or an unsupported filling mode (nothing was traded
        then). Returns (result, None) when done, (None, why) otherwise."""
        fillings = self._fillings(info)
        attempts = 0
        while True:
            tick = self.t.tick(request["symbol"])
            if tick is None:
                return None, "no price for %s: %s" % (request["symbol"], self.t.error_text())
            request["price"] = tick.ask if buy else tick.bid
            request["type_filling"] = fillings[0]
            result = self.t.send(request)
            if result is None:
                return None, "order_send failed: %s" % self.t.error_text()
            if result.retcode in (self.c.TRADE_RETCODE_DONE, self.c.TRADE_RETCODE_DONE_PARTIAL,
                                  self.c.TRADE_RETCODE_PLACED):  # placed: an exchange fills it, it is not refused
                return result, None
            if result.retcode == self.c.TRADE_RETCODE_INVALID_FILL and len(fillings) > 1:
                fillings = fillings[1:]
                continue
            attempts += 1
            retry = (self.c.TRADE_RETCODE_REQUOTE, self.c.TRADE_RETCODE_PRICE_CHANGED, self.c.TRADE_RETCODE_PRICE_OFF)
            if result.retcode not in retry or attempts >= PRICE_RETRIES:
                return None, self._refused(result)["message"]

    def _refused(self, result):
        return failed("refused by the terminal: retcode %s %s" % (result.retcode, result.comment),
                      {"retcode": result.retcode})

    def _fillings(self, info):
        """Filling modes to try: the symbol's own (symbol_info().filling_mode flags) first, then the others."""
        c = self.c
        modes = []
        flags = getattr(info, "filling_mode", None)
        if isinstance(flags, int):
            if flags & c.SYMBOL_FILLING_FOK:
                modes.append(c.ORDER_FILLING_FOK)
            if flags & c.SYMBOL_FILLING_IOC:
                modes.append(c.ORDER_FILLING_IOC)
        for mode in (c.ORDER_FILLING_RETURN, c.ORDER_FILLING_IOC, c.ORDER_FILLING_FOK):
            if mode not in modes:
                modes.append(mode)
        return modes

    @staticmethod
    def _volume(lots, info):
        step = getattr(info, "volume_step", None)
        if isinstance(step, float) and step > 0:
            lots = round(round(lots / step) * step, 8)
        return float(round(lots, 8))

    @staticmethod
    def _level(price, info):
        if not price:
            return 0.0
        digits = getattr(info, "digits", None)
        return float(round(price, digits if isinstance(digits, int) else 8))
