"""The stand-in's broker: a hedging account's positions and deals, filled at the symbol's bid/ask, as MT5 does it."""
import calendar
import datetime
import fnmatch
import time

from . import _constants as c
from ._types import AccountInfo, OrderSendResult, SymbolInfo, Tick, TradeDeal, TradePosition, TradeRequest

MAX_COMMENT = 31
_REQUEST_DEFAULTS = dict(action=0, magic=0, order=0, symbol="", volume=0.0, price=0.0, stoplimit=0.0, sl=0.0, tp=0.0,
                         deviation=0, type=0, type_filling=0, type_time=0, expiration=0, comment="", position=0,
                         position_by=0)


def _now(state):
    return state["frozen_time"] if state.get("frozen_time") is not None else time.time()


def _ok(session):
    session["error"] = (c.RES_S_OK, "Success")


def _fail(session, code, text):
    session["error"] = (code, text)
    return None


def login(state, session, number, password, server):
    account = state["accounts"].get(str(number))
    if account is None or (server is not None and server != account["server"]):
        _fail(session, c.RES_E_AUTH_FAILED, "Terminal: Authorization failed")
        return False
    if password is None:
        password = account.get("last_password", account["password"])
    if password not in (account["password"], account["investor"]):
        _fail(session, c.RES_E_AUTH_FAILED, "Terminal: Authorization failed")
        return False
    account["last_password"] = password
    state["connected_login"] = str(number)
    state["investor_mode"] = password == account["investor"]
    _ok(session)
    return True


def _account(state, session):
    login_ = state.get("connected_login")
    if login_ is None:
        return _fail(session, c.RES_E_INTERNAL_FAIL, "Terminal: Not connected to a trade account")
    return state["accounts"][login_]


def account_positions(state):
    return [p for p in state["positions"] if p["login"] == state.get("connected_login")]


def _contract(state, symbol):
    return state["symbols"][symbol]["contract_size"]


def _floating(state, position):
    spec = state["symbols"][position["symbol"]]
    buy = position["type"] == c.POSITION_TYPE_BUY
    current = spec["bid"] if buy else spec["ask"]
    profit = (current - position["price_open"]) * position["volume"] * spec["contract_size"] * (1 if buy else -1)
    return current, round(profit, 2)


def account_info(state, session):
    account = _account(state, session)
    if account is None:
        return None
    floating = float(sum(_floating(state, p)[1] for p in account_positions(state)))
    margin = float(sum(p["volume"] * _contract(state, p["symbol"]) * p["price_open"] / account["leverage"]
                 for p in account_positions(state)))
    equity = round(account["balance"] + floating, 2)
    _ok(session)
    return AccountInfo(login=int(state["connected_login"]), trade_mode=c.ACCOUNT_TRADE_MODE_DEMO,
                       leverage=account["leverage"], limit_orders=200, margin_so_mode=0,
                       trade_allowed=not state["investor_mode"], trade_expert=True,
                       margin_mode=c.ACCOUNT_MARGIN_MODE_RETAIL_HEDGING, currency_digits=2, fifo_close=False,
                       balance=round(account["balance"], 2), credit=0.0, profit=round(floating, 2), equity=equity,
                       margin=round(margin, 2), margin_free=round(equity - margin, 2),
                       margin_level=round(equity / margin * 100, 2) if margin else 0.0, margin_so_call=50.0,
                       margin_so_so=30.0, margin_initial=0.0, margin_maintenance=0.0, assets=0.0, liabilities=0.0,
                       commission_blocked=0.0, name=account["name"], server=account["server"],
                       currency=account["currency"], company=account["company"])


def symbol_info(state, session, symbol):
    spec = state["symbols"].get(symbol)
    if spec is None:
        return _fail(session, c.RES_E_NOT_FOUND, "Terminal: Not found")
    _ok(session)
    point = 10.0 ** -spec["digits"]
    return SymbolInfo(custom=False, chart_mode=0, select=spec["visible"], visible=spec["visible"],
                      digits=spec["digits"], spread=round((spec["ask"] - spec["bid"]) / point), spread_float=True,
                      trade_mode=4, trade_exemode=2, filling_mode=spec["filling_mode"], order_mode=127,
                      bid=spec["bid"], ask=spec["ask"], last=0.0, point=point, trade_tick_value=1.0,
                      trade_tick_size=point, trade_contract_size=spec["contract_size"], volume_min=spec["volume_min"],
                      volume_max=spec["volume_max"], volume_step=spec["volume_step"], currency_base=symbol[:3],
                      currency_profit=symbol[3:], currency_margin=symbol[:3], description=symbol, name=symbol,
                      path="Forex\\" + symbol)


def tick(state, session, symbol):
    spec = state["symbols"].get(symbol)
    if spec is None or not spec["visible"]:
        return _fail(session, c.RES_E_NOT_FOUND, "Terminal: Not found")
    now = _now(state)
    _ok(session)
    return Tick(time=int(now), bid=spec["bid"], ask=spec["ask"], last=0.0, volume=0, time_msc=int(now * 1000),
                flags=6, volume_real=0.0)


def _position_tuple(state, p):
    current, profit = _floating(state, p)
    return TradePosition(ticket=p["ticket"], time=int(p["time"]), time_msc=int(p["time"] * 1000),
                         time_update=int(p["time_update"]), time_update_msc=int(p["time_update"] * 1000),
                         type=p["type"], magic=p["magic"], identifier=p["ticket"], reason=p["reason"],
                         volume=p["volume"], price_open=p["price_open"], sl=p["sl"], tp=p["tp"],
                         price_current=current, swap=0.0, profit=profit, symbol=p["symbol"], comment=p["comment"],
                         external_id="")


def positions(state, session, symbol, group, ticket):
    if _account(state, session) is None:
        return None
    chosen = []
    for p in account_positions(state):
        if symbol is not None and p["symbol"] != symbol:
            continue
        if group is not None and not any(fnmatch.fnmatch(p["symbol"], g) for g in group.split(",")):
            continue
        if ticket is not None and p["ticket"] != int(ticket):
            continue
        chosen.append(_position_tuple(state, p))
    if not chosen and state.get("none_when_empty"):
        return _fail(session, c.RES_E_FAIL, "Terminal: Call failed")  # a reading of the docs' "if positions==None"
    _ok(session)
    return tuple(chosen)


def _seconds(value):
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            return calendar.timegm(value.timetuple()) + value.microsecond / 1e6  # MT5 times have no zone: UTC
        return value.timestamp()
    if isinstance(value, (int, float)):
        return float(value)
    raise TypeError("date must be a datetime or seconds since 1970.01.01")


def deals(state, session, date_from, date_to, group, ticket, position):
    if _account(state, session) is None:
        return None
    mine = [d for d in state["deals"] if d["login"] == state["connected_login"]]
    if ticket is not None:
        mine = [d for d in mine if d["order"] == int(ticket)]
    elif position is not None:
        if state.get("no_position_filter"):
            return _fail(session, c.RES_E_INVALID_PARAMS, "Invalid arguments")
        mine = [d for d in mine if d["position_id"] == int(position)]
    else:
        if date_from is None or date_to is None:
            return _fail(session, c.RES_E_INVALID_PARAMS, "Invalid arguments")
        low, high = _seconds(date_from), _seconds(date_to)
        mine = [d for d in mine if low <= d["time"] <= high]
        if group is not None:
            mine = [d for d in mine if any(fnmatch.fnmatch(d["symbol"], g) for g in group.split(","))]
    if not mine and state.get("none_when_empty"):
        return _fail(session, c.RES_E_FAIL, "Terminal: Call failed")
    _ok(session)
    return tuple(TradeDeal(**{k: v for k, v in d.items() if k != "login"}) for d in mine)


def _add_deal(state, order, deal_type, entry, magic, position_id, reason, volume, price, commission, profit, symbol,
              comment):
    now = _now(state)
    state["next_deal"] += 1
    deal = dict(login=state["connected_login"], ticket=state["next_deal"], order=order, time=int(now),
                time_msc=int(now * 1000), type=deal_type, entry=entry, magic=magic, position_id=position_id,
                reason=reason, volume=volume, price=price, commission=commission, swap=0.0, profit=profit, fee=0.0,
                symbol=symbol, comment=comment, external_id="")
    state["deals"].append(deal)
    return deal


def close_position(state, position, volume, price, order, deal_type, reason, magic, comment):
    """Books a closing deal of volume lots of a position at price; removes the position when nothing is left."""
    account = state["accounts"][position["login"]]
    buy = position["type"] == c.POSITION_TYPE_BUY
    profit = round((price - position["price_open"]) * volume * _contract(state, position["symbol"])
                   * (1 if buy else -1), 2)
    commission = round(state["commission_per_lot"] * volume, 2)
    deal = _add_deal(state, order, deal_type, c.DEAL_ENTRY_OUT, magic, position["ticket"], reason, volume, price,
                     commission, profit, position["symbol"], comment)
    account["balance"] = round(account["balance"] + profit + commission, 2)
    position["volume"] = round(position["volume"] - volume, 8)
    position["time_update"] = _now(state)
    if position["volume"] <= 1e-9:
        state["positions"].remove(position)
    return deal


def set_tick(state, symbol, bid, ask):
    """New prices; a position whose stop loss or take profit they reach is closed by the broker at that price."""
    spec = state["symbols"][symbol]
    spec["bid"], spec["ask"] = float(bid), float(ask)
    for p in [p for p in state["positions"] if p["symbol"] == symbol]:
        buy = p["type"] == c.POSITION_TYPE_BUY
        level = spec["bid"] if buy else spec["ask"]
        hit_sl = p["sl"] and (level <= p["sl"] if buy else level >= p["sl"])
        hit_tp = p["tp"] and (level >= p["tp"] if buy else level <= p["tp"])
        if hit_sl or hit_tp:
            state["next_ticket"] += 1
            close_position(state, p, p["volume"], level, state["next_ticket"],
                           c.DEAL_TYPE_SELL if buy else c.DEAL_TYPE_BUY,
                           c.DEAL_REASON_SL if hit_sl else c.DEAL_REASON_TP, p["magic"],
                           "[%s %s]" % ("sl" if hit_sl else "tp", level))


def order_send(state, session, request):
    from ._trade import execute  # the request handling, kept apart from the bookkeeping
    if not isinstance(request, dict):
        return _fail(session, c.RES_E_INVALID_PARAMS, 'Invalid "request" argument')
    if len(str(request.get("comment", ""))) > MAX_COMMENT:
        return _fail(session, c.RES_E_INVALID_PARAMS, 'Invalid "comment" argument')
    unknown = set(request) - set(_REQUEST_DEFAULTS)
    if unknown:
        return _fail(session, c.RES_E_INVALID_PARAMS, "Invalid keyword argument %s" % sorted(unknown)[0])
    fields = dict(_REQUEST_DEFAULTS)
    fields.update(request)
    state["request_id"] += 1
    _ok(session)
    trade_request = TradeRequest(**fields)
    outcome = execute(state, trade_request)
    return OrderSendResult(request_id=state["request_id"], retcode_external=0, request=trade_request, **outcome)
