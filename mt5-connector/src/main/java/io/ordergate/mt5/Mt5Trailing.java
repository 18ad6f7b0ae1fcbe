package io.ordergate.mt5;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.position.PositionStops;

/**
 * Trailing stops of MT5 tickets: the terminal holds the stop, so the gateway moves it. On each quote of an instrument,
 * an open ticket with a trailing stop whose stop would stand tighter at the new price (the bid for a long, the ask for
 * a short; never back, nor under the terminal's own stop, say one tightened by hand) is sent a MODIFY_POSITION with
 * that stop and its take profit unchanged, at most once per {@code executors.trailing_modify_interval_millis}
 * (default 1 s) per ticket, so a fast market does not flood the executor: the stop of the best price seen meanwhile is
 * kept and sent by the first quote after the throttle. Runs inside the QUOTES command, from its time, so a replay
 * queues the same commands. Nothing is sent while the executor is offline, has {@code executors.max_pending_commands}
 * unanswered, or the command table is full ({@link CommandAdmission}): a later quote tries again. A move the executor
 * answers {@code failed} is forgotten ({@link TicketPosition#trailRefused}), so the first quote after the throttle
 * asks again. A PATCH of the ticket's stops holds the trailing while it waits for the executor, and a stop loss given
 * ends it once executed ({@link TicketPosition#stopChangeSeq}). A ticket whose whole close waits for the executor is not trailed
 * ({@link TicketCloses#pendingWholeClose}); a failed close lets the trailing go on. <b>Not thread safe</b>: engine thread; allocates nothing.
 */
final class Mt5Trailing
{
    private final EngineContext context;
    private final Executors executors;
    private final Tickets tickets;
    private final Mt5Venue venue;
    private final CommandAdmission admission;
    /** At most one MODIFY_POSITION per ticket per this ({@code executors.trailing_modify_interval_millis}). */
    private final long throttleMicros;

    Mt5Trailing(final EngineContext context, final Executors executors, final Tickets tickets, final Mt5Venue venue,
        final CommandAdmission admission)
    {
        this.context = context;
        this.executors = executors;
        this.tickets = tickets;
        this.venue = venue;
        this.admission = admission;
        this.throttleMicros = context.config().executors().trailingModifyIntervalMillis() * 1_000L;
    }

    void quoted(final Instrument instrument, final CommandEvent event)
    {
        final long now = event.wallMicros();
        for (int a = 0; a < context.accounts().count(); a++)
        {
            for (TicketPosition position = tickets.firstOpen(a); position != null; position = tickets.nextOpen(position))
            {
                if (position.instrumentIndex == instrument.index && (position.trailingPct != 0 || position.trailingDistance != 0))
                {
                    trail(position, instrument, now, event);
                }
            }
        }
    }

    private void trail(final TicketPosition position, final Instrument instrument, final long now, final CommandEvent event)
    {
        // A ticket closing whole is let be: the terminal would fail the move of a stop on a ticket it has closed.
        if (!instrument.hasQuote() || venue.stopChangePending(position) || venue.wholeClosePending(position))
        {
            return;
        }
        final boolean isLong = position.side == Side.BUY;
        final long mark = isLong ? instrument.bid : instrument.ask;
        final long target = PositionStops.trailed(isLong, mark, position.trailingPct, position.trailingDistance);
        if (PositionStops.tighter(isLong, target, position.trailingTarget))
        {
            position.trailingTarget = target;  // the best price's stop is kept while the throttle holds it back
        }
        // The tighter of the trailing's last ask and the terminal's stop: a stop tightened by hand is never trailed back.
        final long asked = position.trailedStop;
        final long current = asked != TicketPosition.NONE && PositionStops.tighter(isLong, asked, position.stopLoss) ? asked : position.stopLoss;
        if (!PositionStops.tighter(isLong, position.trailingTarget, current))  // TicketPosition.NONE is OrderView.NONE
        {
            return;
        }
        if (position.trailedAtMicros != 0 && now - position.trailedAtMicros < throttleMicros)
        {
            return;
        }
        final Executor executor = executors.forAccount(position.accountIndex);
        if (admission.refusal(executor, now, true) != null)
        {
            return;
        }
        venue.sendModify(executor, position, CommandBodies.MODIFY_STOP_LOSS, position.trailingTarget, position.takeProfit, now, event);
        position.trailedStop = position.trailingTarget;
        position.trailedAtMicros = now;
    }
}
