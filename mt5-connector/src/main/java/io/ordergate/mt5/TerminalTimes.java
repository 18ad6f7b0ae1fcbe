package io.ordergate.mt5;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.order.Trade;
import io.ordergate.engine.position.ClosedPosition;

/**
 * The terminal's own times of a ticket's deals (a trade report's {@code openTime}, {@code closeTime}) on the ticket's
 * records, over the time its first report or command result reached the gateway: the position's {@code opened_at},
 * its close record's {@code closed_at}, the opening and closing trades' {@code time} (seed 004's history sync wants the
 * broker's times). The times come in the journaled report body, never from a clock here; 0 is none sent, which changes
 * nothing (a journal from before the times replays as it was decided). Money is booked at arrival whatever the time
 * (the account's day for its loss limit is the gateway's). <b>Not thread safe</b>: engine thread; allocates nothing.
 */
final class TerminalTimes
{
    private final EngineContext context;

    TerminalTimes(final EngineContext context)
    {
        this.context = context;
    }

    /** The ticket opened at {@code micros} (0: none sent): the position's time and its opening trade's. */
    void opened(final TicketPosition position, final long micros)
    {
        if (micros == 0 || position.openedAtMicros == micros)
        {
            return;
        }
        context.changes().heldPosition(context.accounts().get(position.accountIndex), position);
        position.openedAtMicros = micros;
        restamp(position.openTradeId, micros);
    }

    /** The ticket closed at {@code micros} (0: none sent): its close record's time and its closing trade's. */
    void closed(final TicketPosition position, final long micros)
    {
        if (micros == 0 || position.open || position.closedAtMicros == micros)
        {
            return;
        }
        context.changes().heldPosition(context.accounts().get(position.accountIndex), position);
        position.closedAtMicros = micros;
        final ClosedPosition close = context.closedPositions().get(position.closeRecord);
        if (close != null)
        {
            close.closedAtMicros = micros;
        }
        restamp(position.closeTradeId, micros);
    }

    private void restamp(final long tradeId, final long micros)
    {
        final Trade trade = tradeId == 0 ? null : context.trades().byId(tradeId);
        if (trade != null && trade.timeMicros != micros)
        {
            trade.timeMicros = micros;
            context.trades().changed(trade);
        }
    }
}
