package io.ordergate.mt5;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.Wire;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.OrderView;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.order.Order;
import io.ordergate.engine.view.JsonWriter;

/**
 * What executors report in command results (which settle orders and close tickets), and the start-up recovery that
 * marks orders still at the venue {@code unknown}. Trade reports are {@link TradeReportFlow}'s.
 * A second result for a settled command changes nothing and gets the first answer. A result for a deleted account's
 * command settles it and books nothing: refused 409 CONFLICT, like that executor's trade reports.
 * <b>Not thread safe</b>: owned by the engine thread; allocates only a failed result's message.
 */
final class ReportFlow
{
    static final String ACCOUNT_DELETED = "the account this command was for was deleted: its result is recorded as the executor's word"
        + " but nothing of it is booked (an account made again under that id is a new account and needs an executor of its own)";

    private final EngineContext context;
    private final Executors executors;
    private final CommandQueue queue;
    private final Tickets tickets;
    private final Mt5Book book;
    private InvestorResults investor;
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();
    private final AsciiView message = new AsciiView();
    /** The result object as the executor sent it: the journal keeps it as the terminal's word; the engine reads its parts. */
    private final AsciiView raw = new AsciiView();

    ReportFlow(final EngineContext context, final Executors executors, final CommandQueue queue, final Tickets tickets, final Mt5Book book)
    {
        this.context = context;
        this.executors = executors;
        this.queue = queue;
        this.tickets = tickets;
        this.book = book;
    }

    /** Seed 004's results go to the investor side. Before replay. */
    void investorResults(final InvestorResults results)
    {
        this.investor = results;
    }

    void commandResult(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final Executor executor = executors.find(reader.readString(text));
        if (executor == null)
        {
            event.reject(ResultCode.EXECUTOR_NOT_FOUND, "Executor not found", null);
            return;
        }
        final ExecutorCommand command = queue.commands().find(reader.readString(text));
        final int status = reader.readByte();
        final int flags = reader.readInt();
        final long ticket = reader.readLong();
        final long price = reader.readLong();
        final long lots = reader.readLong();
        final long profit = reader.readLong();
        reader.readString(message);
        reader.readString(raw);
        final int partsStart = reader.position();
        final long deal = dealPart(event);
        if (command == null || command.executorIndex != executor.index)
        {
            event.reject(ResultCode.NOT_FOUND, "Command not found", "commandId");
            return;
        }
        if (forDeletedAccount(executor, command))
        {
            if (command.isPending())
            {
                // Settled as the terminal reported it, so it is not sent again; the journal keeps the result as sent.
                final boolean executed = status == ExecutorBodies.STATUS_EXECUTED;
                queue.settle(executor, command, executed ? CommandStatus.EXECUTED : CommandStatus.FAILED, event.wallMicros());
                if (command.type.isInvestor())
                {
                    investor.accountDeleted(command, event);
                }
            }
            event.reject(ResultCode.CONFLICT, ACCOUNT_DELETED, "commandId");
            return;
        }
        if (command.isPending())
        {
            final long now = event.wallMicros();
            final boolean executed = status == ExecutorBodies.STATUS_EXECUTED;
            if (executed && !command.type.isInvestor() && finer(event, command, executor, flags, ticket, price, lots, profit))
            {
                return;  // still pending: nothing of the result is applied, and a repeat of it is refused alike
            }
            queue.settle(executor, command, executed ? CommandStatus.EXECUTED : CommandStatus.FAILED, now);
            if (command.type.isInvestor())
            {
                investor.settled(command, executor, executed, message, reader.wrap(event.frame, partsStart), event);
            }
            else if (executed)
            {
                applyExecuted(command, executor, flags, ticket, price, lots, profit, deal, now);
            }
            else
            {
                applyFailed(command, executor, now);
            }
        }
        final JsonWriter json = context.beginJson(event).startObject();
        json.name("success").bool(true);
        json.name("command").startObject();
        json.name("id").string(command.idPrefix, command.idNumber, command.idEpoch);
        json.name("status").string(command.status.wireName());
        json.name("executedAt").time(command.executedAtMicros);
        json.endObject();
        json.endObject();
        context.endJson(event);
        event.result = ResultCode.OK;
    }

    /**
     * Whether the command was for an account deleted since: an account made again under its id is a new account (a new
     * slot), and what is booked on the old slot reaches the new one's performance record, which is kept by id. A seed 004
     * command is for its operation's account (an agent serves many), any other for its executor's.
     */
    private boolean forDeletedAccount(final Executor executor, final ExecutorCommand command)
    {
        return command.type.isInvestor() ? Executor.isDeleted(context.accounts(), investor.accountOf(command))
            : executor.accountDeleted(context.accounts());
    }

    /**
     * Refuses an executed result that could only be booked rounded: lots or a price finer than the instrument's digits,
     * a profit finer than the gateway's money ({@link ReportedMoney#DIGITS}), or a ticket whose open report the order would
     * adopt with numbers finer than the order's instrument. Rounded, the gateway would book what the terminal never
     * traded; refused, the command stays pending and the journal keeps the result as sent. Checked before anything is
     * applied; allocates only the refusal's message.
     *
     * @return true when refused (the event names the field and value)
     */
    private boolean finer(
        final CommandEvent event, final ExecutorCommand command, final Executor executor, final int flags, final long ticket,
        final long price, final long lots, final long profit)
    {
        final Order order = command.orderId == 0 ? null : context.orders().get(command.orderId);
        // a ticket's close in a symbol the gateway does not know has an order with no instrument (index -1)
        final Instrument instrument = order == null || order.status.isTerminal() || order.instrumentIndex < 0 ? null
            : context.instruments().get(order.instrumentIndex);
        final boolean priced = has(flags, ExecutorBodies.RESULT_PRICE);
        if (command.type == ExecutorCommandType.OPEN_POSITION && instrument != null)  // a settled order takes nothing of it
        {
            if (has(flags, ExecutorBodies.RESULT_LOTS) && !ReportedDecimals.fits(lots, instrument.quantityDigits))
            {
                return refuse(event, "lots", ReportedDecimals.finer("lots", lots, instrument.symbol, instrument.quantityDigits, true));
            }
            if (priced && !ReportedDecimals.fits(price, instrument.priceDigits))
            {
                return refuse(event, "price", ReportedDecimals.finer("price", price, instrument.symbol, instrument.priceDigits, false));
            }
            final TicketPosition reported = has(flags, ExecutorBodies.RESULT_TICKET) ? tickets.byTicket(executor.accountIndex, ticket) : null;
            final String unadoptable = reported == null || reported.orderId != 0 ? null
                : ReportedDecimals.unadoptable(reported, reported.openTradeId == 0 ? null : context.trades().byId(reported.openTradeId), instrument);
            return unadoptable != null && refuse(event, "ticket", unadoptable);
        }
        if (command.type == ExecutorCommandType.CLOSE_POSITION)
        {
            final TicketPosition position = tickets.byTicket(executor.accountIndex, command.ticket);
            if (priced && position != null && !ReportedDecimals.fits(price, position.priceDigits))
            {
                return refuse(event, "price", ReportedDecimals.finer("price", price, position.symbol, position.priceDigits, false));
            }
            if (priced && instrument != null && !ReportedDecimals.fits(price, instrument.priceDigits))
            {
                return refuse(event, "price", ReportedDecimals.finer("price", price, instrument.symbol, instrument.priceDigits, false));
            }
            if (has(flags, ExecutorBodies.RESULT_PROFIT) && (position != null || instrument != null) && !ReportedMoney.fits(profit))
            {
                return refuse(event, ReportedMoney.PROFIT, ReportedMoney.finer(ReportedMoney.PROFIT, profit));
            }
        }
        return false;
    }

    /** Refuses the result by its {@code details} field: always true. */
    private static boolean refuse(final CommandEvent event, final String field, final String why)
    {
        event.reject(ResultCode.VALIDATION_ERROR, why + ": not rounded, so nothing of the result is applied and the command stays pending", field);
        return true;
    }

    private void applyExecuted(
        final ExecutorCommand command, final Executor executor, final int flags, final long ticket, final long price,
        final long lots, final long profit, final long deal, final long now)
    {
        final Order order = command.orderId == 0 ? null : context.orders().get(command.orderId);
        final boolean orderOpen = order != null && !order.status.isTerminal();
        if (orderOpen)
        {
            context.changes().order(order);
        }
        switch (command.type)
        {
            case OPEN_POSITION:
            {
                if (!orderOpen)
                {
                    return;
                }
                final long filled = has(flags, ExecutorBodies.RESULT_LOTS) ? Wire.exact(lots, order.quantityDigits) : order.quantity;
                final long fillPrice = has(flags, ExecutorBodies.RESULT_PRICE) ? Wire.exact(price, order.priceDigits) : OrderView.NONE;
                TicketPosition position = null;
                if (has(flags, ExecutorBodies.RESULT_TICKET))
                {
                    final Account account = context.accounts().get(order.accountIndex);
                    position = book.upsert(ticket, account, now);
                    if (position != null && position.symbol == null)
                    {
                        book.describe(position, context.instruments().get(order.instrumentIndex), null);
                        position.side = order.side;
                        position.lots = filled;
                        position.openPrice = fillPrice == OrderView.NONE ? 0 : fillPrice;
                        position.stopLoss = order.stopLoss;
                        position.takeProfit = order.takeProfit;
                        position.trailingPct = order.trailingStopPct;
                        position.trailingDistance = order.trailingStopDistance;
                        position.magic = Mt5Venue.MAGIC_NUMBER;
                    }
                    else if (position != null && position.orderId == 0)
                    {
                        // The terminal's open report came first: the ticket is this order's. A group member's broker
                        // symbol (EURUSD.m) it was named by becomes the order's instrument; the stops are the
                        // terminal's word, the trailing stop only the order knows.
                        book.adopt(position, context.instruments().get(order.instrumentIndex));
                        position.trailingPct = order.trailingStopPct;
                        position.trailingDistance = order.trailingStopDistance;
                    }
                    if (position != null)
                    {
                        position.orderId = order.orderId;
                    }
                }
                book.fill(order, filled, fillPrice, has(flags, ExecutorBodies.RESULT_TICKET) ? ticket : 0, position, false, 0, now);
                return;
            }
            case CLOSE_POSITION:
            {
                final TicketPosition position = tickets.byTicket(executor.accountIndex, command.ticket);
                final long money = has(flags, ExecutorBodies.RESULT_PROFIT) ? Wire.exact(profit, ReportedMoney.DIGITS) : 0;
                final long closed = position == null || command.lots == ExecutorCommand.NONE ? TicketPosition.NONE
                    : Mt5Book.rounded(command.lots, position.quantityDigits);
                // A part answered after the final close (the terminal ran it first) is a part still, the ticket closed or
                // not: its money and fill are beside the final close's, never in place of them.
                final boolean part = closed != TicketPosition.NONE && closed < position.lots;
                if (position != null)
                {
                    final long closePrice = has(flags, ExecutorBodies.RESULT_PRICE) ? Wire.exact(price, position.priceDigits) : TicketPosition.NONE;
                    if (part)
                    {
                        final long partDeal = DealLessParts.dealOf(command, deal);
                        if (book.closePart(position, closed, closePrice, money, 0, 0, partDeal, now, now) && partDeal == 0)
                        {
                            DealLessParts.bookedWithoutDeal(position, closed);
                        }
                    }
                    else if (!position.appliedPartial(deal))
                    {
                        book.closeByResult(position, closePrice, money, now);
                    }
                }
                if (orderOpen)
                {
                    final long fillPrice = has(flags, ExecutorBodies.RESULT_PRICE) ? Wire.exact(price, order.priceDigits) : OrderView.NONE;
                    book.fill(order, order.quantity, fillPrice, command.ticket, position, part, money, now);
                }
                return;
            }
            case MODIFY_POSITION:
            {
                final TicketPosition position = tickets.byTicket(executor.accountIndex, command.ticket);
                if (position != null && position.open)
                {
                    context.changes().heldPosition(context.accounts().get(position.accountIndex), position);
                    if (command.seq > position.modifiedSeq)  // an earlier modify answered late: the terminal holds the later one's
                    {
                        position.modifiedSeq = command.seq;
                        position.stopLoss = command.stopLoss;
                        position.takeProfit = command.takeProfit;
                    }
                    if (command.endsTrailing)
                    {
                        position.endTrailing();
                    }
                }
                return;
            }
            default:
                // Control commands change nothing the gateway holds: trade reports follow for what they closed.
        }
    }

    private void applyFailed(final ExecutorCommand command, final Executor executor, final long now)
    {
        if (command.type == ExecutorCommandType.MODIFY_POSITION)
        {
            final TicketPosition position = tickets.byTicket(executor.accountIndex, command.ticket);
            if (position != null && position.open)
            {
                position.trailRefused(command.stopLoss);  // the terminal kept its stop: the trailing asks again
            }
        }
        final Order order = command.orderId == 0 ? null : context.orders().get(command.orderId);
        if (order != null && !order.status.isTerminal())
        {
            final String text = message.length() == 0 ? "the executor reported the command failed" : message.toString();
            command.resultMessage = text;
            context.changes().order(order);
            order.reject(ResultCode.VENUE_REJECTED, text, now);
        }
    }

    /**
     * RECOVER_ROUTED, published once at start-up after replay: an order still routed may or may not have reached
     * the terminal before the restart, so it is {@code unknown} until its command's result (re-delivered with the
     * same id) settles it. Every remembered order is walked, the open ones newer orders displaced from their slots
     * included: those are the long-lived ones, the likeliest to be still routed.
     */
    void recoverRouted(final CommandEvent event)
    {
        final long now = event.wallMicros();
        int recovered = 0;
        final int span = context.orders().rememberedSpan();
        for (int back = 0; back < span; back++)
        {
            final Order order = context.orders().newest(back);
            if (order != null && order.status == OrderStatus.ROUTED)
            {
                context.changes().order(order);
                order.status = OrderStatus.UNKNOWN;
                order.updatedAtMicros = now;
                recovered++;
            }
        }
        final JsonWriter json = context.beginJson(event).startObject();
        json.name("unknown_orders").number(recovered);
        json.endObject();
        context.endJson(event);
        event.result = ResultCode.OK;
    }

    /** The DEAL part of a result (the closing deal's ticket), or 0. */
    private long dealPart(final CommandEvent event)
    {
        final int end = event.frameLength();
        while (reader.position() < end)
        {
            final int tag = reader.readByte();
            if (tag != ResultParts.DEAL)
            {
                return 0;  // the other parts belong to other commands' results
            }
            return reader.readLong();
        }
        return 0;
    }

    private static boolean has(final int flags, final int bit)
    {
        return (flags & bit) != 0;
    }
}
