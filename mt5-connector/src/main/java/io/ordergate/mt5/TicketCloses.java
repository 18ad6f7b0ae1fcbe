package io.ordergate.mt5;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.Wire;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.command.TimeInForce;
import io.ordergate.engine.order.Order;
import io.ordergate.engine.position.PositionCloser;
import io.ordergate.engine.venue.Venue;
import io.ordergate.engine.view.JsonWriter;

/**
 * Closes of MT5 tickets for {@link Mt5Venue}: one closing order per ticket, routed as {@code CLOSE_POSITION}
 * ({@code ord_<closing order id>}). A ticket whose whole close waits for the executor's answer is closing: a retried
 * close, terminate or signal is answered with that closing order and the terminal gets no second close for the ticket
 * (nothing times a command out, so the wait lasts until the answer; a failed one lets the next retry send again).
 * <b>Not thread safe</b>: engine thread.
 */
final class TicketCloses
{
    private final EngineContext context;
    private final Executors executors;
    private final CommandQueue queue;
    private final Tickets tickets;
    private final CommandAdmission admission;

    TicketCloses(final EngineContext context, final Executors executors, final CommandQueue queue, final Tickets tickets,
        final CommandAdmission admission)
    {
        this.context = context;
        this.executors = executors;
        this.queue = queue;
        this.tickets = tickets;
        this.admission = admission;
    }

    ResultCode closePosition(final long positionId, final boolean hasQuantity, final long wireQuantity, final CommandEvent event)
    {
        final TicketPosition position = tickets.byPositionId(positionId);
        if (position == null || !position.open || !context.principals().canAccess(event.principal(), position.accountIndex))
        {
            return Venue.NOT_HELD;
        }
        if (!context.principals().requireTrade(event))
        {
            return ResultCode.FORBIDDEN;
        }
        long lots = position.lots;
        if (hasQuantity)
        {
            lots = Wire.exact(wireQuantity, position.quantityDigits);
            if (lots == Wire.INEXACT || lots <= 0 || lots > position.lots)
            {
                event.reject(ResultCode.VALIDATION_ERROR, "quantity must be positive, within the position, at the instrument's digits", "quantity");
                return ResultCode.VALIDATION_ERROR;
            }
        }
        final ExecutorCommand closing = pendingWholeClose(position);
        if (closing != null)
        {
            return answerClosing(position, closing, lots, event);
        }
        // Parts sent and not answered yet are closing already: a part beyond what they leave the terminal would refuse.
        final long closingParts = hasQuantity ? pendingParts(position) : 0;
        if (lots > position.lots - closingParts)
        {
            event.reject(ResultCode.VALIDATION_ERROR, "quantity must be within what the partial closes waiting for the executor leave open", "quantity");
            return ResultCode.VALIDATION_ERROR;
        }
        final Order order = closeTicket(position, hasQuantity, wireQuantity, lots, PositionCloser.ORIGIN_CLOSE, event);
        if (order == null)
        {
            event.reject(ResultCode.RISK_MAX_OPEN_ORDERS, "the order table is full of open orders", null);
            return ResultCode.RISK_MAX_OPEN_ORDERS;
        }
        final ResultCode code = order.rejectCode != null ? order.rejectCode : ResultCode.OK;
        context.answerOrder(event, order, code);
        return code;
    }

    void closePositions(
        final Account account, final int instrumentIndex, final int direction, final String origin, final CommandEvent event,
        final Venue.ClosingOrders closing)
    {
        TicketPosition next;
        for (TicketPosition position = tickets.firstOpen(account.index); position != null; position = next)
        {
            next = tickets.nextOpen(position);  // read first: a close may unlink this one
            if ((instrumentIndex >= 0 && position.instrumentIndex != instrumentIndex)
                || (direction > 0 && position.side != Side.BUY) || (direction < 0 && position.side != Side.SELL))
            {
                continue;
            }
            final ExecutorCommand pending = pendingWholeClose(position);
            if (pending != null)
            {
                // closing already: a retried sweep is answered with that closing order, and the terminal gets no second close
                final Order closingOrder = context.orders().get(pending.orderId);
                if (closingOrder != null)
                {
                    closing.closing(closingOrder, ResultCode.OK);
                }
                continue;
            }
            final Order order = closeTicket(position, false, 0, position.lots, origin, event);
            // null: no closing order could be made (the order table full of open orders); told, never skipped in silence
            closing.closing(order, order == null ? ResultCode.RISK_MAX_OPEN_ORDERS : order.rejectCode != null ? order.rejectCode : ResultCode.OK);
        }
    }

    /**
     * Makes the closing order of one ticket and routes CLOSE_POSITION (or rejects the order when the executor is
     * offline or its command table full). Null when the order table is full.
     */
    private Order closeTicket(
        final TicketPosition position, final boolean hasQuantity, final long wireQuantity, final long lots, final String origin,
        final CommandEvent event)
    {
        if (!context.orders().canAllocate())
        {
            return null;
        }
        final long now = event.wallMicros();
        final Account account = context.accounts().get(position.accountIndex);
        final Order order = context.orders().allocate();
        order.accountIndex = account.index;
        order.accountId = account.id;
        order.instrumentIndex = position.instrumentIndex;
        order.symbol = position.symbol;
        order.priceDigits = position.priceDigits;
        order.quantityDigits = position.quantityDigits;
        order.side = position.side.opposite();
        order.type = OrderType.MARKET;
        order.timeInForce = TimeInForce.IOC;
        order.quantity = lots;
        order.origin = origin;
        order.positionId = position.positionId;
        order.createdAtMicros = now;
        order.updatedAtMicros = now;

        final Executor executor = executors.forAccount(account.index);
        final ResultCode unable = admission.refusal(executor, now, false);
        if (unable != null)
        {
            order.reject(unable, CommandAdmission.message(unable), now);
        }
        else
        {
            final ExecutorCommand command = queue.start(executor, ExecutorCommandType.CLOSE_POSITION, CommandPriority.HIGH, order.orderId, now);
            command.ticket = position.ticket;
            command.lots = hasQuantity ? wireQuantity : ExecutorCommand.NONE;
            final JsonWriter json = queue.beginParameters(command).startObject();
            json.name("ticket").idString(position.ticket);
            if (hasQuantity)
            {
                json.name("lots").decimal(lots, position.quantityDigits);
            }
            json.endObject();
            queue.endParameters(command);
            order.status = OrderStatus.ROUTED;
            queue.enqueue(executor, command, event);
            if (lots == position.lots)
            {
                position.wholeCloseSeq = command.seq;
            }
        }
        return order;
    }

    /** The lots of the ticket's partial closes still waiting for the executor's answer (CLOSE_POSITION is always HIGH). */
    private long pendingParts(final TicketPosition position)
    {
        final Executor executor = executors.forAccount(position.accountIndex);
        long parts = 0;
        for (ExecutorCommand c = executor == null ? null : queue.commands().firstPending(executor, CommandPriority.HIGH); c != null;
            c = queue.commands().nextPending(c))
        {
            if (c.type == ExecutorCommandType.CLOSE_POSITION && c.ticket == position.ticket && c.lots != ExecutorCommand.NONE)
            {
                parts += Mt5Book.rounded(c.lots, position.quantityDigits);
            }
        }
        return parts;
    }

    /**
     * The CLOSE_POSITION of the whole ticket still waiting for the executor's answer, or null. While there is one, the
     * ticket takes no stop change either (a trailed move or a PATCH): the terminal would fail it, the ticket being gone.
     */
    ExecutorCommand pendingWholeClose(final TicketPosition position)
    {
        if (position.wholeCloseSeq == 0)
        {
            return null;
        }
        final ExecutorCommand command = queue.commands().get(position.wholeCloseSeq);
        return command != null && command.isPending() && command.type == ExecutorCommandType.CLOSE_POSITION ? command : null;
    }

    /**
     * A close of a ticket whose whole close is pending: the whole again is answered with that closing order (nothing is
     * sent); a part of it conflicts, as the terminal is closing all of it.
     */
    private ResultCode answerClosing(final TicketPosition position, final ExecutorCommand closing, final long lots, final CommandEvent event)
    {
        final Order order = context.orders().get(closing.orderId);
        if (lots == position.lots && order != null)
        {
            context.answerOrder(event, order, ResultCode.OK);
            return ResultCode.OK;
        }
        event.reject(ResultCode.CONFLICT, closingMessage(closing), lots == position.lots ? null : "quantity");
        return ResultCode.CONFLICT;
    }

    /** Why a ticket refuses a change while its whole close waits: names the close, so the caller can follow it. */
    static String closingMessage(final ExecutorCommand closing)
    {
        return "the whole position is closing: " + closing.idPrefix + closing.idNumber + " waits for the executor's answer";
    }
}
