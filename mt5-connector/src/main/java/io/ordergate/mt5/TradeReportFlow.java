package io.ordergate.mt5;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.Wire;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.view.JsonWriter;

/**
 * Trade reports ({@code POST /api/trade}): the terminal's word on its positions, by the reporting executor's account
 * and ticket (tickets are unique per terminal only). An open report makes the position (also one opened by hand) or,
 * for a ticket already known, updates what changed: stops, and the volume and average price (a netting account that
 * grew, a volume reduced by hand). A partial-close report ({@code closedLots}, with its deal) shrinks the position and
 * books its money once. A close report closes it and books profit, commission and swap once, whatever came first.
 * The executor of a deleted account reports nothing more: refused, so the account made again under its id is untouched.
 * <b>Not thread safe</b>: owned by the engine thread; allocates only for a symbol first seen and for the refusal of an
 * amount or price finer than allowed (its message names the value: an error path, not steady state).
 */
final class TradeReportFlow
{
    /**
     * One message for every deleted account's executor, so the refusal allocates nothing on the engine thread (an
     * executor that keeps reporting would make one per report); its account is named by the executor's view
     * ({@code GET /api/v1/executors/{id}}: {@code account_id}, {@code account_deleted} true).
     */
    static final String ACCOUNT_DELETED = "the account this executor served was deleted: its trade reports are not booked"
        + " (an account made again under that id is a new account and needs an executor of its own)";

    private final EngineContext context;
    private final Executors executors;
    private final Tickets tickets;
    private final Mt5Book book;
    private final DealLessParts parts;
    private final TerminalTimes times;
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();
    private final AsciiView comment = new AsciiView();

    TradeReportFlow(final EngineContext context, final Executors executors, final Tickets tickets, final Mt5Book book, final DealLessParts parts)
    {
        this.context = context;
        this.executors = executors;
        this.tickets = tickets;
        this.book = book;
        this.parts = parts;
        this.times = new TerminalTimes(context);
    }

    void tradeReport(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final Executor executor = executors.find(reader.readString(text));
        if (executor == null)
        {
            event.reject(ResultCode.EXECUTOR_NOT_FOUND, "Executor not found", "executorId");
            return;
        }
        if (executor.accountIndex < 0)
        {
            event.reject(ResultCode.VALIDATION_ERROR, "this executor serves no account: it cannot report trades", "executorId");
            return;
        }
        if (executor.accountDeleted(context.accounts()))
        {
            // Its tickets were the deleted account's: an account made again under the id is a new account (a new slot),
            // and a late report booked on the old slot reached the new one's performance record, which is kept by id.
            event.reject(ResultCode.CONFLICT, ACCOUNT_DELETED, "executorId");
            return;
        }
        final long now = event.wallMicros();
        final int kind = reader.readByte();
        final int flags = reader.readInt();
        final long ticket = reader.readLong();
        reader.readString(text);
        final Side side = Side.fromCode(reader.readByte());
        final long lots = reader.readLong();
        final long openPrice = reader.readLong();
        final long stopLoss = reader.readLong();
        final long takeProfit = reader.readLong();
        final long magic = reader.readLong();
        final long closePrice = reader.readLong();
        final long commission = reader.readLong();
        final long swap = reader.readLong();
        final long profit = reader.readLong();
        reader.readString(comment);
        final boolean extended = reader.position() < event.frameLength();
        final long closedLots = extended ? reader.readLong() : 0;
        final long deal = extended ? reader.readLong() : 0;
        final int rules = extended ? ExecutorBodies.reportRules(reader, event.frameLength()) : ExecutorBodies.REPORT_RULES_BOOKS_EVERY_PART;
        final boolean pairsParts = rules >= ExecutorBodies.REPORT_RULES_PAIRS_PARTS;
        // The terminal's time of the deal (0: none) for the ticket's records; money is booked at arrival (the day's loss).
        final long terminalTime = ExecutorBodies.terminalTime(reader, event.frameLength(), rules);
        final Account account = context.accounts().get(executor.accountIndex);

        TicketPosition position = tickets.byTicket(account.index, ticket);
        final boolean described = position != null && position.symbol != null;
        final Instrument instrument = described || kind != ExecutorBodies.TRADE_OPEN ? null : context.instrumentOf(account, text);
        if ((kind == ExecutorBodies.TRADE_OPEN || position != null)
            && refusedNumbers(event, described ? position : null, instrument, kind, flags, lots, openPrice, stopLoss, takeProfit, closePrice, closedLots)
            || position != null && kind != ExecutorBodies.TRADE_OPEN && refusedMoney(event, flags, profit, commission, swap))
        {
            return;
        }
        if (kind == ExecutorBodies.TRADE_OPEN)
        {
            position = open(event, position, instrument, account, ticket, flags, side, lots, openPrice, magic, terminalTime == 0 ? now : terminalTime);
            if (position == null)
            {
                return;
            }
            times.opened(position, terminalTime);
            if (position.open)
            {
                stops(position, flags, stopLoss, takeProfit);
            }
        }
        else if (position == null)
        {
            event.reject(ResultCode.NOT_FOUND, "Trade not found: no open report for this ticket", "ticket");
            return;
        }
        else if (kind == ExecutorBodies.TRADE_PARTIAL)
        {
            if (!partial(event, pairsParts ? executor : null, position, flags, lots, closedLots, closePrice, profit, commission, swap, deal, now,
                terminalTime == 0 ? now : terminalTime))
            {
                return;
            }
        }
        else
        {
            final long price = has(flags, ExecutorBodies.TRADE_CLOSE_PRICE) ? Wire.exact(closePrice, position.priceDigits) : TicketPosition.NONE;
            book.closeByReport(position, price, money(flags, ExecutorBodies.TRADE_PROFIT, profit),
                money(flags, ExecutorBodies.TRADE_COMMISSION, commission), money(flags, ExecutorBodies.TRADE_SWAP, swap), now);
            times.closed(position, terminalTime);
        }

        final JsonWriter json = context.beginJson(event).startObject();
        json.name("success").bool(true);
        json.name("trade").startObject();
        json.name("id").string("trade_", position.positionId);
        json.name("ticket").idString(position.ticket);
        json.name("status").string(position.open ? "open" : "closed");
        if (position.open)
        {
            json.name("lots").decimal(position.lots, position.quantityDigits);
        }
        json.endObject();
        json.endObject();
        context.endJson(event);
        event.result = ResultCode.OK;
    }

    /**
     * Refuses a report whose lots or prices cannot be booked as sent: not positive (a stop not negative: 0 is none), or
     * finer than its instrument's digits (the position's, or for a ticket first seen the instrument its symbol names; an
     * unknown symbol is held at wire digits, so anything fits), which rounded would book what the terminal never
     * traded. Checked before anything is applied, so a refused report changes nothing. Allocates only a refusal's message.
     *
     * @return true when refused (the event names the field and its value)
     */
    private boolean refusedNumbers(
        final CommandEvent event, final TicketPosition described, final Instrument instrument, final int kind, final int flags,
        final long lots, final long openPrice, final long stopLoss, final long takeProfit, final long closePrice, final long closedLots)
    {
        final int priceDigits = described != null ? described.priceDigits : instrument != null ? instrument.priceDigits : NewOrderBody.WIRE_DIGITS;
        final int lotDigits = described != null ? described.quantityDigits : instrument != null ? instrument.quantityDigits : NewOrderBody.WIRE_DIGITS;
        // An open report for a ticket already held carries the position's AVERAGE price (a netting account that grew),
        // which is no traded price and is routinely finer than the symbol's digits: it is kept at the price digits
        // (open(...)), not refused, or the position's volume would stay stale for good.
        final boolean averaged = kind == ExecutorBodies.TRADE_OPEN && described != null;
        return refused(event, "lots", has(flags, ExecutorBodies.TRADE_LOTS), lots, lotDigits, true, described, instrument)
            || refused(event, "closedLots", kind == ExecutorBodies.TRADE_PARTIAL, closedLots, lotDigits, true, described, instrument)
            || refused(event, "openPrice", has(flags, ExecutorBodies.TRADE_OPEN_PRICE), openPrice, averaged ? NewOrderBody.WIRE_DIGITS : priceDigits,
                false, described, instrument)
            || refused(event, "stopLoss", has(flags, ExecutorBodies.TRADE_STOP_LOSS), stopLoss, priceDigits, false, described, instrument)
            || refused(event, "takeProfit", has(flags, ExecutorBodies.TRADE_TAKE_PROFIT), takeProfit, priceDigits, false, described, instrument)
            || refused(event, "closePrice", has(flags, ExecutorBodies.TRADE_CLOSE_PRICE), closePrice, priceDigits, false, described, instrument);
    }

    /** Refuses a close whose profit, commission or swap (each when given) does not fit the gateway's money ({@link ReportedMoney}). */
    private static boolean refusedMoney(final CommandEvent event, final int flags, final long profit, final long commission, final long swap)
    {
        final String field = ReportedMoney.finerField(has(flags, ExecutorBodies.TRADE_PROFIT), profit, has(flags, ExecutorBodies.TRADE_COMMISSION),
            commission, has(flags, ExecutorBodies.TRADE_SWAP), swap);
        if (field == null)
        {
            return false;
        }
        event.reject(ResultCode.VALIDATION_ERROR, ReportedMoney.finer(field, profit, commission, swap) + ": not rounded, so nothing of the report is applied",
            field);
        return true;
    }

    private boolean refused(
        final CommandEvent event, final String field, final boolean given, final long value, final int digits, final boolean quantity,
        final TicketPosition described, final Instrument instrument)
    {
        if (!given)
        {
            return false;
        }
        final boolean stop = "stopLoss".equals(field) || "takeProfit".equals(field);
        if (value < 0 || value == 0 && !stop)
        {
            event.reject(ResultCode.VALIDATION_ERROR, field + (stop ? " must not be negative (0: none), was " : " must be positive, was ")
                + ReportedDecimals.text(value), field);
            return true;
        }
        if (ReportedDecimals.fits(value, digits))
        {
            return false;
        }
        final String symbol = described != null ? described.symbol : instrument != null ? instrument.symbol : text.toString();
        event.reject(ResultCode.VALIDATION_ERROR, ReportedDecimals.finer(field, value, symbol, digits, quantity)
            + ": not rounded, so nothing of the report is applied", field);
        return true;
    }

    /** The position an open report names, made (opened at {@code openedAt}) or updated; null when refused (the event says why). */
    private TicketPosition open(
        final CommandEvent event, final TicketPosition known, final Instrument instrument, final Account account, final long ticket,
        final int flags, final Side side, final long lots, final long openPrice, final long magic, final long openedAt)
    {
        TicketPosition position = known;
        if (position == null)
        {
            if (text.isEmpty() || side == null || !has(flags, ExecutorBodies.TRADE_LOTS) || !has(flags, ExecutorBodies.TRADE_OPEN_PRICE))
            {
                event.reject(ResultCode.VALIDATION_ERROR, "a trade open report needs symbol, type, lots and openPrice", null);
                return null;
            }
            position = book.upsert(ticket, account, openedAt);
            if (position == null)
            {
                event.reject(ResultCode.CONFLICT, "the ticket table is full (engine.max_tickets)", null);
                return null;
            }
        }
        context.changes().heldPosition(account, position);
        if (position.symbol == null)
        {
            book.describe(position, instrument, instrument == null ? text.toString() : null);  // a broker symbol, say EURUSD.m, as its instrument
            position.side = side;
            position.lots = Wire.exact(lots, position.quantityDigits);
            position.openPrice = Wire.exact(openPrice, position.priceDigits);
            position.magic = has(flags, ExecutorBodies.TRADE_MAGIC) ? magic : 0;
            book.openedByReport(position, openedAt);
        }
        else if (position.open)
        {
            // The terminal's volume and average price now: a netting account that grew, or a volume reduced by hand
            // whose money comes in its partial-close report (or at the final close).
            if (has(flags, ExecutorBodies.TRADE_LOTS) && lots > 0)
            {
                position.lots = Wire.exact(lots, position.quantityDigits);
            }
            if (has(flags, ExecutorBodies.TRADE_OPEN_PRICE) && openPrice > 0)
            {
                position.openPrice = Mt5Book.rounded(openPrice, position.priceDigits);  // an average: to the digits, half-even
            }
        }
        return position;
    }

    /**
     * A partial close by hand (or a partial close whose result is still to come): shrink, book, record once. One reported
     * after the ticket's close report (the terminal ran it first) books its money beside the final close's. With
     * {@code pairing} (the executor; null for a report journaled before {@link DealLessParts}), a part a deal-less
     * CLOSE_POSITION result booked already is booked once.
     */
    private boolean partial(
        final CommandEvent event, final Executor pairing, final TicketPosition position, final int flags, final long remaining, final long closedLots,
        final long closePrice, final long profit, final long commission, final long swap, final long deal, final long now, final long closedAt)
    {
        if (deal == 0)
        {
            event.reject(ResultCode.VALIDATION_ERROR, "a partial-close report needs its deal ticket (deal)", "deal");
            return false;
        }
        final long closing = Wire.exact(closedLots, position.quantityDigits);
        if (pairing != null && DealLessParts.claimedByReport(position, closing, deal))
        {
            remaining(position, flags, remaining);  // the result booked the part; the report names its deal
            return true;
        }
        if (closing <= 0 || closing >= position.lots && !position.appliedPartial(deal))
        {
            event.reject(ResultCode.VALIDATION_ERROR, "closedLots must be positive and less than the position's lots (a whole close is a close report)",
                "closedLots");
            return false;
        }
        final long price = has(flags, ExecutorBodies.TRADE_CLOSE_PRICE) ? Wire.exact(closePrice, position.priceDigits) : TicketPosition.NONE;
        if (book.closePart(position, closing, price, money(flags, ExecutorBodies.TRADE_PROFIT, profit),
            money(flags, ExecutorBodies.TRADE_COMMISSION, commission), money(flags, ExecutorBodies.TRADE_SWAP, swap), deal, now, closedAt))
        {
            if (pairing != null)
            {
                parts.reportedFirst(pairing, position, closing, deal);
            }
            remaining(position, flags, remaining);
        }
        return true;
    }

    private static void remaining(final TicketPosition position, final int flags, final long remaining)
    {
        if (position.open && has(flags, ExecutorBodies.TRADE_LOTS) && remaining > 0)
        {
            position.lots = Wire.exact(remaining, position.quantityDigits);  // the terminal's word on what is left
        }
    }

    private static void stops(final TicketPosition position, final int flags, final long stopLoss, final long takeProfit)
    {
        if (has(flags, ExecutorBodies.TRADE_STOP_LOSS))
        {
            position.stopLoss = stopLoss == 0 ? TicketPosition.NONE : Wire.exact(stopLoss, position.priceDigits);
        }
        if (has(flags, ExecutorBodies.TRADE_TAKE_PROFIT))
        {
            position.takeProfit = takeProfit == 0 ? TicketPosition.NONE : Wire.exact(takeProfit, position.priceDigits);
        }
    }

    static long money(final int flags, final int bit, final long wireValue)
    {
        return has(flags, bit) ? Wire.exact(wireValue, ReportedMoney.DIGITS) : 0;  // refusedMoney let only exact money through
    }

    static boolean has(final int flags, final int bit)
    {
        return (flags & bit) != 0;
    }
}
