"""The stand-in's order_send(): TRADE_ACTION_DEAL opens a position (hedging) or, with position=, closes it in part or
in full; TRADE_ACTION_SLTP changes a position's stops. Anything wrong gets the retcode MT5 gives for it."""
from . import _constants as c
from ._broker import _add_deal, _now, close_position, account_positions


def _answer(retcode, comment, deal=0, order=0, volume=0.0, price=0.0, bid=0.0, ask=0.0):
    return dict(retcode=retcode, deal=deal, order=order, volume=volume, price=price, bid=bid, ask=ask,
                comment=comment)


def _stops_ok(buy, market, sl, tp):
    if sl and (sl >= market if buy else sl <= market):
        return False
    if tp and (tp <= market if buy else tp >= market):
        return False
    return True


def execute(state, request):
    if state.get("connected_login") is None:
        return _answer(c.TRADE_RETCODE_CONNECTION, "No connection")
    if request.action == c.TRADE_ACTION_SLTP:
        return _sltp(state, request)
    if request.action != c.TRADE_ACTION_DEAL:
        return _answer(c.TRADE_RETCODE_INVALID, "Invalid request")
    if state["investor_mode"]:
        return _answer(c.TRADE_RETCODE_TRADE_DISABLED, "Trade disabled")
    spec = state["symbols"].get(request.symbol)
    if spec is None:
        return _answer(c.TRADE_RETCODE_INVALID, "Invalid request")
    if request.type not in (c.ORDER_TYPE_BUY, c.ORDER_TYPE_SELL):
        return _answer(c.TRADE_RETCODE_INVALID, "Invalid request")
    allowed = {c.ORDER_FILLING_FOK: spec["filling_mode"] & c.SYMBOL_FILLING_FOK,
               c.ORDER_FILLING_IOC: spec["filling_mode"] & c.SYMBOL_FILLING_IOC,
               c.ORDER_FILLING_RETURN: True}
    if not allowed.get(request.type_filling):
        return _answer(c.TRADE_RETCODE_INVALID_FILL, "Unsupported filling mode")
    volume = request.volume
    steps = volume / spec["volume_step"]
    if (not isinstance(volume, float) or volume < spec["volume_min"] or volume > spec["volume_max"]
            or abs(steps - round(steps)) > 1e-7):
        return _answer(c.TRADE_RETCODE_INVALID_VOLUME, "Invalid volume")
    if state.get("requote_next", 0) > 0:
        state["requote_next"] -= 1
        return _answer(c.TRADE_RETCODE_REQUOTE, "Requote", bid=spec["bid"], ask=spec["ask"])
    buy = request.type == c.ORDER_TYPE_BUY
    price = spec["ask"] if buy else spec["bid"]
    if request.position:
        return _close(state, request, spec, buy, price)
    if not _stops_ok(buy, spec["bid"] if buy else spec["ask"], request.sl, request.tp):
        return _answer(c.TRADE_RETCODE_INVALID_STOPS, "Invalid stops")
    state["next_ticket"] += 1
    ticket = state["next_ticket"]
    commission = round(state["commission_per_lot"] * volume, 2)
    deal = _add_deal(state, ticket, c.DEAL_TYPE_BUY if buy else c.DEAL_TYPE_SELL, c.DEAL_ENTRY_IN, request.magic,
                     ticket, c.DEAL_REASON_EXPERT, volume, price, commission, 0.0, request.symbol, request.comment)
    account = state["accounts"][state["connected_login"]]
    account["balance"] = round(account["balance"] + commission, 2)
    now = _now(state)
    state["positions"].append(dict(login=state["connected_login"], ticket=ticket, time=now, time_update=now,
                                   type=c.POSITION_TYPE_BUY if buy else c.POSITION_TYPE_SELL, magic=request.magic,
                                   reason=c.POSITION_REASON_EXPERT, volume=volume, price_open=price, sl=request.sl,
                                   tp=request.tp, symbol=request.symbol, comment=request.comment))
    return _answer(c.TRADE_RETCODE_DONE, "Request executed", deal["ticket"], ticket, volume, price, spec["bid"],
                   spec["ask"])


def _find(state, ticket):
    for position in account_positions(state):
        if position["ticket"] == ticket:
            return position
    return None


def _close(state, request, spec, buy, price):
    position = _find(state, int(request.position))
    if position is None:
        return _answer(c.TRADE_RETCODE_POSITION_CLOSED, "Position doesn't exist")
    if buy == (position["type"] == c.POSITION_TYPE_BUY) or request.symbol != position["symbol"]:
        return _answer(c.TRADE_RETCODE_INVALID, "Invalid request")
    if request.volume > position["volume"] + 1e-9:
        return _answer(c.TRADE_RETCODE_INVALID_CLOSE_VOLUME, "Invalid close volume")
    state["next_ticket"] += 1
    order = state["next_ticket"]
    deal = close_position(state, position, request.volume, price, order,
                          c.DEAL_TYPE_BUY if buy else c.DEAL_TYPE_SELL, c.DEAL_REASON_EXPERT, request.magic,
                          request.comment)
    return _answer(c.TRADE_RETCODE_DONE, "Request executed", deal["ticket"], order, request.volume, price,
                   spec["bid"], spec["ask"])


def _sltp(state, request):
    if state["investor_mode"]:
        return _answer(c.TRADE_RETCODE_TRADE_DISABLED, "Trade disabled")
    position = _find(state, int(request.position))
    if position is None:
        return _answer(c.TRADE_RETCODE_POSITION_CLOSED, "Position doesn't exist")
    spec = state["symbols"][position["symbol"]]
    buy = position["type"] == c.POSITION_TYPE_BUY
    if not _stops_ok(buy, spec["bid"] if buy else spec["ask"], request.sl, request.tp):
        return _answer(c.TRADE_RETCODE_INVALID_STOPS, "Invalid stops")
    if position["sl"] == request.sl and position["tp"] == request.tp:
        return _answer(c.TRADE_RETCODE_NO_CHANGES, "No changes")
    position["sl"], position["tp"] = request.sl, request.tp
    position["time_update"] = _now(state)
    return _answer(c.TRADE_RETCODE_DONE, "Request executed", bid=spec["bid"], ask=spec["ask"])
