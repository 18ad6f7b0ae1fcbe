package io.ordergate.mt5;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.OrderView;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.order.Order;
import io.ordergate.engine.order.Trade;
import io.ordergate.engine.position.ClosedPosition;
import io.ordergate.fixed.FixedPoint;

/**
 * Books what MT5 terminals report into the engine's tables: orders filled or rejected, positions by ticket opened
 * and closed, realized money into the account's balance, fills into the trade history. Shared by the venue and the
 * report flow; {@link Mt5PositionJson} shows the open ones. <b>Not thread safe</b>: owned by the engine thread; allocates nothing except a rejection's message.
 */
final class Mt5Book
{
    /** MT5 tickets have no prefix: the order's venue_order_id is the ticket itself. */
    static final String TICKET_PREFIX = "";

    private final EngineContext context;
    private final Tickets tickets;

    Mt5Book(final EngineContext context, final Tickets tickets)
    {
        this.context = context;
        this.tickets = tickets;
    }

    /** A wire decimal at {@code digits}, rounded half-even: for what a terminal reports, which is the truth either way. */
    static long rounded(final long wireValue, final int digits)
    {
        return FixedPoint.rescale(wireValue, NewOrderBody.WIRE_DIGITS, digits);
    }

    /**
     * The position a ticket names, made if the gateway has not seen it yet (the trade report and the command result
     * of one opening may come in either order). Null when the ticket table is full of open positions.
     */
    TicketPosition upsert(final long ticket, final Account account, final long nowMicros)
    {
        final TicketPosition existing = tickets.byTicket(account.index, ticket);
        if (existing != null)
        {
            return existing;
        }
        final TicketPosition position = tickets.allocate(account.index, ticket);
        if (position == null)
        {
            return null;
        }
        tickets.assignPositionId(position, context.ledger().newPositionId());
        position.openedAtMicros = nowMicros;
        tickets.linkOpen(position);
        account.openPositions++;
        context.changes().heldPosition(account, position);
        return position;
    }

    /** Describes the position's instrument (or the terminal's own symbol text) the first time it is seen. */
    void describe(final TicketPosition position, final Instrument instrument, final String symbolText)
    {
        if (position.symbol != null)
        {
            return;
        }
        if (instrument != null)
        {
            position.instrumentIndex = instrument.index;
            position.symbol = instrument.symbol;
            position.priceDigits = instrument.priceDigits;
            position.quantityDigits = instrument.quantityDigits;
        }
        else
        {
            position.instrumentIndex = -1;
            position.symbol = symbolText;
            position.priceDigits = NewOrderBody.WIRE_DIGITS;
            position.quantityDigits = NewOrderBody.WIRE_DIGITS;
        }
    }

    /**
     * A ticket its open report described under a symbol the gateway does not know (at wire digits) that a command's
     * result names as an order's: it becomes the order's instrument (a group member's {@code symbol_suffix} or
     * {@code symbol_map} sent the broker's name), its numbers and its opening trade's rescaled to the instrument's digits:
     * exactly, since {@link ReportedDecimals#unadoptable} refused the result first, but for a netting average open price.
     */
    void adopt(final TicketPosition position, final Instrument instrument)
    {
        if (position.instrumentIndex >= 0 || instrument == null)
        {
            return;
        }
        context.changes().heldPosition(context.accounts().get(position.accountIndex), position);
        final int priceFrom = position.priceDigits;
        final int quantityFrom = position.quantityDigits;
        position.lots = FixedPoint.rescale(position.lots, quantityFrom, instrument.quantityDigits);
        position.openPrice = FixedPoint.rescale(position.openPrice, priceFrom, instrument.priceDigits);
        position.stopLoss = position.stopLoss == TicketPosition.NONE ? TicketPosition.NONE
            : FixedPoint.rescale(position.stopLoss, priceFrom, instrument.priceDigits);
        position.takeProfit = position.takeProfit == TicketPosition.NONE ? TicketPosition.NONE
            : FixedPoint.rescale(position.takeProfit, priceFrom, instrument.priceDigits);
        position.symbol = null;
        describe(position, instrument, null);
        final Trade opening = position.openTradeId == 0 ? null : context.trades().byId(position.openTradeId);
        if (opening != null && opening.instrumentIndex < 0)
        {
            opening.instrumentIndex = instrument.index;
            opening.symbol = instrument.symbol;
            opening.quantity = FixedPoint.rescale(opening.quantity, quantityFrom, instrument.quantityDigits);
            opening.price = FixedPoint.rescale(opening.price, priceFrom, instrument.priceDigits);
            opening.priceDigits = instrument.priceDigits;
            opening.quantityDigits = instrument.quantityDigits;
            context.trades().changed(opening);
        }
    }

    /**
     * Fills an order at the terminal's price and ticket, and records the fill: an opening order's fill is the ticket's
     * opening trade, a closing order's the ticket's close trade, a {@code part}'s its last partial close's (either may
     * exist already, made by the report or closePart first: then the order is put on it, not the fill recorded twice).
     */
    void fill(final Order order, final long quantity, final long price, final long ticket, final TicketPosition position,
        final boolean part, final long realized, final long nowMicros)
    {
        context.changes().order(order);
        order.status = OrderStatus.FILLED;
        order.filledQuantity = quantity;
        order.averagePrice = price;
        order.venueOrderId = ticket;
        order.realizedPnl = realized;
        order.venuePrefix = TICKET_PREFIX;
        order.positionId = position == null ? 0 : position.positionId;
        order.updatedAtMicros = nowMicros;
        final boolean closing = position != null && position.orderId != order.orderId;
        final long known = position == null ? 0 : !closing ? position.openTradeId : part || position.open ? position.partTradeId : position.closeTradeId;
        final Trade existing = known == 0 ? null : context.trades().byId(known);
        if (existing != null)
        {
            if (existing.orderId == 0)
            {
                existing.orderId = order.orderId;
                context.trades().changed(existing);
            }
            return;
        }
        if (order.instrumentIndex >= 0 && price != OrderView.NONE && (position == null || !closing || known == 0))
        {
            final Trade trade = context.trades().next();
            trade.orderId = order.orderId;
            trade.accountIndex = order.accountIndex;
            trade.instrumentIndex = order.instrumentIndex;
            trade.side = order.side;
            trade.quantity = quantity;
            trade.price = price;
            trade.realizedPnl = realized;
            trade.positionId = order.positionId;
            trade.timeMicros = nowMicros;
            if (position != null && !closing)
            {
                position.openTradeId = trade.tradeId;
            }
            else if (position != null)
            {
                position.closeTradeId = trade.tradeId;
                closeMoney(trade, position.closeProfit, position.closeCommission, position.closeSwap);
            }
        }
    }

    /** The opening trade of a ticket the terminal reports before (or without) an order's fill: a position opened by hand. */
    void openedByReport(final TicketPosition position, final long nowMicros)
    {
        if (position.openTradeId != 0 || position.side == null || position.openPrice == TicketPosition.NONE)
        {
            return;
        }
        position.openTradeId = record(position, position.side, position.lots, position.openPrice, nowMicros).tradeId;
    }

    /** A close's money on its trade: the profit and swap realized, the commission its fee (MT5 books commission negative). */
    private static void closeMoney(final Trade trade, final long profit, final long commission, final long swap)
    {
        trade.realizedPnl = profit + swap;
        trade.fee = -commission;
    }

    private Trade record(final TicketPosition position, final Side side, final long lots, final long price, final long nowMicros)
    {
        final Trade trade = context.trades().next();
        trade.orderId = 0;
        trade.accountIndex = position.accountIndex;
        trade.instrumentIndex = position.instrumentIndex;
        trade.symbol = position.symbol;
        trade.priceDigits = position.priceDigits;
        trade.quantityDigits = position.quantityDigits;
        trade.side = side;
        trade.quantity = lots;
        trade.price = price;
        trade.realizedPnl = 0;
        trade.positionId = position.positionId;
        trade.timeMicros = nowMicros;
        return trade;
    }

    /**
     * A partial close of {@code lots} (less than the position holds): the position shrinks, the money is booked and
     * the close recorded. A deal already applied (the result and the trade report of one partial close) changes
     * nothing; {@code deal} 0 is a close whose deal is not known, applied once as it comes. A closed ticket takes a part
     * answered after its final close (the terminal ran it first): its money and record, the lots being gone already.
     * The money is booked at {@code nowMicros}, the close recorded at {@code closedAtMicros} (the terminal's time of the deal,
     * or now). Returns false when it was a repeat.
     */
    boolean closePart(final TicketPosition position, final long lots, final long closePrice, final long gross, final long commission,
        final long swap, final long deal, final long nowMicros, final long closedAtMicros)
    {
        if (lots <= 0 || lots >= position.lots || position.appliedPartial(deal))
        {
            return false;
        }
        final Account account = context.accounts().get(position.accountIndex);
        context.changes().heldPosition(account, position);
        position.rememberPartial(deal);
        position.lots -= position.open ? lots : 0;
        context.ledger().book(account, gross + commission + swap, nowMicros);
        final ClosedPosition close = record(position, lots, closePrice, deal, false, closedAtMicros);
        close.money(gross, commission, swap);
        if (position.side != null && closePrice != TicketPosition.NONE)
        {
            final Trade trade = record(position, position.side.opposite(), lots, closePrice, closedAtMicros);
            closeMoney(trade, gross, commission, swap);
            position.partTradeId = trade.tradeId;
        }
        return true;
    }

    /** The final close as the close command's result tells it: its profit only, unless the trade report came first. */
    void closeByResult(final TicketPosition position, final long closePrice, final long profit, final long nowMicros)
    {
        closeFinally(position, closePrice, nowMicros);
        if (!position.closeReported)
        {
            position.closeProfit = profit;
        }
        rebook(position, nowMicros);
    }

    /** The final close as the terminal's trade report tells it: profit, commission and swap, the last word. */
    void closeByReport(final TicketPosition position, final long closePrice, final long profit, final long commission, final long swap,
        final long nowMicros)
    {
        closeFinally(position, closePrice, nowMicros);
        if (closePrice != TicketPosition.NONE)
        {
            position.closePrice = closePrice;
        }
        position.closeProfit = profit;
        position.closeCommission = commission;
        position.closeSwap = swap;
        position.closeReported = true;
        rebook(position, nowMicros);
    }

    private void closeFinally(final TicketPosition position, final long closePrice, final long nowMicros)
    {
        if (!position.open)
        {
            return;
        }
        final Account account = context.accounts().get(position.accountIndex);
        context.changes().heldPosition(account, position);
        position.open = false;
        tickets.unlinkOpen(position);
        position.closePrice = closePrice;
        position.closedAtMicros = nowMicros;
        account.openPositions--;
        position.closeRecord = record(position, position.lots, closePrice, 0, true, nowMicros).seq;
    }

    /** Books the difference between the close's money as known now and what was booked before, and corrects its record. */
    private void rebook(final TicketPosition position, final long nowMicros)
    {
        final long total = position.closeProfit + position.closeCommission + position.closeSwap;
        final long delta = total - position.booked;
        if (delta != 0)
        {
            context.ledger().book(context.accounts().get(position.accountIndex), delta, nowMicros);
            position.booked = total;
        }
        final ClosedPosition close = context.closedPositions().get(position.closeRecord);
        if (close != null)
        {
            close.money(position.closeProfit, position.closeCommission, position.closeSwap);
            if (position.closePrice != TicketPosition.NONE)
            {
                close.exitPrice = position.closePrice;
            }
        }
        closeTrade(position, nowMicros);
    }

    /**
     * The final close's trade, made once its price is known (by the result or the report), its money corrected as the
     * report tells more; a closing order's fill is put on it ({@link #fill}).
     */
    private void closeTrade(final TicketPosition position, final long nowMicros)
    {
        Trade trade = position.closeTradeId == 0 ? null : context.trades().byId(position.closeTradeId);
        if (trade == null)
        {
            if (position.closeTradeId != 0 || position.side == null || position.closePrice == TicketPosition.NONE)
            {
                return;
            }
            trade = record(position, position.side.opposite(), position.lots, position.closePrice, position.closedAtMicros == 0 ? nowMicros
                : position.closedAtMicros);
            position.closeTradeId = trade.tradeId;
        }
        else
        {
            context.trades().changed(trade);
        }
        closeMoney(trade, position.closeProfit, position.closeCommission, position.closeSwap);
    }

    private ClosedPosition record(final TicketPosition position, final long lots, final long closePrice, final long deal,
        final boolean finalClose, final long nowMicros)
    {
        final ClosedPosition close = context.closedPositions().next();
        close.source = ClosedPosition.SOURCE_MT5_REPORT;
        close.accountIndex = position.accountIndex;
        close.positionId = position.positionId;
        close.instrumentIndex = position.instrumentIndex;
        close.symbol = position.symbol;
        close.priceDigits = position.priceDigits;
        close.quantityDigits = position.quantityDigits;
        close.side = position.side;
        close.size = lots;
        close.entryPrice = position.symbol == null ? ClosedPosition.NONE : position.openPrice;
        close.exitPrice = closePrice == TicketPosition.NONE ? ClosedPosition.NONE : closePrice;
        close.openedAtMicros = position.openedAtMicros;
        close.closedAtMicros = nowMicros;
        close.venuePositionId = position.ticket;
        close.dealTicket = deal;
        close.finalClose = finalClose;
        return close;
    }
}
