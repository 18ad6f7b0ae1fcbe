package io.ordergate.mt5;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.account.Valuation;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.order.Order;
import io.ordergate.engine.position.PositionStops;
import io.ordergate.engine.venue.Venue;
import io.ordergate.engine.view.JsonWriter;

/**
 * The MT5 venue: an order on an mt5 account becomes an {@code OPEN_POSITION} command for the account's executor,
 * a close of one of its tickets {@code CLOSE_POSITION}, a stop change {@code MODIFY_POSITION}, the account's
 * close-all {@code CLOSE_ALL_POSITIONS}. Order commands carry the id {@code ord_<orderId>}, stable for the order.
 * The order stays {@code routed} until the executor's result settles it. <b>Not thread safe</b>: engine thread.
 */
final class Mt5Venue implements Venue
{
    /** The magic number MT5 positions opened by the gateway carry, so a terminal can tell them from its own. */
    static final long MAGIC_NUMBER = 20_261_122L;

    private final EngineContext context;
    private final Executors executors;
    private final CommandQueue queue;
    private final Tickets tickets;
    private final Mt5Book book;
    private final long offlineAfterMicros;
    private final CommandAdmission admission;
    private final Mt5Trailing trailing;
    private final TicketCloses closes;
    private final Mt5ExpertPositions expertPositions;
    private final Mt5PositionJson positionJson;

    /** Investor links and deals (seed 004), the EA room (seed 002): a field so snapshots carry them. */
    private final ConnectorRooms rooms;

    Mt5Venue(final EngineContext context, final Executors executors, final CommandQueue queue, final Tickets tickets, final Mt5Book book,
        final ConnectorRooms rooms, final CommandAdmission admission)
    {
        this.admission = admission;
        this.rooms = rooms;
        this.context = context;
        this.executors = executors;
        this.queue = queue;
        this.tickets = tickets;
        this.book = book;
        this.offlineAfterMicros = context.config().executors().offlineAfterSeconds() * 1_000_000L;
        this.trailing = new Mt5Trailing(context, executors, tickets, this, admission);
        this.closes = new TicketCloses(context, executors, queue, tickets, admission);
        this.expertPositions = new Mt5ExpertPositions(context);
        this.positionJson = new Mt5PositionJson(context);
    }

    @Override
    public ResultCode route(final Order order, final Account account, final Instrument instrument, final CommandEvent event)
    {
        final long now = event.wallMicros();
        final Executor executor = executors.forAccount(account.index);
        // an executor that cannot keep up slows its account's intake (EXECUTOR_BUSY): a clear 422, not an order routed for minutes
        final ResultCode unable = admission.refusal(executor, now, true);
        if (unable != null)
        {
            order.reject(unable, CommandAdmission.message(unable), now);
            return unable;
        }
        if (order.type != OrderType.MARKET)
        {
            order.reject(ResultCode.VENUE_REJECTED, "the MT5 venue takes market orders only", now);
            return ResultCode.VENUE_REJECTED;
        }
        final ExecutorCommand command = queue.start(executor, ExecutorCommandType.OPEN_POSITION, CommandPriority.HIGH, order.orderId, now);
        // The broker's name for the instrument: a group member's symbol_suffix / symbol_map, else the symbol itself.
        final JsonWriter json = queue.beginParameters(command).startObject();
        json.name("symbol").string(order.venueSymbolOrSymbol());
        json.name("type").string(order.side == io.ordergate.engine.command.Side.BUY ? "BUY" : "SELL");
        json.name("lots").decimal(order.quantity, order.quantityDigits);
        json.name("sl").decimal(order.stopLoss == io.ordergate.engine.command.OrderView.NONE ? 0 : order.stopLoss, order.priceDigits);
        json.name("tp").decimal(order.takeProfit == io.ordergate.engine.command.OrderView.NONE ? 0 : order.takeProfit, order.priceDigits);
        json.name("orderId").idString(order.orderId);
        json.name("magicNumber").number(MAGIC_NUMBER);
        json.endObject();
        queue.endParameters(command);
        order.status = OrderStatus.ROUTED;
        order.updatedAtMicros = now;
        queue.enqueue(executor, command, event);
        return null;
    }

    /** MT5 positions are the terminal's tickets, not the engine's net positions. */
    @Override
    public boolean holdsPositions()
    {
        return true;
    }

    @Override
    public void writePositions(final Account account, final JsonWriter json)
    {
        for (TicketPosition position = tickets.firstOpen(account.index); position != null; position = tickets.nextOpen(position))
        {
            positionJson.write(position, json);
        }
    }

    @Override
    public void writeExpertPositions(final Account account, final JsonWriter json)
    {
        for (TicketPosition position = tickets.firstOpen(account.index); position != null; position = tickets.nextOpen(position))
        {
            expertPositions.write(position, json);
        }
    }

    @Override
    public long unrealized(final Account account)
    {
        long total = 0;
        for (TicketPosition position = tickets.firstOpen(account.index); position != null; position = tickets.nextOpen(position))
        {
            final Instrument instrument = priced(account, position);
            if (instrument != null)
            {
                final boolean isLong = position.side == Side.BUY;
                total += Valuation.pnl(account, instrument, isLong ? 1 : -1, position.lots, position.openPrice,
                    isLong ? instrument.bid : instrument.ask);
            }
        }
        return total;
    }

    /** The open tickets of the account in the instrument, longs and shorts alike: what max_position_quantity counts. */
    @Override
    public long heldQuantity(final Account account, final Instrument instrument)
    {
        long gross = 0;
        for (TicketPosition position = tickets.firstOpen(account.index); position != null; position = tickets.nextOpen(position))
        {
            gross += position.instrumentIndex == instrument.index ? position.lots : 0;
        }
        return gross;
    }

    /** Every open ticket of the account has a quote here: its equity is counted from them, not from the heartbeat. */
    @Override
    public boolean valuesOpenHoldings(final Account account)
    {
        boolean any = false;
        for (TicketPosition position = tickets.firstOpen(account.index); position != null; position = tickets.nextOpen(position))
        {
            if (priced(account, position) == null)
            {
                return false;
            }
            any = true;
        }
        return any;
    }

    @Override
    public long marginUsed(final Account account)
    {
        long total = 0;
        for (TicketPosition position = tickets.firstOpen(account.index); position != null; position = tickets.nextOpen(position))
        {
            final Instrument instrument = priced(account, position);
            if (instrument != null)
            {
                total += Valuation.margin(account, instrument, position.lots, position.side == Side.BUY ? instrument.bid : instrument.ask);
            }
        }
        return total;
    }

    /** The ticket's instrument when the gateway can value it now (known symbol, a quote, a conversion), else null. */
    private Instrument priced(final Account account, final TicketPosition position)
    {
        if (position.instrumentIndex < 0 || position.side == null)
        {
            return null;
        }
        final Instrument instrument = context.instruments().get(position.instrumentIndex);
        return instrument.hasQuote() && Valuation.canValue(account, instrument) ? instrument : null;
    }

    @Override
    public ResultCode closePosition(final long positionId, final boolean hasQuantity, final long wireQuantity, final CommandEvent event)
    {
        return closes.closePosition(positionId, hasQuantity, wireQuantity, event);
    }

    @Override
    public void closePositions(
        final Account account, final int instrumentIndex, final int direction, final String origin, final CommandEvent event,
        final ClosingOrders closing)
    {
        closes.closePositions(account, instrumentIndex, direction, origin, event, closing);
    }

    @Override
    public ResultCode modifyPosition(
        final long positionId, final int flags, final long wireStopLoss, final long wireTakeProfit, final CommandEvent event)
    {
        final TicketPosition position = tickets.byPositionId(positionId);
        if (position == null || !position.open || !context.principals().canAccess(event.principal(), position.accountIndex))
        {
            return NOT_HELD;
        }
        if (!context.principals().requireTrade(event))
        {
            return ResultCode.FORBIDDEN;
        }
        final ExecutorCommand closing = closes.pendingWholeClose(position);
        if (closing != null)
        {
            event.reject(ResultCode.CONFLICT, TicketCloses.closingMessage(closing), null);
            return ResultCode.CONFLICT;
        }
        // A level left unchanged is sent as the one the terminal will hold: an earlier PATCH's still on its way, else a
        // trailed stop on its way, when tighter. The terminal runs them in order, so a confirmed level sent here would
        // undo the one on its way unseen (the trailing sends nothing while a PATCH waits: the PATCH's levels are the last).
        final ExecutorCommand patching = pendingPatch(position);
        final long heldStop = patching != null ? patching.stopLoss
            : PositionStops.tighter(position.side == Side.BUY, position.trailedStop, position.stopLoss) ? position.trailedStop : position.stopLoss;
        final long heldTarget = patching != null ? patching.takeProfit : position.takeProfit;
        final long stopLoss = TicketPosition.level(flags, CommandBodies.MODIFY_STOP_LOSS, wireStopLoss, heldStop, position.priceDigits);
        final long takeProfit = TicketPosition.level(flags, CommandBodies.MODIFY_TAKE_PROFIT, wireTakeProfit, heldTarget, position.priceDigits);
        if (stopLoss == TicketPosition.INVALID || takeProfit == TicketPosition.INVALID)
        {
            event.reject(ResultCode.VALIDATION_ERROR, "price has more decimal places than the instrument's digits",
                stopLoss == TicketPosition.INVALID ? "stop_loss" : "take_profit");
            return ResultCode.VALIDATION_ERROR;
        }
        final String tooFar = tooFarField(position, flags, stopLoss, takeProfit);
        if (tooFar != null)
        {
            event.reject(ResultCode.VALIDATION_ERROR, PositionStops.TOO_FAR, tooFar);  // as a paper position's (PositionFlow)
            return ResultCode.VALIDATION_ERROR;
        }
        final long now = event.wallMicros();
        final Executor executor = executors.forAccount(position.accountIndex);
        final ResultCode unable = admission.refusal(executor, now, true);
        if (unable != null)
        {
            event.reject(unable, CommandAdmission.message(unable), null);
            return unable;
        }
        // A stop loss given ends a trailing stop, once the terminal has it: a refused one leaves the ticket trailing.
        // Any PATCH holds the trailing while it waits: a trailed move carries the levels confirmed so far, and the
        // terminal, running both in order, would undo the user's take profit with it.
        final ExecutorCommand command = sendModify(executor, position, flags, stopLoss, takeProfit, now, event);
        command.endsTrailing = (flags & CommandBodies.MODIFY_STOP_LOSS) != 0;
        position.stopChangeSeq = command.seq;

        // The stops change when the terminal confirms; the answer is the position as it stands, with the command.
        final JsonWriter out = context.beginJson(event);
        positionJson.write(position, out);
        context.endJson(event);
        event.result = ResultCode.OK;
        return ResultCode.OK;
    }

    /**
     * The field of a stop or target given further from the ticket's open price than its instrument can value
     * ({@link PositionStops#tooFar}), else null: refused here as on a paper position, not sent as a nonsense command a
     * terminal may well take (a sell's stop at 90 billion). A ticket in a symbol the gateway does not know has no
     * instrument to value it by: the terminal judges its levels.
     */
    private String tooFarField(final TicketPosition position, final int flags, final long stopLoss, final long takeProfit)
    {
        if (position.instrumentIndex < 0)
        {
            return null;
        }
        final Instrument instrument = context.instruments().get(position.instrumentIndex);
        if ((flags & CommandBodies.MODIFY_STOP_LOSS) != 0 && stopLoss != TicketPosition.NONE
            && PositionStops.tooFar(instrument, position.openPrice, stopLoss))
        {
            return "stop_loss";
        }
        final boolean tooFarTarget = (flags & CommandBodies.MODIFY_TAKE_PROFIT) != 0 && takeProfit != TicketPosition.NONE
            && PositionStops.tooFar(instrument, position.openPrice, takeProfit);
        return tooFarTarget ? "take_profit" : null;
    }

    /** Queues a MODIFY_POSITION of the ticket to these stops (a stop of NONE is sent as 0: removed). */
    ExecutorCommand sendModify(final Executor executor, final TicketPosition position, final int flags, final long stopLoss, final long takeProfit,
        final long now, final CommandEvent event)
    {
        final ExecutorCommand command = queue.start(executor, ExecutorCommandType.MODIFY_POSITION, CommandPriority.NORMAL, 0, now);
        command.ticket = position.ticket;
        command.modifyFlags = flags;
        command.stopLoss = stopLoss;
        command.takeProfit = takeProfit;
        final JsonWriter json = queue.beginParameters(command).startObject();
        json.name("ticket").idString(position.ticket);
        json.name("sl").decimal(stopLoss == TicketPosition.NONE ? 0 : stopLoss, position.priceDigits);
        json.name("tp").decimal(takeProfit == TicketPosition.NONE ? 0 : takeProfit, position.priceDigits);
        json.endObject();
        queue.endParameters(command);
        queue.enqueue(executor, command, event);
        return command;
    }

    /** Whether a stop change the user gave the ticket (a PATCH) waits for the executor's answer (the trailing then waits too). */
    boolean stopChangePending(final TicketPosition position)
    {
        return pendingPatch(position) != null;
    }

    /** The MODIFY_POSITION of the ticket's last PATCH while it waits for the executor's answer, else null. */
    private ExecutorCommand pendingPatch(final TicketPosition position)
    {
        final ExecutorCommand command = position.stopChangeSeq == 0 ? null : queue.commands().get(position.stopChangeSeq);
        return command != null && command.isPending() && command.type == ExecutorCommandType.MODIFY_POSITION ? command : null;
    }

    /** Whether the ticket's whole close waits for the executor's answer (no stop is moved meanwhile). */
    boolean wholeClosePending(final TicketPosition position)
    {
        return closes.pendingWholeClose(position) != null;
    }

    /** Moves the trailing stops of the tickets in the instrument ({@link Mt5Trailing}). */
    @Override
    public void quoted(final Instrument instrument, final CommandEvent event)
    {
        trailing.quoted(instrument, event);
    }

    /**
     * Sends CLOSE_ALL_POSITIONS, first in its executor's queue (URGENT), busy or not. When it cannot be sent (the
     * executor offline: nothing would close until it came back; or the table full) the close-all answers why, not OK.
     */
    @Override
    public ResultCode closeAll(final Account account, final CommandEvent event)
    {
        final Executor executor = executors.forAccount(account.index);
        final ResultCode unable = admission.refusal(executor, event.wallMicros(), false);
        if (unable != null)
        {
            event.reject(unable, unable == ResultCode.VENUE_UNAVAILABLE ? CLOSE_ALL_UNSENT + CommandAdmission.TABLE_FULL
                : executor == null ? CLOSE_ALL_UNSENT + "no executor serves the account" : CLOSE_ALL_UNSENT + "its executor is offline", null);
            return unable;
        }
        final ExecutorCommand command = queue.start(executor, ExecutorCommandType.CLOSE_ALL_POSITIONS, CommandPriority.URGENT, 0, event.wallMicros());
        queue.enqueue(executor, command, event);
        return null;
    }

    private static final String CLOSE_ALL_UNSENT = "the account is paused, but no CLOSE_ALL_POSITIONS was sent: ";

    /** The account's executor as group metrics show a connection: online by its heartbeats, at the command's time. */
    @Override
    public void writeConnection(final Account account, final long nowMicros, final JsonWriter json)
    {
        Executor.writeHealth(executors.forAccount(account.index), nowMicros, offlineAfterMicros, json);
    }

    @Override
    public long digest()
    {
        long hash = executors.count() * 31L + queue.commands().nextSeq() + rooms.digest();
        for (int i = 0; i < tickets.capacity(); i++)
        {
            final TicketPosition p = tickets.slot(i);
            if (p.ticket != 0)
            {
                hash = Long.rotateLeft(hash ^ (p.ticket * 0x9E3779B97F4A7C15L + p.positionId + p.lots + (p.open ? 1 : 0) + p.booked), 29);
                hash = Long.rotateLeft(hash ^ (p.accountIndex * 31L + p.openPrice + p.closeProfit + p.closeCommission * 7 + p.closeSwap * 13
                    + (p.closeReported ? 1 : 0) + p.closeRecord + p.partialDealCount), 17);
                hash = Long.rotateLeft(hash ^ (p.stopLoss * 31 + p.takeProfit + p.trailingTarget * 7 + p.trailedStop * 13 + p.trailedAtMicros
                    + p.wholeCloseSeq * 17 + p.stopChangeSeq * 19 + p.trailingPct * 23 + p.trailingDistance * 29), 11);
            }
        }
        return hash;
    }
}
