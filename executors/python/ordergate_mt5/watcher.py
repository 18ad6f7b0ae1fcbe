"""Trade reports: the terminal's positions compared with the ones last seen, so the gateway hears of every position
opened or closed, by a command, by hand in the terminal, or by the broker (stop loss, take profit, stop out).

A new ticket is reported open (POST /api/trade with symbol, type, lots, openPrice, ...); a changed stop loss or take
profit, or a volume that grew (a netting account), is reported open again (the gateway takes the new stops, volume and
average price); a volume that shrank is reported as a partial close per closing deal (closedLots, deal, the deal's
price and profit); a ticket that is gone is reported closed once its closing deals are in the history, with the money
they made: profit of the closing deals (less the partial closes already answered in CLOSE_POSITION results or
reported as partial closes, which the gateway booked then), commission and swap of all the position's deals. Not thread safe: the executor's main thread.
"""
import logging
import time

from . import wire

LOG = logging.getLogger("ordergate_mt5.watcher")
# A position gone from the terminal whose closing deal never shows in the history is reported closed after this,
# at its last seen price and profit, rather than never.
NO_DEAL_GRACE_SECONDS = 60.0


class Watcher:
    def __init__(self, terminal, journal, executor_id):
        self.t = terminal
        self.c = terminal.c
        self.journal = journal
        self.executor_id = executor_id

    def scan(self):
        """Compares and queues reports; returns how many were queued. Saves the journal's state when anything changed."""
        info = self.t.account()
        if info is None:
            return 0
        login = str(info.login)
        state = self.journal.state
        if state.get("boundLogin") is None:
            state["boundLogin"] = info.login
        elif str(state["boundLogin"]) != login:
            return 0  # the terminal is on another account (a connection test): its positions are not ours
        positions = self.t.positions()
        if positions is None:
            return 0
        known = state["known"].setdefault(login, {})
        reports = []
        changed = self._opened_or_changed(positions, known, reports)
        changed |= self._closed(positions, known, reports)
        if changed:
            state["reports"].extend(reports)
            self.journal.save_state()
        return len(reports)

    def _opened_or_changed(self, positions, known, reports):
        changed = False
        for p in positions:
            key = str(p.ticket)
            seen = known.get(key)
            partials = list(seen.get("partials", ())) if seen else []
            if seen is None or seen["sl"] != p.sl or seen["tp"] != p.tp or p.volume > seen["volume"]:
                # new, stops moved, or grown (a netting account adds to its position): the open report carries the
                # volume and average price now
                reports.append({"key": "open:%s:%s" % (key, p.volume), "body": self._open_report(p)})
                changed = True
            elif p.volume < seen["volume"]:
                partials += self._partial_reports(p, seen, partials, reports)
                changed = True
            known[key] = {"symbol": p.symbol, "volume": p.volume, "sl": p.sl, "tp": p.tp, "opened": p.time,
                          "priceCurrent": p.price_current, "profit": p.profit, "partials": partials}
        return changed

    def _partial_reports(self, p, seen, reported, reports):
        """A volume reduced in the terminal (by hand, or by a partial close command): each closing deal not yet told
        to the gateway, as a partial-close report with its deal (the gateway applies a deal once, also when the
        command's result named it). Returns the deal tickets reported."""
        deals = self.t.deals_of_position(p.ticket, seen.get("opened"))
        if not deals:
            return []
        told = set(reported) | self._partials_answered()
        added = []
        for deal in sorted((d for d in deals if d.entry in (self.c.DEAL_ENTRY_OUT, self.c.DEAL_ENTRY_OUT_BY)),
                           key=lambda d: d.ticket):
            if str(deal.ticket) in told:
                continue
            reports.append({"key": "partial:%s:%s" % (p.ticket, deal.ticket), "body": {
                "executorId": self.executor_id, "ticket": str(p.ticket), "closedLots": wire.num(deal.volume),
                "deal": str(deal.ticket), "lots": wire.num(p.volume), "closePrice": wire.num(deal.price),
                "profit": wire.num(deal.profit),
                "closeTime": wire.iso_time(deal.time, getattr(deal, "time_msc", 0))}})
            added.append(str(deal.ticket))
        return added

    def _closed(self, positions, known, reports):
        changed = False
        open_now = {str(p.ticket) for p in positions}
        for key in [k for k in known if k not in open_now]:
            deals = self.t.deals_of_position(int(key), known[key].get("opened"))
            if deals is None:
                continue
            outs = [d for d in deals if d.entry in (self.c.DEAL_ENTRY_OUT, self.c.DEAL_ENTRY_OUT_BY)]
            seen = known[key]
            if not outs:
                first_missed = seen.setdefault("missingSince", time.time())
                if time.time() - first_missed < NO_DEAL_GRACE_SECONDS:
                    continue
                LOG.warning("position %s is gone but its closing deal is not in the history; reporting it closed "
                            "at its last seen price", key)
            reports.append({"key": "close:" + key, "body": self._close_report(key, seen, deals, outs)})
            del known[key]
            changed = True
        return changed

    def refresh_queued_opens(self):
        """A command's result is sent ahead of the reports queued before it (see outbox), so an open report queued
        then (its stops moved, say) would reach the gateway after a partial close's result and put back the volume
        from before it: queued open reports are given the volume and average price the terminal shows now."""
        queued = [r for r in self.journal.state["reports"] if r["key"].startswith("open:")]
        if not queued:
            return
        now = {str(p.ticket): p for p in self.t.positions() or ()}
        for report in queued:
            p = now.get(report["body"]["ticket"])
            if p is not None:
                report["body"].update(lots=wire.num(p.volume), openPrice=wire.num(p.price_open))

    def _open_report(self, p):
        return {"executorId": self.executor_id, "ticket": str(p.ticket), "symbol": p.symbol,
                "type": "BUY" if p.type == self.c.POSITION_TYPE_BUY else "SELL", "lots": wire.num(p.volume),
                "openTime": wire.iso_time(p.time, getattr(p, "time_msc", 0)), "openPrice": wire.num(p.price_open),
                "stopLoss": wire.num(p.sl), "takeProfit": wire.num(p.tp), "magicNumber": int(p.magic),
                "comment": str(p.comment)[:250]}

    def _close_report(self, key, seen, deals, outs):
        answered = self._partials_answered() | set(seen.get("partials", ()))
        report = {"executorId": self.executor_id, "ticket": key}
        if outs:
            last = max(outs, key=lambda d: (getattr(d, "time_msc", 0) or d.time * 1000, d.ticket))
            report.update(
                closeTime=wire.iso_time(last.time, getattr(last, "time_msc", 0)), closePrice=wire.num(last.price),
                profit=wire.num(sum(d.profit for d in outs if str(d.ticket) not in answered)),
                commission=wire.num(sum(d.commission + getattr(d, "fee", 0.0) for d in deals)),
                swap=wire.num(sum(d.swap for d in deals)))
        else:
            report.update(closeTime=wire.iso_time(), closePrice=wire.num(seen["priceCurrent"]),
                          profit=wire.num(seen["profit"]))
        return report

    def _partials_answered(self):
        """Deal tickets of partial closes whose profit went to the gateway in a CLOSE_POSITION result."""
        answered = set()
        for result in self.journal.results():
            details = result.get("details") or {}
            if result.get("success") and details.get("partial") and details.get("deal"):
                answered.add(str(details["deal"]))
        return answered
